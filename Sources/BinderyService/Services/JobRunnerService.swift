import Logging
import ServiceLifecycle

/// The job queue's life in the group: at shutdown it stops taking jobs and drains running ones.
struct JobRunnerService: Service {
    let runtime: DaemonRuntime

    func run() async throws {
        try? await gracefulShutdown()
        let runtime = self.runtime
        let drained = await blocking { runtime.drain() }
        runtime.logger.info("daemon.stopped", metadata: ["drained": "\(drained)"])
    }
}
