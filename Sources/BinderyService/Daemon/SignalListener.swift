import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGTERM, SIGINT and SIGHUP into calls on a serial queue (the default actions are switched off).
package final class SignalListener: @unchecked Sendable {
    private let queue = DispatchQueue(label: "bindery.signals")
    private let signals: [Int32]
    private var sources: [DispatchSourceSignal] = []

    package init(_ signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening and restores the default actions.
    package func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
