import ServiceLifecycle

/// The corpus watcher (started at start-up, before the first scan): stopped before the queue drains.
struct WatcherService: Service {
    let watcher: any CorpusWatcher

    func run() async throws {
        try? await gracefulShutdown()
        watcher.stop()
    }
}
