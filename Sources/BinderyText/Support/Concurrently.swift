import Dispatch
import Synchronization

/// Two independent pieces of work run at once — on two cores when one is free, else one after the other —
/// with their results returned in order, so that the outcome never depends on the scheduling.
enum Concurrently {
    static func run<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let results = Mutex<(First?, Second?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let value = first()
                results.withLock { $0.0 = value }
            } else {
                let value = second()
                results.withLock { $0.1 = value }
            }
        }
        // `concurrentPerform` returns once both have run: each slot was written once, by its own work.
        return results.withLock { ($0.0!, $0.1!) }
    }

    /// `(0..<count).map(transform)`, the two halves at once, each written in place into the result.
    static func map<Result: Sendable>(count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                for index in half == 0 ? 0..<count / 2 : count / 2..<count { slots.initialize(index, to: transform(index)) }
            }
            initialized = count
        }
    }

    /// The result buffer of `map` (raw memory, as a C handle is): each slot is initialised once, by the half it belongs to.
    private struct Slots<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>

        init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

        func initialize(_ index: Int, to element: Element) { (buffer.baseAddress! + index).initialize(to: element) }
    }
}
