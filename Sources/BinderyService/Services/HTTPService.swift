import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// The read-only HTTP endpoint (`http.listen`), a Hummingbird application in the daemon's service group:
/// at most `http.max_connections` connections at once (more wait in the backlog), idle ones closed after
/// `http.idle_timeout_seconds`, request heads bounded by the decoder and bodies refused (`RequestLimits`).
/// A failure to listen is logged and stops the daemon, as any failed service does.
struct HTTPService: Service {
    let runtime: DaemonRuntime
    let phase: DaemonPhase
    let address: HTTPListenAddress

    /// Decoder limits: one header line, all of them, and how many.
    static let decoderLimits = HTTP1Channel.Configuration.DecoderConfiguration(
        maxHeaderFieldSize: 8 << 10, maxHeaderListSize: 32 << 10, maxHeaderFieldCount: 64)

    func run() async throws {
        let settings = runtime.http
        let logger = runtime.logger
        // Hummingbird's own lines are not the daemon's one-event-per-line format: only its warnings and errors pass.
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        let application = Application(
            router: HTTPRoutes(runtime: runtime, phase: phase).router(),
            server: .http1(configuration: .init(
                idleTimeout: .milliseconds(Int64(settings.idleTimeoutSeconds * 1000)), httpDecoderConfiguration: Self.decoderLimits)),
            configuration: .init(
                address: .hostname(address.host, port: address.port), serverName: nil, backlog: 64,
                availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections)),
            onServerRunning: { [address] channel in
                logger.info("http.listening", metadata: [
                    "address": "\(address.description(port: channel.localAddress?.port ?? address.port))",
                    "loopback": "\(address.isLoopback)", "maxConnections": "\(settings.maxConnections)",
                ])
            },
            logger: quiet)
        do {
            try await application.run()
        } catch {
            logger.error("http.failed", metadata: ["address": "\(address)", "error": "\(error)"])
            throw error
        }
    }
}
