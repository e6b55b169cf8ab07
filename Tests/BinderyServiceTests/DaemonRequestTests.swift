import Foundation
import Logging
import Testing
@testable import BinderyService

/// The daemon in process, driven through the calls the control socket will make.
@Suite struct DaemonRequestTests {
    @Test func submitPauseResumeAndStop() async throws {
        let directory = try TemporaryDirectory("bindery-daemon")
        defer { directory.remove() }
        try directory.write("A TITLE\n\n\nCHAPTER I\n\nSome prose.\n", to: "corpus/book.txt")
        var configuration = try ConfigurationLoader.load(
            overrides: ConfigurationOverrides(corpus: directory.path("corpus").path, out: directory.path("out").path, state: directory.path("state").path),
            environment: [:])
        configuration.watch.settleMilliseconds = 20
        let received = EventRecorder()
        let daemon = Daemon(configuration: configuration, logger: Logger(label: "test"), environment: [:]) { received.append($0) }
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? daemon.run()
            finished.signal()
        }
        #expect(await eventually(timeout: 30) { daemon.status.started && daemon.status.documents == 1 && daemon.status.queue?.running == 0 })

        #expect(throws: ServiceError.self) { try daemon.submit("../etc/passwd.txt") }
        #expect(throws: ServiceError.self) { try daemon.submit("missing.txt") }
        #expect(throws: ServiceError.self) { try daemon.submit("/book.txt") }
        daemon.pause()
        try daemon.submit("book.txt")
        #expect(daemon.status.queue == JobQueueCounts(queued: 1, running: 0, retrying: 0, paused: true))
        #expect(daemon.cancel("book.txt"))
        #expect(daemon.status.queue?.queued == 0)
        daemon.resume()
        #expect(received.kinds == ["job.published"])
        try FileManager.default.removeItem(at: directory.path("corpus/book.txt"))
        #expect(await eventually(timeout: 30) { received.kinds == ["job.published", "document.deleted"] })

        daemon.stop()
        #expect(finished.wait(timeout: .now() + 30) == .success)
    }
}

/// Events from the daemon, in order.
private final class EventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [DaemonEvent] = []
    func append(_ event: DaemonEvent) { lock.withLock { events.append(event) } }
    var kinds: [String] { lock.withLock { events.map(\.kind) } }
}
