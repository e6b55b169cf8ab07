import BinderyProtocol
import Foundation
import Logging
import Testing
@testable import BinderyService

/// The daemon in process, driven through its control socket: the one way requests reach it.
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
        // On its own thread, as `bindery serve` has the process to itself: other tests blocking the shared pool do not stall it.
        let running = Task(executorPreference: ThreadExecutor()) { try? await daemon.run() }
        let socket = directory.path("state/bindery.sock").path
        func status() -> StatusResult? { try? ControlClient(socketPath: socket, timeout: 5).call(.status).decodeResult(as: StatusResult.self) }
        func counts(_ status: StatusResult?) -> JobQueueCounts? {
            status.map { JobQueueCounts(queued: $0.queued, running: $0.running, retrying: $0.retrying, paused: $0.paused) }
        }
        func submit(_ path: String) throws -> ControlResponse { try ControlClient(socketPath: socket).call(.submit, ControlParams.Path(path: path)) }
        #expect(await eventually(timeout: 30) {
            guard let status = status() else { return false }
            return status.documents.filter { $0.key != "deleted" }.values.reduce(0, +) == 1 && status.running == 0
        })

        #expect(try submit("../etc/passwd.txt").error != nil)
        #expect(try submit("missing.txt").error != nil)
        #expect(try submit("/book.txt").error != nil)
        #expect(try ControlClient(socketPath: socket).call(.pause).error == nil)
        #expect(try submit("book.txt").error == nil)
        #expect(counts(status()) == JobQueueCounts(queued: 1, running: 0, retrying: 0, paused: true))
        #expect(try ControlClient(socketPath: socket).call(.cancel, ControlParams.Path(path: "book.txt")).decodeResult(as: CancelResult.self).cancelled)
        #expect(counts(status())?.queued == 0)
        #expect(try ControlClient(socketPath: socket).call(.resume).error == nil)
        #expect(received.kinds == ["job.published"])
        try FileManager.default.removeItem(at: directory.path("corpus/book.txt"))
        #expect(await eventually(timeout: 30) { received.kinds == ["job.published", "document.deleted"] })

        daemon.stop()
        #expect(await eventually(timeout: 30) { daemon.state == .stopped })
        await running.value
    }
}

/// Events from the daemon, in order.
private final class EventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [DaemonEvent] = []
    func append(_ event: DaemonEvent) { lock.withLock { events.append(event) } }
    var kinds: [String] { lock.withLock { events.map(\.kind.rawValue) } }
}

/// Runs the daemon's tasks on a queue of their own instead of the shared cooperative pool.
private final class ThreadExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "test.daemon", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
