import BinderyProtocol
import Dispatch
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `bindery serve`: keeps the output tree in step with the corpus until SIGTERM or SIGINT.
///
/// Start-up: lock the state directory, open the state store, remove stale temp files, start the
/// watcher, queue every source (a job whose key is already published does nothing), tell systemd
/// READY. Then file events flow watcher → settler → queue → pipeline (with early start, an idle
/// daemon also converts a touched file during its settle delay, for the job that follows). SIGHUP
/// reloads the configuration (paths, watch and parallelism settings need a restart); SIGTERM/SIGINT drain.
public final class Daemon: @unchecked Sendable {
    let logger: Logger
    private let notifier: SystemdNotifier
    private let events: DaemonEventSink
    private let stopped = DispatchSemaphore(value: 0)
    let control = DispatchQueue(label: "bindery.daemon")
    // Set once in `run`, then read-only apart from `configuration` (confined to `control`).
    private var configuration: DaemonConfiguration
    private(set) var layout: CorpusLayout!
    private(set) var store: StateStore!
    private(set) var publisher: Publisher!
    private var pipeline: Pipeline!
    private(set) var queue: (any JobQueue)!
    private var settler: Settler!
    /// Runs early conversions (`watch.early_start`) one at a time, beside the job queue.
    private let earlyQueue = DispatchQueue(label: "bindery.early", qos: .utility)
    /// Set once in `run` (watch and queue settings need a restart): early start on, and the workers.
    private var earlyStart = false
    private var workers = 1
    /// The control socket; set once in `run` before any event can flow.
    private var controlServer: ControlServer?
    /// Set on `control` once start-up is done; requests before that are ignored.
    private(set) var isStarted = false
    /// Running jobs already reported as overdue (confined to `control`).
    private var overdueWarned = Set<String>()
    /// The last heartbeat could not be sent to systemd (confined to `control`).
    private var notifyStalled = false
    /// A READY=1 that could not be sent, which each heartbeat sends again until systemd takes it (confined to `control`).
    private var undeliveredReady: String?

    public convenience init(configuration: DaemonConfiguration, logger: Logger) {
        self.init(configuration: configuration, logger: logger, environment: ProcessInfo.processInfo.environment)
    }

    /// `events` receives every job outcome and deletion (for the control socket's subscribers).
    package init(configuration: DaemonConfiguration, logger: Logger, environment: [String: String], events: @escaping DaemonEventSink = { _ in }) {
        self.events = events
        self.configuration = configuration
        self.logger = logger
        notifier = SystemdNotifier(environment: environment)
    }

    /// Runs until SIGTERM/SIGINT; throws only for start-up failures.
    public func run() throws(ServiceError) {
        // First, so that a SIGTERM during start-up waits for start-up to finish, then drains.
        let signals = SignalListener([SIGTERM, SIGINT, SIGHUP]) { [weak self] number in
            guard let self else { return }
            if number == SIGHUP { requestReload() } else { stop() }
        }
        defer { signals.cancel() }
        // A client that hangs up must not kill the daemon (EPIPE instead of SIGPIPE), nor must a file
        // size limit (EFBIG instead of SIGXFSZ): both become errors of the one write that hit them.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        let paths = configuration.paths
        for directory in [paths.state, paths.out, paths.runtime] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ServiceError(.directoryMissing, "cannot create \(directory.path): \(error.localizedDescription)")
            }
        }
        let lock = try StateDirectoryLock(directory: paths.state)
        defer { withExtendedLifetime(lock) {} }
        store = try StateStore(directory: paths.state, logger: logger)
        layout = CorpusLayout(root: paths.corpus, excluding: [paths.out, paths.state, paths.runtime])
        publisher = Publisher(root: paths.out)
        let swept = publisher.sweepTemporaryFiles()
        pipeline = Pipeline(layout: layout, publisher: publisher, store: store, settings: try PipelineSettings(configuration), logger: logger) { [weak self] event in
            self?.emit(event)
        }
        let pipeline = self.pipeline!
        queue = DispatchJobQueue(parallelism: configuration.queue.effectiveParallelism) { ticket, token in pipeline.run(ticket, token: token) }
        settler = Settler(milliseconds: configuration.watch.settleMilliseconds) { [weak self] path in self?.reconcile(path, trigger: .event) }

        let socketPath = paths.runtime.appendingPathComponent("bindery.sock").path
        let handler = DaemonControlHandler(
            store: store, queue: queue, layout: layout, corpusPath: paths.corpus.path, startedAt: Date(),
            actions: .init(rescan: { [weak self] in self?.requestRescan() }, reload: { [weak self] in self?.requestReload() }))
        let server = ControlServer(settings: try ControlServer.Settings(socketPath: socketPath, configuration.control)) { handler.handle($0) }
        do {
            try server.start()
        } catch {
            throw ServiceError(.controlSocket, "cannot open the control socket: \(error.message)")
        }
        controlServer = server
        defer { server.stop() }

        earlyStart = configuration.watch.earlyStart && configuration.watch.settleMilliseconds > 0
        workers = configuration.queue.effectiveParallelism
        let watcher: any CorpusWatcher = configuration.watch.pollSeconds > 0
            ? PollingWatcher(layout: layout, interval: configuration.watch.pollSeconds)
            : InotifyWatcher(layout: layout)
        try watcher.start { [weak self] event in self?.handle(event) }
        logger.info("daemon.started", metadata: [
            "corpus": "\(paths.corpus.path)", "out": "\(paths.out.path)", "state": "\(paths.state.path)", "socket": "\(socketPath)",
            "watch": "\(configuration.watch.pollSeconds > 0 ? "poll \(configuration.watch.pollSeconds)s" : "inotify")",
            "parallelism": "\(configuration.queue.effectiveParallelism)", "sweptTempFiles": "\(swept)", "pid": "\(getpid())",
        ])
        control.sync { isStarted = true }
        rescan(trigger: .startup)
        reportCatchUp()
        notifyState("READY=1\nSTATUS=watching \(paths.corpus.path)\nMAINPID=\(getpid())")
        let heartbeat = startHeartbeat()
        let audit = startOutputAudit(every: configuration.watch.outputAuditSeconds)

        stopped.wait()
        let grace = control.sync { configuration.lifecycle.graceSeconds }
        logger.info("daemon.stopping", metadata: ["graceSeconds": "\(grace)"])
        notifyState("STOPPING=1\nSTATUS=draining")
        heartbeat.cancel()
        audit?.cancel()
        watcher.stop()
        let drained = queue.drain(timeout: grace)
        if drained { store.checkpoint() }
        logger.info("daemon.stopped", metadata: ["drained": "\(drained)"])
    }

    /// Hands an event to the embedder's sink and to the control socket's subscribers.
    func emit(_ event: DaemonEvent) {
        events(event)
        controlServer?.broadcast(event.controlEvent)
    }

    /// Stops the daemon as SIGTERM does (drain, then `run` returns).
    package func stop() { stopped.signal() }

    /// Re-reads the configuration as SIGHUP does.
    package func requestReload() { control.async { if self.isStarted { self.reload() } } }

    /// Compares the whole corpus with the state store, as after lost events.
    package func requestRescan() { control.async { if self.isStarted { self.rescan(trigger: .event) } } }

    /// Logs `startup.caught-up` once the start-up backlog is done (what changed while stopped is published).
    private func reportCatchUp() {
        let queue = self.queue!
        let pipeline = self.pipeline!
        let logger = self.logger
        let started = Date()
        DispatchQueue.global(qos: .utility).async {
            if queue.waitUntilIdle(timeout: 30 * 86_400) {
                logger.info("startup.caught-up", metadata: [
                    "ms": "\(Int(Date().timeIntervalSince(started) * 1000))", "unchangedByStamp": "\(pipeline.readsSkipped)",
                ])
            }
        }
    }

    /// Sends STATUS (and WATCHDOG=1 when systemd asked for it) every few seconds.
    private func startHeartbeat() -> DispatchSourceTimer {
        let interval = min(notifier.watchdogInterval ?? 5, 5)
        let timer = DispatchSource.makeTimerSource(queue: control)
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let counts = queue.counts
            warnAboutOverdueJobs()
            var message = "STATUS=watching; \(counts.queued) queued, \(counts.running) running"
            if notifier.watchdogInterval != nil { message += "\nWATCHDOG=1" }
            if let ready = undeliveredReady, (try? notifier.notify(ready, waitSeconds: 0)) != nil {
                undeliveredReady = nil
                logger.info("systemd.ready-delivered")
            }
            do {
                try notifier.notify(message, waitSeconds: 0)
                if notifyStalled {
                    notifyStalled = false
                    logger.info("systemd.notify-resumed")
                }
            } catch {
                if !notifyStalled {
                    notifyStalled = true
                    logger.warning("systemd.notify-stalled", metadata: ["error": "\(error)", "effect": "heartbeats are dropped until the notify socket takes them"])
                }
            }
        }
        timer.resume()
        return timer
    }

    /// Sends a state change to systemd (READY, RELOADING, STOPPING), waiting at most 1 s; a READY that
    /// cannot be sent is logged and handed to the heartbeat, so that a slow systemd still learns of it.
    private func notifyState(_ message: String) {
        let isReady = message.hasPrefix("READY=1")
        do {
            try notifier.notify(message)
            // A READY that once failed has now reached systemd (after a reload, say): that is its delivery too.
            if isReady {
                control.async {
                    guard self.undeliveredReady != nil else { return }
                    self.undeliveredReady = nil
                    self.logger.info("systemd.ready-delivered")
                }
            }
        } catch {
            logger.warning("systemd.notify-failed", metadata: ["message": "\(message.prefix { $0 != "\n" })", "error": "\(error)"])
            if isReady { control.async { self.undeliveredReady = message } }
        }
    }

    /// Logs `job.overdue` once for each running job past the time limit (its reader stops at its next
    /// stage; a writer already running finishes first, and the result is discarded).
    private func warnAboutOverdueJobs() {
        let limit = pipeline.settings.queue.jobTimeoutSeconds
        let now = Date()
        let running = queue.running
        overdueWarned.formIntersection(running.keys)
        for (path, started) in running where now.timeIntervalSince(started) > limit && !overdueWarned.contains(path) {
            overdueWarned.insert(path)
            logger.warning("job.overdue", metadata: ["path": "\(path)", "seconds": "\(Int(now.timeIntervalSince(started)))"])
        }
    }

    private func handle(_ event: WatchEvent) {
        switch event {
        case .touched(let path):
            settler.touch(path)
            convertEarly(path)
        case .directoryAppeared(let directory):
            logger.info("watch.directory", metadata: ["path": "\(directory)"])
            let listing = layout.listing(directory)
            for path in listing.files.keys { if let source = CorpusLayout.source(for: path) { settler.touch(source) } }
            control.async {
                self.reconcileUndecodable(listing.undecodable, in: directory, recursive: true)
                self.reconcileUnreadable(listing.unreadable, in: directory)
            }
        case .undecodableName(let directory):
            control.async { self.reconcileUndecodable(self.layout.listing(directory, recursive: false).undecodable, in: directory, recursive: false) }
        case .rescan:
            logger.warning("watch.rescan", metadata: ["reason": "events lost or a directory moved"])
            control.async { self.rescan(trigger: .event) }
        }
    }

    /// Starts converting a touched source during its settle delay when early start is on and the job
    /// queue has nothing waiting and a free worker, so that its job after the delay only publishes.
    private func convertEarly(_ path: String) {
        guard earlyStart else { return }
        let counts = queue.counts
        let pipeline = self.pipeline!
        guard counts.queued == 0, counts.running < workers, pipeline.early.reserve() else { return }
        earlyQueue.async {
            pipeline.convertEarly(path)
            pipeline.early.release()
        }
    }

    /// Queues every source found and handles every recorded document that is gone.
    private func rescan(trigger: JobTrigger) {
        let listing = layout.listing()
        let found = listing.files
        let sources = Set(found.keys.compactMap(CorpusLayout.source(for:))).filter { found[$0] != nil }
        for path in sources.sorted() { queue.submit(path, trigger: trigger) }
        reconcileUndecodable(listing.undecodable, in: "", recursive: true)
        reconcileUnreadable(listing.unreadable, in: "")
        let known = (try? store.documents()) ?? []
        for document in known where document.state != .deleted && !sources.contains(document.path) && !listing.undecodable.contains(document.path)
            && listing.unreadable[document.path] == nil {
            reconcile(document.path, trigger: trigger)
        }
        logger.info("corpus.scanned", metadata: ["sources": "\(sources.count)", "trigger": "\(trigger.rawValue)"])
    }

    /// After the settle delay: queue the source if it exists, else record its deletion. A source that
    /// is not a regular file (a symbolic link, a FIFO) is queued too, so that its refusal is recorded.
    func reconcile(_ path: String, trigger: JobTrigger) {
        if let stamp = FileStamp(path: layout.url(of: path).path), !stamp.isDirectory {
            queue.submit(path, trigger: trigger)
            return
        }
        // In a directory that cannot be searched (mode 000) the source may well be there: it is neither
        // read nor recorded deleted, and its outputs stay; the directory's own failure says why.
        var info = stat()
        if lstat(layout.url(of: path).path, &info) != 0, errno == EACCES { return }
        queue.cancel(path)
        guard let document = try? store.document(path), document.state != .deleted else { return }
        let prune = pipeline.settings.prune
        if prune, let outputs = try? store.outputs(of: path) { publisher.remove(outputs) }
        recordDeleted(path, pruned: prune)
    }

    /// SIGHUP: re-reads the configuration file; settings that shape outputs take effect at once
    /// (a changed settings hash re-converts everything), the rest are logged as needing a restart.
    private func reload() {
        notifyState("RELOADING=1")
        defer { notifyState("READY=1") }
        let fresh: DaemonConfiguration
        do {
            var text = ""
            if let file = configuration.sourceFile {
                guard let data = FileManager.default.contents(atPath: file.path), let string = String(data: data, encoding: .utf8) else {
                    throw ServiceError(.configurationUnreadable, "\(file.path): cannot read the configuration file")
                }
                text = string
            }
            var parsed = try ConfigurationLoader.parse(text, file: configuration.sourceFile, environment: ProcessInfo.processInfo.environment)
            parsed.paths = configuration.paths
            parsed.sourceDateEpoch = configuration.sourceDateEpoch
            parsed.watch = configuration.watch
            parsed.queue.parallelism = configuration.queue.parallelism
            let settings = try PipelineSettings(parsed)
            let before = pipeline.settings.jobKey
            pipeline.settings = settings
            fresh = parsed
            logger.info("config.reloaded", metadata: ["file": "\(configuration.sourceFile?.path ?? "-")", "settingsChanged": "\(before != settings.jobKey)"])
            configuration = fresh
            if before != settings.jobKey { rescan(trigger: .event) }
        } catch {
            logger.error("config.reload-failed", metadata: ["error": "\(error)"])
        }
    }
}
