import BinderyProtocol
import Foundation

/// Something that happened to a job or a document, for subscribers (the control socket's `events`).
package struct DaemonEvent: Sendable, Equatable {
    package var kind: ControlEvent.Kind
    /// The source, relative to the corpus.
    package var path: String
    package var trigger: String?
    package var error: String?
    package var time: Date

    package init(_ kind: ControlEvent.Kind, path: String, trigger: String? = nil, error: String? = nil, time: Date = Date()) {
        self.kind = kind
        self.path = path
        self.trigger = trigger
        self.error = error
        self.time = time
    }

    /// The event as its `events` line carries it.
    var controlEvent: ControlEvent {
        ControlEvent(kind: kind, path: path, trigger: trigger, error: error, time: UTCTimestamp.string(time.timeIntervalSince1970))
    }
}

extension ControlEvent.Kind {
    /// The event of a job that ended with `outcome`.
    init(_ outcome: JobRecord.Outcome) {
        switch outcome {
        case .published: self = .jobPublished
        case .failed: self = .jobFailed
        case .superseded: self = .jobSuperseded
        case .cancelled: self = .jobCancelled
        case .timedOut: self = .jobTimedOut
        }
    }
}

/// Receives every `DaemonEvent`, on whichever thread it happened.
package typealias DaemonEventSink = @Sendable (DaemonEvent) -> Void
