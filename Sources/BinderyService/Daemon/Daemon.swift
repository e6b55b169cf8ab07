import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
#if canImport(Glibc)
import Glibc
#endif

/// `bindery serve`: keeps the output tree in step with the corpus until SIGTERM or SIGINT.
///
/// `run()` builds and starts the `DaemonRuntime` (lock, state store, control socket, watcher, the
/// first scan, READY), then runs its services in one `ServiceGroup` until SIGTERM/SIGINT or `stop()`,
/// which drain them in reverse order. SIGHUP reloads the configuration (paths, watch, parallelism and
/// HTTP settings need a restart).
public final class Daemon: Sendable {
    private let configuration: DaemonConfiguration
    private let logger: Logger
    private let environment: [String: String]
    private let events: DaemonEventSink
    private let role: ClusterRole
    private let phase = DaemonPhase()
    /// `stop()` requests, read once by `run()`.
    private let stopRequests: AsyncStream<Void>
    private let stopContinuation: AsyncStream<Void>.Continuation

    /// `role` matters in a cluster (`queue.url`): a `work` node never watches the corpus.
    public convenience init(configuration: DaemonConfiguration, logger: Logger, role: ClusterRole = .serve) {
        self.init(configuration: configuration, logger: logger, environment: ProcessInfo.processInfo.environment, role: role)
    }

    /// `events` receives every job outcome and deletion (for the control socket's subscribers).
    package init(
        configuration: DaemonConfiguration, logger: Logger, environment: [String: String], role: ClusterRole = .serve,
        events: @escaping DaemonEventSink = { _ in }
    ) {
        self.role = role
        self.configuration = configuration
        self.logger = logger
        self.environment = environment
        self.events = events
        (stopRequests, stopContinuation) = AsyncStream.makeStream(of: Void.self)
    }

    /// Where the daemon is in its life.
    public var state: DaemonState { phase.state }

    /// Runs until SIGTERM/SIGINT or `stop()`; throws for start-up failures and, once running, when a
    /// service failed (`serviceFailed`: the HTTP endpoint could not listen).
    public func run() async throws(ServiceError) {
        // First, so that a signal during start-up waits for start-up to finish (then drains or reloads).
        let shutdownSignals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        // A client that hangs up must not kill the daemon (EPIPE instead of SIGPIPE), nor must a file
        // size limit (EFBIG instead of SIGXFSZ): both become errors of the one write that hit them.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        let (configuration, logger, environment, events, role) = (self.configuration, self.logger, self.environment, self.events, self.role)
        let started = await blocking { () -> Result<DaemonRuntime, ServiceError> in
            Result { () throws(ServiceError) in
                let runtime = try DaemonRuntime(configuration: configuration, role: role, logger: logger, environment: environment, events: events)
                try runtime.start()
                return runtime
            }
        }
        // The signals' default actions come back once the daemon is done (an embedder's process goes on).
        defer { for number in [SIGTERM, SIGINT, SIGHUP] { signal(number, SIG_DFL) } }
        let runtime: DaemonRuntime
        do {
            runtime = try started.get()
        } catch {
            phase.enter(.stopped)
            throw error
        }
        phase.enter(.running)
        // Shut down in reverse: the HTTP endpoint answers (503 on /healthz) while jobs drain, and closes before the socket.
        let http: [any Service] = HTTPListenAddress(configuration.http.listen).map { [HTTPService(runtime: runtime, phase: phase, address: $0)] } ?? []
        // After the job runner: at shutdown the leader stops campaigning (and its watcher stops) before jobs drain.
        let leader: [any Service] = runtime.cluster.flatMap { $0.role == .serve ? [ClusterLeaderService(runtime: runtime, member: $0)] : nil } ?? []
        let clusterEvents: [any Service] = runtime.cluster.map { [ClusterEventsService(runtime: runtime, member: $0)] } ?? []
        var groupConfiguration = ServiceGroupConfiguration(
            services: ([ControlService(server: runtime.controlServer)] + clusterEvents + http + [
                JobRunnerService(runtime: runtime)] + leader + [WatcherService(watcher: runtime.watcher),
                OutputAuditService(runtime: runtime, seconds: configuration.watch.outputAuditSeconds),
                ReloadService(runtime: runtime, hangups: hangups), SystemdService(runtime: runtime, phase: phase),
            ] as [any Service]).map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(Self.shutdownBackstop(graceSeconds: configuration.lifecycle.graceSeconds))
        let group = ServiceGroup(configuration: groupConfiguration)
        // A service that failed (the HTTP endpoint could not listen) stops the daemon with an error, so that systemd restarts it.
        let failure = await withTaskGroup(of: GroupEnd.self) { tasks in
            tasks.addTask {
                do {
                    try await group.run()
                    return .finished(nil)
                } catch {
                    logger.error("daemon.service-failed", metadata: ["error": "\(error)"])
                    return .finished(ServiceError(.serviceFailed, "a service failed: \(error)"))
                }
            }
            tasks.addTask { [stopRequests] in
                // A stop request, or a signal caught during start-up, before the group trapped its own.
                await withTaskGroup(of: Void.self) { either in
                    either.addTask { for await _ in stopRequests { return } }
                    either.addTask { for await _ in shutdownSignals { return } }
                    await either.next()
                    either.cancelAll()
                }
                if !Task.isCancelled { await group.triggerGracefulShutdown() }
                return .stopRequested
            }
            // A stop lets the group shut its services down in order (in-flight HTTP requests finish); a group
            // that ended by itself leaves only the stop listener to cancel.
            var failure: ServiceError?
            while let end = await tasks.next() {
                guard case .finished(let error) = end else { continue }
                failure = error
                tasks.cancelAll()
            }
            return failure
        }
        phase.enter(.stopped)
        if let failure { throw failure }
    }

    /// Stops the daemon as SIGTERM does (drain, then `run` returns).
    package func stop() { stopContinuation.yield() }

    /// A backstop, in seconds: this long after a stop began (the drain's grace period and 5 s more), the
    /// services still running are cancelled (a download that never ends). At the default grace it stays
    /// under the unit's `TimeoutStopSec`, so the daemon ends before systemd kills it (`SystemdTests`).
    static func shutdownBackstop(graceSeconds: Double) -> Double { graceSeconds + 5 }
}

/// How one of `run()`'s two tasks ended: the service group (with the failure that ended it), or a stop request.
private enum GroupEnd: Sendable {
    case finished(ServiceError?)
    case stopRequested
}
