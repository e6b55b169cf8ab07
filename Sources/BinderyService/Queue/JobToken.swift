import BinderyConversion
import Foundation
import Synchronization

/// The flags a running job checks: cancelled by a user, or superseded by a newer change to its source; and, in a
/// cluster, the fence its publishing goes through.
package final class JobToken: Sendable {
    private struct Flags {
        var cancelled = false
        var superseded = false
    }

    private let flags = Mutex(Flags())
    package let startedAt = Date()
    /// Nil on one machine, where the queue alone decides who runs a job.
    private let fence: (any PublishFence)?

    package init(fence: (any PublishFence)? = nil) {
        self.fence = fence
    }

    package var isCancelled: Bool { flags.withLock { $0.cancelled } }
    package var isSuperseded: Bool { flags.withLock { $0.superseded } }

    func cancel() { flags.withLock { $0.cancelled = true } }
    func supersede() { flags.withLock { $0.superseded = true } }

    /// Runs `publish` unless the job stopped being this worker's (nil then, and the job is marked cancelled).
    func publishing<T>(_ publish: () throws(PublishError) -> T) throws(PublishError) -> T? {
        guard let fence else { return try publish() }
        guard let published = try fence.hold(publish) else {
            cancel()
            return nil
        }
        return published
    }
}

/// Guards a job's publishing where other processes may run the same job (a cluster's lease and fencing token).
package protocol PublishFence: Sendable {
    /// Runs `publish` while the job is still this worker's and returns what it returned; nil, without running it,
    /// when it is not.
    func hold<T>(_ publish: () throws(PublishError) -> T) throws(PublishError) -> T?
}
