import BinderyConversion
import BinderyProtocol
import Dispatch
import Foundation
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's parts, wired once: state store, publisher, pipeline, job queue, settler, watcher and
/// control socket. File events flow watcher → settler → queue → pipeline (with early start, an idle
/// daemon also converts a touched file during its settle delay, for the job that follows).
/// Rescans, reconciles and reloads run on `control`.
package final class DaemonRuntime: Sendable {
    let logger: Logger
    let control = DispatchQueue(label: "bindery.daemon")
    let layout: CorpusLayout
    let store: any StateRecords
    let publisher: Publisher
    let pipeline: Pipeline
    let queue: any JobQueue
    let systemd: SystemdReporter
    let controlServer: ControlServer
    let watcher: any CorpusWatcher
    /// The in-process metrics the HTTP `/metrics` serves.
    let metrics = LiveMetrics()
    /// The HTTP endpoint's settings (`http.*`; a change needs a restart).
    let http: DaemonConfiguration.HTTP
    private let events: DaemonEventSink
    private let settler: Settler
    /// Held for the runtime's life: one daemon per state directory.
    private let lock: StateDirectoryLock
    /// The configuration in force (reloads replace it; paths, watch and queue settings need a restart).
    private let configuration: Mutex<DaemonConfiguration>
    /// Runs early conversions (`watch.early_start`) one at a time, beside the job queue.
    private let earlyQueue = DispatchQueue(label: "bindery.early", qos: .utility)
    private let earlyStart: Bool
    /// `queue.large_source_bytes`: larger sources are kept off the last free worker, not converted early,
    /// and memory is trimmed after them.
    private let largeSourceBytes: Int
    private let workers: Int
    private let sweptTempFiles: Int
    let socketPath: String
    /// This node's part in a cluster (`queue.url`); nil on one machine.
    let cluster: ClusterMember?

    /// Creates the directories, locks the state directory, opens the state store (or joins the cluster) and removes
    /// stale temp files.
    init(
        configuration: DaemonConfiguration, role: ClusterRole = .serve, logger: Logger, environment: [String: String],
        events: @escaping DaemonEventSink
    ) throws(ServiceError) {
        let paths = configuration.paths
        for directory in [paths.state, paths.out, paths.runtime] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ServiceError(.directoryMissing, "cannot create \(directory.path): \(error.localizedDescription)")
            }
        }
        let link = WeakLink<DaemonRuntime>()
        self.logger = logger
        self.events = events
        self.configuration = Mutex(configuration)
        lock = try StateDirectoryLock(directory: paths.state)
        let workers = configuration.queue.effectiveParallelism
        var cluster: ClusterMember?
        if let url = configuration.queue.url {
            cluster = try ClusterMember(url: url, role: role, connections: workers + 4, leaseSeconds: configuration.queue.leaseSeconds, logger: logger)
        }
        self.cluster = cluster
        if let cluster {
            store = ClusterStateStore(database: cluster.database, node: cluster.name)
        } else {
            store = try StateStore(directory: paths.state, logger: logger)
        }
        layout = CorpusLayout(root: paths.corpus, excluding: [paths.out, paths.state, paths.runtime])
        publisher = Publisher(root: paths.out)
        // In a cluster the output tree is shared: a temp file there may be another node's publication in progress.
        sweptTempFiles = cluster == nil ? publisher.sweepTemporaryFiles() : 0
        http = configuration.http
        let pipeline = Pipeline(layout: layout, publisher: publisher, store: store, settings: try PipelineSettings(configuration), logger: logger, metrics: metrics) { event in
            link.target?.emit(event)
        }
        self.pipeline = pipeline
        let large = configuration.queue.largeSourceBytes
        let corpus = layout
        let isLarge: @Sendable (String) -> Bool = { (FileStamp(path: corpus.url(of: $0).path)?.size ?? 0) > large }
        largeSourceBytes = large
        let executor: DispatchJobQueue.Executor = { ticket, token in
            let result = pipeline.run(ticket, token: token)
            if ticket.isLarge { MemoryTrim.release() }
            return result
        }
        if let cluster {
            queue = ClusterJobQueue(
                database: cluster.database, node: cluster.name,
                settings: .init(parallelism: workers, leaseSeconds: configuration.queue.leaseSeconds), logger: logger, isLarge: isLarge,
                onTick: { cluster.beat(running: $0) }, executor: executor)
        } else {
            queue = DispatchJobQueue(parallelism: workers, isLarge: isLarge, executor: executor)
        }
        settler = Settler(milliseconds: configuration.watch.settleMilliseconds) { path in link.target?.reconcile(path, trigger: .event) }
        socketPath = paths.runtime.appendingPathComponent("bindery.sock").path
        let handler = DaemonControlHandler(
            store: store, queue: queue, layout: layout, corpusPath: paths.corpus.path, startedAt: Date(), cluster: cluster,
            actions: .init(rescan: { link.target?.requestRescan() }, reload: { link.target?.requestReload() }))
        controlServer = ControlServer(settings: try ControlServer.Settings(socketPath: socketPath, configuration.control)) { handler.handle($0) }
        // In a cluster another node may run the job that follows the settle delay.
        earlyStart = configuration.watch.earlyStart && configuration.watch.settleMilliseconds > 0 && cluster == nil
        self.workers = workers
        watcher = configuration.watch.pollSeconds > 0
            ? PollingWatcher(layout: layout, interval: configuration.watch.pollSeconds)
            : InotifyWatcher(layout: layout)
        systemd = SystemdReporter(notifier: SystemdNotifier(environment: environment), logger: logger)
        link.set(self)
    }

    /// Opens the control socket, starts watching, queues every source (a job whose key is already
    /// published does nothing) and tells systemd READY. A node of a cluster starts its workers instead, and watches
    /// only once it leads (`ClusterLeaderService`).
    func start() throws(ServiceError) {
        do {
            try controlServer.start()
        } catch {
            throw ServiceError(.controlSocket, "cannot open the control socket: \(error.message)")
        }
        if let queue = queue as? ClusterJobQueue {
            queue.start()
        } else {
            do {
                try startWatching()
            } catch {
                controlServer.stop()
                throw error
            }
        }
        let configuration = self.configuration.withLock { $0 }
        let paths = configuration.paths
        logger.info("daemon.started", metadata: [
            "corpus": "\(paths.corpus.path)", "out": "\(paths.out.path)", "state": "\(paths.state.path)", "socket": "\(socketPath)",
            "watch": "\(configuration.watch.pollSeconds > 0 ? "poll \(configuration.watch.pollSeconds)s" : "inotify")",
            "parallelism": "\(configuration.queue.effectiveParallelism)", "sweptTempFiles": "\(sweptTempFiles)", "pid": "\(getpid())",
            "cluster": "\(cluster.map { "\($0.name) (\($0.role.rawValue))" } ?? "-")",
        ])
        systemd.notifyState("READY=1\nSTATUS=watching \(paths.corpus.path)\nMAINPID=\(getpid())")
    }

    /// Starts the watcher and queues every source (a job whose key is already published does nothing): at start-up,
    /// or when this node comes to lead its cluster.
    func startWatching() throws(ServiceError) {
        try watcher.start { [weak self] event in self?.handle(event) }
        control.sync { rescan(trigger: .startup) }
        reportCatchUp()
    }

    /// The configured settings of the parts that run as services.
    var watchSettings: DaemonConfiguration.Watch { configuration.withLock { $0.watch } }
    var graceSeconds: Double { configuration.withLock { $0.lifecycle.graceSeconds } }

    /// Hands an event to the embedder's sink and to the control socket's subscribers.
    func emit(_ event: DaemonEvent) {
        metrics.count(event.kind)
        events(event)
        controlServer.broadcast(event.controlEvent)
        cluster?.events.send(event.controlEvent)
    }

    /// Re-reads the configuration as SIGHUP does.
    func requestReload() { control.async { self.reload() } }

    /// Compares the whole corpus with the state store, as after lost events.
    func requestRescan() { control.async { self.rescan(trigger: .event) } }

    /// Logs `startup.caught-up` once the start-up backlog is done (what changed while stopped is published).
    private func reportCatchUp() {
        let queue = self.queue
        let pipeline = self.pipeline
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

    /// The heartbeat's status line.
    var status: String {
        let counts = queue.counts
        return "watching; \(counts.queued) queued, \(counts.running) running"
    }

    private func handle(_ event: WatchEvent) {
        switch event {
        case .touched(let path):
            settler.touch(path)
            convertEarly(path)
        case .directoryAppeared(let directory):
            logger.info("watch.directory", metadata: ["path": "\(directory)"])
            let listing = layout.listing(directory)
            for source in Self.sources(in: listing.files) { settler.touch(source) }
            control.async {
                self.reconcileUndecodable(listing.undecodable, in: directory, recursive: true)
                self.reconcileUnreadable(listing.unreadable, in: directory)
            }
        case .undecodableName(let directory):
            control.async { self.reconcileUndecodable(self.layout.listing(directory, recursive: false).undecodable, in: directory, recursive: false) }
        case .rescan:
            logger.warning("watch.rescan", metadata: ["reason": "events lost or a directory moved"])
            pipeline.early.forgetReads()
            control.async { self.rescan(trigger: .event) }
        }
    }

    /// Starts converting a touched source during its settle delay when early start is on and the job
    /// queue has nothing waiting and a free worker, so that its job after the delay only publishes.
    private func convertEarly(_ path: String) {
        guard earlyStart else { return }
        let stamp = FileStamp(path: layout.url(of: path).path)
        // Written again (or deleted) while its early conversion runs: that conversion is of bytes no job will read.
        pipeline.early.abandon(path, unlessStill: stamp)
        // Not a large source: the settle delay is nothing beside its conversion, which would run beside the workers.
        guard let stamp, stamp.size <= largeSourceBytes else { return }
        let counts = queue.counts
        let pipeline = self.pipeline
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
        let sources = Self.sources(in: found)
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

    /// The sources among the listed files (sources and sidecars).
    private static func sources(in files: [String: FileStamp]) -> Set<String> {
        Set(files.keys.filter(CorpusLayout.isSource))
    }

    /// After the settle delay: queue the source if it exists, else its deletion (`JobKind.delete`, which
    /// cancels its running job and runs after it). A source that is not a regular file (a symbolic link, a
    /// FIFO) is queued too, so that its refusal is recorded.
    func reconcile(_ path: String, trigger: JobTrigger) {
        if let stamp = FileStamp(path: layout.url(of: path).path), !stamp.isDirectory {
            queue.submit(path, trigger: trigger)
            return
        }
        // In a directory that cannot be searched (mode 000) the source may well be there: it is neither
        // read nor recorded deleted, and its outputs stay; the directory's own failure says why.
        var info = stat()
        if lstat(layout.url(of: path).path, &info) != 0, errno == EACCES { return }
        pipeline.early.drop(path)
        queue.submitDeletion(path, trigger: trigger)
    }

    /// Stops taking jobs, waits up to the grace period for running ones and checkpoints the state
    /// store when they all finished.
    func drain() -> Bool {
        let drained = queue.drain(timeout: graceSeconds)
        if drained { store.checkpoint() }
        return drained
    }

    /// SIGHUP: re-reads the configuration file; settings that shape outputs take effect at once
    /// (a changed settings hash re-converts everything); those read only at start keep their running
    /// values, and a change to one is logged as needing a restart (`config.needs-restart`).
    private func reload() {
        systemd.notifyState("RELOADING=1")
        defer { systemd.notifyState("READY=1") }
        let configuration = self.configuration.withLock { $0 }
        do {
            var text = ""
            if let file = configuration.sourceFile {
                guard let data = FileManager.default.contents(atPath: file.path), let string = String(data: data, encoding: .utf8) else {
                    throw ServiceError(.configurationUnreadable, "\(file.path): cannot read the configuration file")
                }
                text = string
            }
            var parsed = try ConfigurationLoader.parse(text, file: configuration.sourceFile, environment: ProcessInfo.processInfo.environment)
            let needsRestart = Self.keepStartOnlySettings(of: configuration, in: &parsed)
            let settings = try PipelineSettings(parsed)
            let before = pipeline.settings.jobKey
            pipeline.settings = settings
            if !needsRestart.isEmpty {
                logger.warning("config.needs-restart", metadata: ["keys": "\(needsRestart.joined(separator: ","))"])
            }
            logger.info("config.reloaded", metadata: ["file": "\(configuration.sourceFile?.path ?? "-")", "settingsChanged": "\(before != settings.jobKey)"])
            self.configuration.withLock { $0 = parsed }
            if before != settings.jobKey { rescan(trigger: .event) }
        } catch {
            logger.error("config.reload-failed", metadata: ["error": "\(error)"])
        }
    }

    /// Puts the running values of the settings read only at start back into a reloaded configuration, and
    /// returns the keys of those the file changed (they take effect at the next start). The paths, the
    /// polling interval and SOURCE_DATE_EPOCH may come from the command line or the environment, which a
    /// reload does not read again: they are kept without a word.
    static func keepStartOnlySettings(of running: DaemonConfiguration, in parsed: inout DaemonConfiguration) -> [String] {
        var changed: [String] = []
        func keep<Value: Equatable>(_ key: String, _ setting: WritableKeyPath<DaemonConfiguration, Value>) {
            if parsed[keyPath: setting] != running[keyPath: setting] { changed.append(key) }
            parsed[keyPath: setting] = running[keyPath: setting]
        }
        parsed.paths = running.paths
        parsed.sourceDateEpoch = running.sourceDateEpoch
        parsed.watch.pollSeconds = running.watch.pollSeconds
        keep("log_level", \.logLevel)
        keep("watch.settle_ms", \.watch.settleMilliseconds)
        keep("watch.early_start", \.watch.earlyStart)
        keep("watch.output_audit_seconds", \.watch.outputAuditSeconds)
        keep("queue.parallelism", \.queue.parallelism)
        keep("queue.large_source_bytes", \.queue.largeSourceBytes)
        // The shutdown backstop is set from it at start (`Daemon.shutdownBackstop`).
        keep("lifecycle.grace_seconds", \.lifecycle.graceSeconds)
        keep("control.group", \.control.group)
        keep("control.allowed_uids", \.control.allowedUIDs)
        keep("control.max_clients", \.control.maxClients)
        keep("control.idle_timeout_seconds", \.control.idleTimeoutSeconds)
        keep("control.max_requests_per_second", \.control.maxRequestsPerSecond)
        keep("http.listen", \.http.listen)
        keep("http.max_connections", \.http.maxConnections)
        keep("http.idle_timeout_seconds", \.http.idleTimeoutSeconds)
        keep("http.page_size", \.http.pageSize)
        return changed
    }
}
