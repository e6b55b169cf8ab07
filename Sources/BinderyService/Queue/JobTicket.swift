import Foundation

/// One queued job of one source: a conversion, or a deletion (`JobKind`).
package struct JobTicket: Sendable, Equatable {
    /// The source, relative to the corpus.
    package var path: String
    package var trigger: JobTrigger
    package var queuedAt: Date
    /// 1 for the first run, then one more per retry.
    package var attempt: Int = 1
    /// A large source (`queue.large_source_bytes`): it may not take the last free worker.
    package var isLarge = false
    package var kind: JobKind = .convert
}
