import BinderyProtocol
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's Unix control socket: newline-delimited JSON (see `ControlProtocol`; lines framed by
/// `ControlCodec`), one response per request, event streams for subscribers. Glibc + Dispatch: one serial queue owns every connection
/// (reads and writes are non-blocking, a slow reader is dropped once its backlog passes a limit); requests are handled on a
/// concurrent queue, one at a time per client, so one client's slow requests do not hold up another's.
/// Its state is one `Mutex`ed value, used on that queue (and by `start`/`stop`); nothing done under the lock calls back into it.
public final class ControlServer: Sendable {
    public struct Settings: Sendable {
        public var socketPath: String
        /// 0o600, or 0o660 when `group` is set.
        public var group: gid_t?
        /// Users allowed besides the daemon's own user and root.
        public var allowedUIDs: Set<uid_t>
        public var maximumClients: Int
        /// Seconds a connection may stay silent (subscribers to `events` excepted).
        public var idleTimeout: Double
        /// Bytes of unsent output after which a client is dropped as too slow.
        public var maximumBacklog: Int
        /// Requests a second per client (bursts of as many); a faster client is read more slowly. 0 = no limit.
        public var maximumRequestRate: Double

        public init(
            socketPath: String, group: gid_t? = nil, allowedUIDs: Set<uid_t> = [], maximumClients: Int = 64, idleTimeout: Double = 60,
            maximumBacklog: Int = 4 << 20, maximumRequestRate: Double = 100
        ) {
            self.socketPath = socketPath
            self.group = group
            self.allowedUIDs = allowedUIDs
            self.maximumClients = maximumClients
            self.idleTimeout = idleTimeout
            self.maximumBacklog = maximumBacklog
            self.maximumRequestRate = maximumRequestRate
        }
    }

    /// What a handler answers: a typed result (encoded once, into the response line), an error, or (for
    /// `events`) a subscription acknowledged with a result.
    public enum Reply: Sendable {
        case result(any Encodable & Sendable)
        case error(ControlError)
        case subscribe(any Encodable & Sendable)
    }

    public typealias Handler = @Sendable (ControlRequest) -> Reply

    private let settings: Settings
    private let handler: Handler
    private let queue = DispatchQueue(label: "bindery.control")
    /// Where handlers run: many clients at once, each client's requests one after another.
    private let requests = DispatchQueue(label: "bindery.control.requests", attributes: .concurrent)
    private let state = Mutex(State())

    private struct State {
        var listener: Int32 = -1
        var acceptSource: DispatchSourceRead?
        var connections: [Int: ControlConnection] = [:]
        var nextConnection = 0
        /// Device and inode of the socket this server bound: only that file is removed at stop.
        var boundSocket: (device: UInt64, inode: UInt64)?
    }

    public init(settings: Settings, handler: @escaping Handler) {
        self.settings = settings
        self.handler = handler
    }

    /// Binds the socket (removing a stale one, but never one another process still answers on) and starts accepting.
    public func start() throws(ControlSocketError) {
        let path = settings.socketPath
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if let live = try? UnixSocket.connect(to: path) {
            close(live)
            throw ControlSocketError("another process is listening on \(path)")
        }
        unlink(path)
        let listener = try UnixSocket.listen(at: path, mode: settings.group == nil ? 0o600 : 0o660, group: settings.group)
        state.withLock { state in
            state.listener = listener
            state.boundSocket = Self.identity(of: path)
            let source = DispatchSource.makeReadSource(fileDescriptor: listener, queue: queue)
            source.setEventHandler { [weak self] in self?.acceptPending(on: listener) }
            state.acceptSource = source
            source.resume()
        }
    }

    /// Stops accepting, closes every connection and removes the socket file.
    public func stop() {
        let bound = queue.sync {
            state.withLock { state in
                state.acceptSource?.cancel()
                state.acceptSource = nil
                if state.listener >= 0 { close(state.listener); state.listener = -1 }
                for connection in state.connections.values { connection.close() }
                state.connections.removeAll()
                defer { state.boundSocket = nil }
                return state.boundSocket
            }
        }
        // A socket file that is no longer ours (removed and bound again by someone else) stays.
        if let bound, let current = Self.identity(of: settings.socketPath), bound == current { unlink(settings.socketPath) }
    }

    private static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    /// Sends `event` as one line to every subscriber of `events`; with none, `event` is never built
    /// (a restart reports thousands of up-to-date jobs that nobody may be listening for).
    public func broadcast(_ event: @autoclosure @escaping @Sendable () -> any Encodable & Sendable) {
        queue.async {
            self.state.withLock { state in
                let subscribers = state.connections.values.filter(\.isSubscriber)
                guard !subscribers.isEmpty else { return }
                let line = ControlCodec.encodeEvent(event())
                for connection in subscribers { connection.send(line) }
            }
        }
    }

    /// Connections open now (for `status` and tests).
    public var clientCount: Int { queue.sync { state.withLock { $0.connections.count } } }

    /// Accepts the clients waiting on `listener` (on the server's queue).
    private func acceptPending(on listener: Int32) {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            UnixSocket.setNonBlocking(client)
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            guard let credentials = UnixSocket.peerCredentials(client), isAllowed(credentials.uid) else {
                refuse(client, ControlError(code: -32001, message: "permission denied: this user may not control the daemon"))
                continue
            }
            let refusal: ControlError? = state.withLock { state in
                guard state.connections.count < settings.maximumClients else {
                    return ControlError(code: -32002, message: "too many clients (\(settings.maximumClients)); try again later")
                }
                let key = state.nextConnection
                state.nextConnection += 1
                let connection = ControlConnection(descriptor: client, queue: queue, requests: requests, settings: settings, handler: handler) {
                    [weak self] answer in
                    guard let self else { return }
                    queue.async { self.state.withLock { $0.connections[key]?.answered(answer) } }
                }
                // A connection closes under the lock (a client too slow for a broadcast): it is forgotten after.
                connection.onClose = { [weak self] in
                    guard let self else { return }
                    queue.async { self.state.withLock { _ = $0.connections.removeValue(forKey: key) } }
                }
                state.connections[key] = connection
                connection.start()
                return nil
            }
            if let refusal { refuse(client, refusal) }
        }
    }

    private func isAllowed(_ uid: uid_t) -> Bool {
        uid == 0 || uid == getuid() || settings.allowedUIDs.contains(uid)
    }

    /// Best effort: one error line, then close.
    private func refuse(_ descriptor: Int32, _ error: ControlError) {
        let line = ControlCodec.encode(.failure(nil, error))
        _ = line.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        close(descriptor)
    }
}

extension ControlServer.Settings {
    /// The settings of the configuration's `control:` section; an unknown group is an error.
    init(socketPath: String, _ control: DaemonConfiguration.Control) throws(ServiceError) {
        var group: gid_t?
        if !control.group.isEmpty {
            guard let entry = getgrnam(control.group) else {
                throw ServiceError(.configurationBadValue, "control.group: no group named '\(control.group)'")
            }
            group = entry.pointee.gr_gid
        }
        self.init(
            socketPath: socketPath, group: group, allowedUIDs: Set(control.allowedUIDs), maximumClients: control.maxClients,
            idleTimeout: control.idleTimeoutSeconds, maximumRequestRate: control.maxRequestsPerSecond)
    }
}
