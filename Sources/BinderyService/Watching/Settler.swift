import Dispatch
import Synchronization

/// Delays each path until no event has touched it for `delay`: half-written files are not read,
/// and a burst of events on one file becomes one delivery.
package final class Settler: Sendable {
    private let delay: DispatchTimeInterval
    private let queue = DispatchQueue(label: "bindery.settle")
    private let deliver: @Sendable (String) -> Void
    /// When each waiting path's quiet time ends (its latest touch plus `delay`).
    private let deadlines = Mutex<[String: DispatchTime]>([:])

    package init(milliseconds: Int, deliver: @escaping @Sendable (String) -> Void) {
        delay = .milliseconds(milliseconds)
        self.deliver = deliver
    }

    package func touch(_ path: String) {
        let deadline = DispatchTime.now() + delay
        deadlines.withLock { $0[path] = deadline }
        queue.asyncAfter(deadline: deadline) { [self] in
            let isDue = deadlines.withLock { deadlines in
                guard let due = deadlines[path], due <= .now() else { return false }
                deadlines[path] = nil
                return true
            }
            if isDue { deliver(path) }
        }
    }

    /// Paths waiting for their quiet time.
    package var pending: Int { deadlines.withLock { $0.count } }
}
