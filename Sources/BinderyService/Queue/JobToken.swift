import Foundation
import Synchronization

/// The flags a running job checks: cancelled by a user, or superseded by a newer change to its source.
package final class JobToken: Sendable {
    private struct Flags {
        var cancelled = false
        var superseded = false
    }

    private let flags = Mutex(Flags())
    package let startedAt = Date()

    package init() {}

    package var isCancelled: Bool { flags.withLock { $0.cancelled } }
    package var isSuperseded: Bool { flags.withLock { $0.superseded } }

    func cancel() { flags.withLock { $0.cancelled = true } }
    func supersede() { flags.withLock { $0.superseded = true } }
}
