import Foundation
import Testing
@testable import BinderyService

/// Collects watch events from the watcher's queue.
private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [WatchEvent] = []
    func append(_ event: WatchEvent) { lock.withLock { events.append(event) } }
    var all: [WatchEvent] { lock.withLock { events } }
    func contains(_ event: WatchEvent) -> Bool { all.contains(event) }
}

@Suite struct InotifyWatcherTests {
    @Test func reportsWritesRenamesDeletionsAndNewDirectories() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.path("out"), withIntermediateDirectories: true)
        let layout = CorpusLayout(root: directory.url, excluding: [directory.path("out")])
        let watcher = InotifyWatcher(layout: layout)
        let log = EventLog()
        try watcher.start { log.append($0) }
        defer { watcher.stop() }

        try directory.write("one", to: "a.txt")
        #expect(await eventually(timeout: 5) { log.contains(.touched("a.txt")) })
        try directory.write("two", to: ".b.txt.swp")
        try FileManager.default.moveItem(at: directory.path(".b.txt.swp"), to: directory.path("b.txt"))
        #expect(await eventually(timeout: 5) { log.contains(.touched("b.txt")) })
        try directory.write("title: T", to: "b.meta.yaml")
        try directory.write("ignored", to: "out/c.txt")
        try FileManager.default.removeItem(at: directory.path("a.txt"))
        #expect(await eventually(timeout: 5) { log.all.filter { $0 == .touched("a.txt") }.count == 2 })
        #expect(log.all.filter { $0 == .touched("b.txt") }.count == 2)

        try FileManager.default.createDirectory(at: directory.path("new/deeper"), withIntermediateDirectories: true)
        #expect(await eventually(timeout: 5) { log.contains(.directoryAppeared("new")) })
        try directory.write("three", to: "new/deeper/d.txt")
        #expect(await eventually(timeout: 5) { log.contains(.touched("new/deeper/d.txt")) })
        #expect(!log.all.contains { if case .touched(let path) = $0 { path.hasPrefix("out/") || path.hasPrefix(".") } else { false } })
    }

    /// `ln` gives the new name IN_CREATE and nothing else (no data is written).
    @Test func aHardLinkIntoTheCorpusIsReported() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("outside", to: "elsewhere/a.txt")
        try FileManager.default.createDirectory(at: directory.path("corpus"), withIntermediateDirectories: true)
        let watcher = InotifyWatcher(layout: CorpusLayout(root: directory.path("corpus"), excluding: []))
        let log = EventLog()
        try watcher.start { log.append($0) }
        defer { watcher.stop() }
        #expect(link(directory.path("elsewhere/a.txt").path, directory.path("corpus/linked.txt").path) == 0)
        #expect(await eventually(timeout: 5) { log.contains(.touched("linked.txt")) })
    }

    @Test func pollingNoticesChanges() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("one", to: "a.txt")
        let watcher = PollingWatcher(layout: CorpusLayout(root: directory.url, excluding: []), interval: 0.05)
        let log = EventLog()
        try watcher.start { log.append($0) }
        defer { watcher.stop() }
        try directory.write("a longer text", to: "a.txt")
        try directory.write("new", to: "sub/b.txt")
        #expect(await eventually(timeout: 5) { log.contains(.touched("a.txt")) && log.contains(.touched("sub/b.txt")) })
        try FileManager.default.removeItem(at: directory.path("sub/b.txt"))
        #expect(await eventually(timeout: 5) { log.all.filter { $0 == .touched("sub/b.txt") }.count == 2 })
    }

    /// #22: a PDF is reported like a text source, and a change to it or to its sidecar touches every source
    /// of its stem (`b.txt` too), with inotify and with polling.
    @Test(arguments: [false, true]) func aPDFAndItsSidecarTouchEverySourceOfTheStem(polling: Bool) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let layout = CorpusLayout(root: directory.url, excluding: [])
        let watcher: any CorpusWatcher = polling ? PollingWatcher(layout: layout, interval: 0.05) : InotifyWatcher(layout: layout)
        let log = EventLog()
        try watcher.start { log.append($0) }
        defer { watcher.stop() }
        try directory.write("%PDF-1.4", to: "b.pdf")
        #expect(await eventually(timeout: 5) { log.contains(.touched("b.pdf")) && log.contains(.touched("b.txt")) })
        let touches = log.all.filter { $0 == .touched("b.pdf") }.count
        try directory.write("title: T", to: "b.meta.yaml")
        #expect(await eventually(timeout: 5) { log.all.filter { $0 == .touched("b.pdf") }.count > touches })
    }

    @Test func settlerDeliversOnceAfterQuiet() async throws {
        let log = EventLog()
        let settler = Settler(milliseconds: 100) { log.append(.touched($0)) }
        for _ in 0..<10 { settler.touch("a.txt") }
        settler.touch("b.txt")
        #expect(await eventually(timeout: 5) { log.all.count == 2 })
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(log.all.count == 2)
    }
}
