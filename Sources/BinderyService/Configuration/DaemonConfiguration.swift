import BinderyText
import BinderyWriters
import Foundation

/// Everything `bindery serve` needs, with the defaults documented in `Config/bindery.yaml`.
public struct DaemonConfiguration: Sendable, Hashable {
    /// Where sources are read, outputs written and state kept.
    public struct Paths: Sendable, Hashable {
        /// The watched corpus; `*.txt` and `*.pdf` files anywhere below it are sources (`SourceNaming.sourceExtensions`). Default `./corpus`.
        public var corpus: URL
        /// The output tree mirroring the corpus. Default `./out`.
        public var out: URL
        /// The state directory (database, lock file). Default `$STATE_DIRECTORY`, else `./.bindery-state`.
        public var state: URL
        /// The runtime directory (control socket). Default `$RUNTIME_DIRECTORY`, else the state directory.
        public var runtime: URL
    }

    /// How changes are noticed.
    public struct Watch: Sendable, Hashable {
        /// Quiet time after the last event on a file before it is read. Default 300 ms.
        public var settleMilliseconds: Int = 300
        /// Poll the corpus every N seconds instead of using inotify; 0 = inotify. Default 0.
        public var pollSeconds: Double = 0
        /// Convert a changed file while its settle delay runs; the job after the delay publishes that
        /// result only if the file (its stat and SHA-256) is still what was converted. Default true.
        public var earlyStart = true
        /// Every N seconds, check that each published document's outputs are on disk and publish again
        /// those that are not (a deleted `.epub`, `rm -rf out/`); 0 = never. Default 60.
        public var outputAuditSeconds: Double = 60
    }

    /// How conversion jobs are run.
    public struct Queue: Sendable, Hashable {
        /// Jobs run at once; 0 = the number of cores. Default 0.
        public var parallelism: Int = 0
        /// Sources larger than this are refused. Default 64 MiB.
        public var maxSourceBytes: Int = 64 << 20
        /// Sources larger than this are large: they run on at most `parallelism - 1` workers (a worker stays
        /// free for small ones), are not converted early, and the memory their conversion freed is given back
        /// to the system. Default 4 MiB.
        public var largeSourceBytes: Int = 4 << 20
        /// A job running longer than this is recorded as timed out and its outputs discarded. Default 300 s.
        public var jobTimeoutSeconds: Double = 300
        /// Attempts for a job failing with a transient I/O error. Default 3.
        public var retryAttempts: Int = 3
        /// First retry delay; doubled on each attempt. Default 200 ms.
        public var retryDelayMilliseconds: Int = 200
        /// A PostgreSQL connection URI (`postgresql://user@host:port/db`, `?host=/socket/dir`): the queue and the
        /// state of a cluster of nodes (`ClusterJobQueue`). Nil (the default): the embedded SQLite store and
        /// in-process queue.
        public var url: String? = nil
        /// In a cluster, how long a node's claim on a job lasts unless it renews it; a node killed mid-job loses its
        /// jobs to the others this long after. Default 15 s.
        public var leaseSeconds: Double = 15

        /// `parallelism`, with 0 resolved to the core count.
        public var effectiveParallelism: Int {
            parallelism > 0 ? parallelism : max(1, ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// How outputs are published.
    public struct Publish: Sendable, Hashable {
        /// Delete a source's outputs when the source is deleted. Default false.
        public var prune: Bool = false
    }

    /// The control socket (`runtime/bindery.sock`).
    public struct Control: Sendable, Hashable {
        /// A group whose members may use the socket (mode 0660); empty = the daemon's user only (0600). Default empty.
        public var group: String = ""
        /// Further user ids allowed, checked with SO_PEERCRED (root and the daemon's user always are). Default none.
        public var allowedUIDs: [UInt32] = []
        /// Clients connected at once. Default 64.
        public var maxClients: Int = 64
        /// A client silent this long is disconnected (event subscribers excepted). Default 60 s.
        public var idleTimeoutSeconds: Double = 60
        /// Requests a second each client may send (in bursts of as many); a faster one is read more slowly; 0 = no limit. Default 100.
        public var maxRequestsPerSecond: Double = 100
    }

    /// The read-only HTTP endpoint (`/`, `/opds`, `/metrics`, `/healthz`, downloads); off unless `listen` is set.
    public struct HTTP: Sendable, Hashable {
        /// `HOST:PORT` to listen on (`127.0.0.1:8080`, `[::1]:8080`; port 0 picks a free one); empty = no endpoint. Default empty.
        public var listen: String = ""
        /// Connections open at once; further ones wait in the listen backlog. Default 32.
        public var maxConnections: Int = 32
        /// A connection idle this long is closed. Default 30 s.
        public var idleTimeoutSeconds: Double = 30
        /// Books per page of the OPDS catalog. Default 50.
        public var pageSize: Int = 50
    }

    /// Start and stop.
    public struct Lifecycle: Sendable, Hashable {
        /// Time running jobs get to finish on SIGTERM/SIGINT. Default 10 s.
        public var graceSeconds: Double = 10
    }

    public var paths: Paths
    /// Formats produced for every source. Default: epub, tei, text.
    public var formats: [OutputFormat] = OutputFormat.publications
    /// Also publish the HTML proof (`NAME.proof.html`) beside the outputs. Default true.
    public var proof = true
    /// What each job writes: the formats, and the proof when `proof` is on.
    public var producedFormats: [OutputFormat] {
        (proof && !formats.contains(.proof) ? formats + [.proof] : formats).sorted()
    }
    /// Template directories searched before the bundled templates. Default none.
    public var templateDirectories: [URL] = []
    public var watch = Watch()
    public var queue = Queue()
    public var publish = Publish()
    public var lifecycle = Lifecycle()
    public var control = Control()
    public var http = HTTP()
    public var reader = ReaderOptions()
    public var writer = WriterSettings()
    /// Log level: trace, debug, info, notice, warning, error, critical. Default info.
    public var logLevel: String = "info"
    /// The file this configuration was read from, if any (reloaded on SIGHUP).
    public var sourceFile: URL?
    /// `SOURCE_DATE_EPOCH` from the environment: the time every output records instead of its source's
    /// mtime, as in `bindery convert`. Not a file setting. Default unset.
    public var sourceDateEpoch: Date?

    public init(paths: Paths) {
        self.paths = paths
    }
}
