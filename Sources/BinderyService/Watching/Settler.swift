import Dispatch
import Foundation

/// Delays each path until no event has touched it for `delay`: half-written files are not read,
/// and a burst of events on one file becomes one delivery.
package final class Settler: @unchecked Sendable {
    private let delay: DispatchTimeInterval
    private let queue = DispatchQueue(label: "bindery.settle")
    private let deliver: @Sendable (String) -> Void
    // Confined to `queue`.
    private var deadlines: [String: DispatchTime] = [:]

    package init(milliseconds: Int, deliver: @escaping @Sendable (String) -> Void) {
        delay = .milliseconds(milliseconds)
        self.deliver = deliver
    }

    package func touch(_ path: String) {
        queue.async { [self] in
            let deadline = DispatchTime.now() + delay
            deadlines[path] = deadline
            queue.asyncAfter(deadline: deadline) { [self] in
                guard let due = deadlines[path], due <= .now() else { return }
                deadlines[path] = nil
                deliver(path)
            }
        }
    }

    /// Paths waiting for their quiet time.
    package var pending: Int { queue.sync { deadlines.count } }
}
