import BinderyConversion
import BinderyTestSupport
import Foundation
import Synchronization
import Testing
@testable import BinderyService

/// Early start: a source converted during its settle delay is published by the job after the delay
/// only when the job reads exactly the bytes (and stat) that were converted.
@Suite struct EarlyConversionTests {
    private let text = PipelineFixture.shortBook

    /// The outputs a job converting `path` itself would publish, by output file name.
    private func freshOutputs(_ fixture: PipelineFixture, _ path: String) throws -> [String: [UInt8]] {
        let url = fixture.directory.path("corpus/\(path)")
        let stamp = try #require(FileStamp(path: url.path))
        let files = try fixture.pipeline.read(path, limit: 1 << 20)
        let settings = fixture.pipeline.settings
        let source = fixture.pipeline.source(path, bytes: files.bytes, digest: ContentDigest(files.bytes), sidecar: files.sidecar, resources: files.resources,
                                             stamp: stamp, settings: settings)
        let result = try settings.converter.convert(source, formats: settings.formats)
        return Dictionary(uniqueKeysWithValues: result.outputs.map { (Publisher.outputPath(of: path, format: $0.format), $0.bytes) })
    }

    private func publishedOutputs(_ fixture: PipelineFixture, _ names: some Sequence<String>) throws -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: try names.map { ($0, Array(try Data(contentsOf: fixture.directory.path("out/\($0)")))) })
    }

    @Test func theJobAfterTheDelayPublishesTheEarlyResult() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        fixture.pipeline.convertEarly("book.txt")
        #expect(fixture.pipeline.early.snapshot == .init(started: 1, used: 0, dropped: 0))
        #expect(fixture.run("book.txt") == .done)
        #expect(fixture.pipeline.early.snapshot == .init(started: 1, used: 1, dropped: 0))
        let expected = try freshOutputs(fixture, "book.txt")
        #expect(expected.count == 4)
        #expect(try publishedOutputs(fixture, expected.keys) == expected, "byte for byte what the job would have made")
        #expect(try fixture.store.jobs().first?.outcome == .published)
    }

    @Test func theJobAfterTheDelayDoesNotReadTheSourceAgain() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        fixture.pipeline.convertEarly("book.txt")
        #expect(fixture.pipeline.sourceReads == 1)
        #expect(fixture.run("book.txt") == .done)
        #expect(fixture.pipeline.sourceReads == 1, "the job took the early conversion's read")
        #expect(fixture.pipeline.early.snapshot == .init(started: 1, used: 1, dropped: 0))
        #expect(try fixture.store.document("book.txt")?.state == .published)
    }

    /// A file event after the early read (a rewrite may keep the stamp, within the timestamp granularity):
    /// the job reads the source itself, and takes the early result only if its key is the same.
    @Test func aFileEventAfterTheEarlyReadMakesTheJobReadAgain() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        fixture.pipeline.convertEarly("book.txt")
        let stamp = try #require(FileStamp(path: fixture.directory.path("corpus/book.txt").path))
        fixture.pipeline.early.abandon("book.txt", unlessStill: stamp)
        #expect(fixture.run("book.txt") == .done)
        #expect(fixture.pipeline.sourceReads == 2)
        #expect(fixture.pipeline.early.snapshot == .init(started: 1, used: 1, dropped: 0), "same bytes: the early result is used")
    }

    @Test func aFileChangedAfterItsEarlyConversionIsConvertedAgain() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        fixture.pipeline.convertEarly("book.txt")
        try fixture.directory.write(text + "\nA third paragraph, written after the early conversion.\n", to: "corpus/book.txt")
        #expect(fixture.run("book.txt") == .done)
        #expect(fixture.pipeline.early.snapshot == .init(started: 1, used: 0, dropped: 1))
        let tei = try String(contentsOf: fixture.directory.path("out/book.tei.xml"), encoding: .utf8)
        #expect(tei.contains("A third paragraph, written after the early conversion."))
        let expected = try freshOutputs(fixture, "book.txt")
        #expect(try publishedOutputs(fixture, expected.keys) == expected)
    }

    @Test func aSidecarSavedAfterTheEarlyConversionIsNotMissed() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        fixture.pipeline.convertEarly("book.txt")
        try fixture.directory.write("structure:\n  headings:\n    - {line: 6, level: 2}\n", to: "corpus/book.meta.yaml")
        #expect(fixture.run("book.txt") == .done)
        #expect(fixture.pipeline.early.snapshot.used == 0)
        let tei = try String(contentsOf: fixture.directory.path("out/book.tei.xml"), encoding: .utf8)
        #expect(tei.contains("<head>Some prose in a first paragraph.</head>"))
    }

    @Test func nothingStartsEarlyForWhatTheJobWouldSkipOrRefuse() throws {
        let fixture = try PipelineFixture { $0.queue.maxSourceBytes = 200 }
        defer { fixture.directory.remove() }
        fixture.pipeline.convertEarly("missing.txt")
        try fixture.directory.write(String(repeating: "Too long a line for the limit. ", count: 20), to: "corpus/large.txt")
        fixture.pipeline.convertEarly("large.txt")
        try FileManager.default.createDirectory(at: fixture.directory.path("corpus/folder.txt"), withIntermediateDirectories: true)
        fixture.pipeline.convertEarly("folder.txt")
        try fixture.directory.write(text, to: "corpus/book.txt")
        #expect(fixture.run("book.txt") == .done)
        fixture.pipeline.convertEarly("book.txt")
        #expect(fixture.pipeline.early.snapshot == .init(started: 0, used: 0, dropped: 0), "published already, missing, too large, a directory")
        #expect(fixture.run("large.txt") == .done)
        #expect(try fixture.store.document("large.txt")?.state == .failed)
    }

    /// An early conversion of the largest corpus book that nobody will use stops at its next stage: its
    /// job read other bytes (`changed`), or found the file gone or its outputs up to date (`dropped`, as
    /// the daemon also does for a deleted source). The conversion is held at its first stop check until
    /// the change is made: without that gate it could pass its last check first on a loaded machine and
    /// run to its end (`stopped: 0`, #19).
    @Test(arguments: ["changed", "dropped"])
    func anEarlyConversionNobodyWillUseStops(_ how: String) throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        let book = try String(contentsOf: PackagePaths.corpus.appendingPathComponent("002_32c12c04ebb8bb88.txt"), encoding: .utf8)
        try fixture.directory.write(book, to: "corpus/book.txt")
        let finished = DispatchSemaphore(value: 0)
        let atCheck = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let pipeline = fixture.pipeline
        let checks = Mutex(0)
        pipeline.early.onStopCheck { path in
            guard path == "book.txt", checks.withLock({ $0 += 1; return $0 }) == 1 else { return }
            atCheck.signal()
            proceed.wait()
        }
        DispatchQueue.global().async {
            pipeline.convertEarly("book.txt")
            finished.signal()
        }
        try #require(atCheck.wait(timeout: .now() + 60) == .success, "the early conversion never reached a stop check")
        #expect(pipeline.early.isRunning("book.txt"))
        if how == "changed" {
            try fixture.directory.write(book + "\nA last line, written while the early conversion ran.\n", to: "corpus/book.txt")
            #expect(fixture.run("book.txt") == .done)
            #expect(try fixture.store.document("book.txt")?.state == .published)
        } else {
            pipeline.early.drop("book.txt")
        }
        proceed.signal()
        #expect(finished.wait(timeout: .now() + 60) == .success)
        #expect(pipeline.early.snapshot == .init(started: 1, used: 0, dropped: 1, stopped: 1), "it ran to its end: \(pipeline.early.snapshot)")
    }

    @Test func aJobStopsWaitingForAnEarlyConversionWhenCancelled() throws {
        let early = EarlyConversions()
        let stamp = FileStamp(stat())
        #expect(early.begin("book.txt", stamp: stamp, key: "k"))
        #expect(early.take("book.txt", stamp: stamp, key: "k", shouldStop: { true }) == nil, "a cancelled job does not wait")
        #expect(early.isAbandoned("book.txt", stamp: stamp, key: "k"), "and the conversion it waited for stops")
    }

    @Test func aFileWrittenAgainAbandonsItsRunningEarlyConversion() throws {
        let early = EarlyConversions()
        let stamp = FileStamp(stat())
        var written = stamp
        written.size = 2
        #expect(early.begin("book.txt", stamp: stamp, key: "k"))
        early.abandon("book.txt", unlessStill: stamp)
        #expect(!early.isAbandoned("book.txt", stamp: stamp, key: "k"), "an event that changed nothing")
        early.abandon("book.txt", unlessStill: written)
        #expect(early.isAbandoned("book.txt", stamp: stamp, key: "k"))
    }

    @Test func aJobWaitsForTheConversionOfItsBytesAndDropsOthers() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        let stamp = try #require(FileStamp(path: fixture.directory.path("corpus/book.txt").path))
        let result = try fixture.pipeline.settings.converter.convert(.init(bytes: Array(text.utf8), fileName: "book.txt", modified: Date()))
        let early = EarlyConversions()

        #expect(early.begin("book.txt", stamp: stamp, key: "k1"))
        #expect(!early.begin("book.txt", stamp: stamp, key: "k1"), "one conversion per source at a time")
        let taken = Locked<Bool?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            taken.set(early.take("book.txt", stamp: stamp, key: "k1") != nil)
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 0.2) == .timedOut, "the job waits while its conversion runs")
        #expect(taken.value == nil)
        early.finish("book.txt", .success(result))
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(taken.value == true)
        #expect(early.snapshot == .init(started: 1, used: 1, dropped: 0))

        #expect(early.begin("book.txt", stamp: stamp, key: "k2"))
        #expect(early.take("book.txt", stamp: stamp, key: "k3") == nil, "another key: not waited for")
        early.finish("book.txt", .success(result))
        #expect(!early.isRunning("book.txt"))
        #expect(early.take("book.txt", stamp: stamp, key: "k2") == nil, "dropped when it ended")
        #expect(early.snapshot == .init(started: 2, used: 1, dropped: 1))
    }
}

/// A value shared between a test and the thread it starts.
private final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func set(_ value: Value) { lock.withLock { stored = value } }
}
