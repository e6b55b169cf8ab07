import Foundation

/// The flags a running job checks: cancelled by a user, or superseded by a newer change to its source.
package final class JobToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var superseded = false
    package let startedAt = Date()

    package init() {}

    package var isCancelled: Bool { lock.withLock { cancelled } }
    package var isSuperseded: Bool { lock.withLock { superseded } }

    func cancel() { lock.withLock { cancelled = true } }
    func supersede() { lock.withLock { superseded = true } }
}
