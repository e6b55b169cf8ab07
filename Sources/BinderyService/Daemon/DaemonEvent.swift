import Foundation

/// Something that happened to a job or a document, for subscribers (the control socket's `events`).
package struct DaemonEvent: Sendable, Equatable {
    /// `job.published`, `job.up-to-date` (nothing to do), `job.failed`, `job.superseded`, `job.cancelled`, `job.timed-out`, `document.deleted`.
    package var kind: String
    /// The source, relative to the corpus.
    package var path: String
    package var trigger: String?
    package var error: String?
    package var time: Date

    package init(_ kind: String, path: String, trigger: String? = nil, error: String? = nil, time: Date = Date()) {
        self.kind = kind
        self.path = path
        self.trigger = trigger
        self.error = error
        self.time = time
    }
}

/// Receives every `DaemonEvent`, on whichever thread it happened.
package typealias DaemonEventSink = @Sendable (DaemonEvent) -> Void
