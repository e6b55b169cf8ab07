import Dispatch

/// Runs blocking work (a drain, a start-up scan) on a Dispatch thread, off the cooperative pool.
func blocking<T: Sendable>(on queue: DispatchQueue = .global(qos: .utility), _ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        queue.async { continuation.resume(returning: work()) }
    }
}
