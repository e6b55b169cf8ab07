import ServiceLifecycle

/// The control socket (opened at start-up): closed, and its file removed, last of all at shutdown.
struct ControlService: Service {
    let server: ControlServer

    func run() async throws {
        try? await gracefulShutdown()
        server.stop()
    }
}
