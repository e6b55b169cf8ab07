import Foundation
import Logging
import ServiceLifecycle

/// The heartbeat to systemd (STATUS, WATCHDOG=1 when asked) and the overdue-job warnings; the first
/// service shut down, it marks the daemon draining and tells systemd STOPPING.
struct SystemdService: Service {
    let runtime: DaemonRuntime
    let phase: DaemonPhase

    func run() async throws {
        let interval = runtime.systemd.heartbeatInterval
        var overdue = OverdueJobs()
        while (try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(interval)) }) != nil {
            overdue.warn(runtime)
            runtime.systemd.heartbeat(status: runtime.status)
        }
        phase.enter(.draining)
        runtime.logger.info("daemon.stopping", metadata: ["graceSeconds": "\(runtime.graceSeconds)"])
        runtime.systemd.notifyState("STOPPING=1\nSTATUS=draining")
    }
}

/// Running jobs already reported as overdue.
private struct OverdueJobs {
    private var warned = Set<String>()

    /// Logs `job.overdue` once for each running job past the time limit (its reader stops at its next
    /// stage; a writer already running finishes first, and the result is discarded).
    mutating func warn(_ runtime: DaemonRuntime) {
        let limit = runtime.pipeline.settings.queue.jobTimeoutSeconds
        let now = Date()
        let running = runtime.queue.running
        warned.formIntersection(running.keys)
        for (path, started) in running where now.timeIntervalSince(started) > limit && !warned.contains(path) {
            warned.insert(path)
            runtime.logger.warning("job.overdue", metadata: ["path": "\(path)", "seconds": "\(Int(now.timeIntervalSince(started)))"])
        }
    }
}
