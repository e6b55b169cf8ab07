/// The typed result of each method (`ControlMethod` says which), with the keys it has on the wire.
/// The daemon encodes them once into its response line; clients decode them from `ControlResponse.result`.

/// `status`.
public struct StatusResult: Codable, Sendable, Hashable {
    public var `protocol`: Int
    public var version: String
    public var uptimeSeconds: Int
    public var corpus: String
    public var queued: Int
    public var running: Int
    public var retrying: Int
    public var paused: Bool
    /// Documents by state.
    public var documents: [String: Int]
    public var runningJobs: [String]
    /// The cluster this node belongs to (`queue.url`); absent on one machine.
    public var cluster: ClusterStatus?

    public init(protocol: Int, version: String, uptimeSeconds: Int, corpus: String, queued: Int, running: Int, retrying: Int,
                paused: Bool, documents: [String: Int], runningJobs: [String], cluster: ClusterStatus? = nil) {
        self.protocol = `protocol`
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.corpus = corpus
        self.queued = queued
        self.running = running
        self.retrying = retrying
        self.paused = paused
        self.documents = documents
        self.runningJobs = runningJobs
        self.cluster = cluster
    }

    enum CodingKeys: String, CodingKey {
        case `protocol`, version, uptimeSeconds = "uptime_seconds", corpus, queued, running, retrying, paused, documents
        case runningJobs = "running_jobs", cluster
    }
}

/// `status` of a node in a cluster: this node, the watcher's leader and every node seen lately.
public struct ClusterStatus: Codable, Sendable, Hashable {
    public var node: String
    @NullWhenAbsent public var leader: String?
    public var nodes: [ClusterNode]

    public init(node: String, leader: String?, nodes: [ClusterNode]) {
        self.node = node
        self.leader = leader
        self.nodes = nodes
    }
}

/// One node of a cluster, by its last heartbeat.
public struct ClusterNode: Codable, Sendable, Hashable {
    public var name: String
    /// `serve` (may lead the watching) or `work` (only converts).
    public var role: String
    public var host: String
    public var pid: Int
    public var heartbeat: String
    /// Its heartbeat is recent (within three of its intervals).
    public var alive: Bool
    public var leader: Bool
    /// Jobs it runs now.
    public var running: Int

    public init(name: String, role: String, host: String, pid: Int, heartbeat: String, alive: Bool, leader: Bool, running: Int) {
        self.name = name
        self.role = role
        self.host = host
        self.pid = pid
        self.heartbeat = heartbeat
        self.alive = alive
        self.leader = leader
        self.running = running
    }
}

/// One document of `documents`.
public struct DocumentSummary: Codable, Sendable, Hashable {
    public var path: String
    /// `published`, `failed`, `deleted`, or `converting` while a job runs.
    public var state: String
    public var size: Int64
    public var sha256: String
    @NullWhenAbsent public var error: String?
    public var updated: String

    public init(path: String, state: String, size: Int64, sha256: String, error: String?, updated: String) {
        self.path = path
        self.state = state
        self.size = size
        self.sha256 = sha256
        self.error = error
        self.updated = updated
    }
}

/// `documents`.
public struct DocumentsResult: Codable, Sendable, Hashable {
    public var documents: [DocumentSummary]

    public init(documents: [DocumentSummary]) { self.documents = documents }
}

/// One job: an element of `jobs`, and the result of `job`.
public struct JobSummary: Codable, Sendable, Hashable {
    @NullWhenAbsent public var id: Int64?
    public var path: String
    public var trigger: String
    /// The outcome: `published`, `failed`, `superseded`, `cancelled`, `timed-out`.
    public var state: String
    public var attempts: Int
    public var queued: String
    public var durationMilliseconds: Int
    @NullWhenAbsent public var error: String?
    public var warnings: [String]

    public init(id: Int64?, path: String, trigger: String, state: String, attempts: Int, queued: String,
                durationMilliseconds: Int, error: String?, warnings: [String]) {
        self.id = id
        self.path = path
        self.trigger = trigger
        self.state = state
        self.attempts = attempts
        self.queued = queued
        self.durationMilliseconds = durationMilliseconds
        self.error = error
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case id, path, trigger, state, attempts, queued, durationMilliseconds = "duration_ms", error, warnings
    }
}

/// `jobs`: newest first.
public struct JobsResult: Codable, Sendable, Hashable {
    public var jobs: [JobSummary]

    public init(jobs: [JobSummary]) { self.jobs = jobs }
}

/// `submit`: the source, relative to the corpus, queued at request priority.
public struct SubmitResult: Codable, Sendable, Hashable {
    public var path: String
    public var queued: Bool
    public var trigger: String

    public init(path: String, queued: Bool = true, trigger: String = "request") {
        self.path = path
        self.queued = queued
        self.trigger = trigger
    }
}

/// `cancel`: whether a queued or running job of `path` was there to cancel.
public struct CancelResult: Codable, Sendable, Hashable {
    public var path: String
    public var cancelled: Bool

    public init(path: String, cancelled: Bool) {
        self.path = path
        self.cancelled = cancelled
    }
}

/// `rescan`.
public struct RescanResult: Codable, Sendable, Hashable {
    public var rescanning: Bool

    public init(rescanning: Bool = true) { self.rescanning = rescanning }
}

/// `pause` and `resume`: whether the queue is paused now.
public struct PausedResult: Codable, Sendable, Hashable {
    public var paused: Bool

    public init(paused: Bool) { self.paused = paused }
}

/// `reload`.
public struct ReloadResult: Codable, Sendable, Hashable {
    public var reloading: Bool

    public init(reloading: Bool = true) { self.reloading = reloading }
}

/// `metrics`: the Prometheus text format.
public struct MetricsResult: Codable, Sendable, Hashable {
    public var text: String

    public init(text: String) { self.text = text }
}

/// `events`: the subscription is acknowledged; event lines follow.
public struct EventsResult: Codable, Sendable, Hashable {
    public var subscribed: Bool
    public var `protocol`: Int

    public init(subscribed: Bool = true, protocol: Int = ControlProtocol.version) {
        self.subscribed = subscribed
        self.protocol = `protocol`
    }
}
