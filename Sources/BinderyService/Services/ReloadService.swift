import ServiceLifecycle
import UnixSignals

/// SIGHUP reloads the configuration (see `DaemonRuntime.reload`), until shutdown.
struct ReloadService: Service {
    let runtime: DaemonRuntime
    /// Trapped when `run()` began, so that a SIGHUP during start-up is kept, not fatal.
    let hangups: UnixSignalsSequence

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() { runtime.requestReload() }
    }
}
