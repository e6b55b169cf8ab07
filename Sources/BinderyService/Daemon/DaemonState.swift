import Synchronization

/// Where the daemon is in its life: `run()` moves it forward, never back.
public enum DaemonState: String, Sendable, Equatable {
    case starting, running, draining, stopped
}

/// The daemon's state, shared by `Daemon` and the services that move it on.
package final class DaemonPhase: Sendable {
    private let current = Mutex(DaemonState.starting)

    package var state: DaemonState { current.withLock { $0 } }

    package func enter(_ state: DaemonState) { current.withLock { $0 = state } }
}
