/// One line of the `events` stream: `{"event": {"type": …, "path": …, "trigger": …, "error": …, "time": …}}`.
public struct ControlEvent: Codable, Sendable, Hashable {
    /// What happened; the raw value is the wire's `type`.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case jobPublished = "job.published"
        /// The job found nothing to do.
        case jobUpToDate = "job.up-to-date"
        case jobFailed = "job.failed"
        case jobSuperseded = "job.superseded"
        case jobCancelled = "job.cancelled"
        case jobTimedOut = "job.timed-out"
        case documentDeleted = "document.deleted"

        /// The job ended and its outputs are in place (a `submit --wait` succeeds).
        public var isSuccess: Bool { self == .jobPublished || self == .jobUpToDate }
        /// The job ended without publishing (a `submit --wait` fails).
        public var isFailure: Bool { self == .jobFailed || self == .jobCancelled || self == .jobTimedOut }
    }

    public var kind: Kind
    /// The source, relative to the corpus.
    public var path: String
    @NullWhenAbsent public var trigger: String?
    @NullWhenAbsent public var error: String?
    /// UTC, ISO 8601.
    public var time: String

    public init(kind: Kind, path: String, trigger: String? = nil, error: String? = nil, time: String) {
        self.kind = kind
        self.path = path
        self.trigger = trigger
        self.error = error
        self.time = time
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type", path, trigger, error, time
    }
}
