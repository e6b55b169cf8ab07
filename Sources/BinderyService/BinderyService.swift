// BinderyService: the daemon behind `bindery serve`.
//
// Concurrency, and why:
// - Async (swift-service-lifecycle): the daemon's lifetime. `Daemon.run()` starts the runtime, then one
//   `ServiceGroup` runs the services (`ControlService`, `JobRunnerService`, `WatcherService`,
//   `OutputAuditService`, `SystemdService`, `ReloadService`) until SIGTERM/SIGINT or `Daemon.stop()`,
//   and shuts them down in reverse order (heartbeat first, the job queue's drain, the control socket last).
//   Signals, timers and shutdown read as straight-line code there, with no semaphore.
// - Dispatch: the job queue and its workers (`DispatchJobQueue`: the user's design card asks for a
//   Dispatch job queue, and conversions are CPU-bound work that must not occupy the cooperative pool),
//   the settle timers, the inotify reader and the control socket's non-blocking I/O, and `control`, the
//   serial queue that owns rescans, reconciles and reloads.
