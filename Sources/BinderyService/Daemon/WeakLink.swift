import Synchronization

/// A weak reference set once its target is built, for callbacks wired before their target exists.
final class WeakLink<Target: AnyObject & Sendable>: Sendable {
    private struct Box: Sendable { weak var target: Target? }
    private let box = Mutex(Box())

    var target: Target? { box.withLock { $0.target } }

    func set(_ target: Target) { box.withLock { $0.target = target } }
}
