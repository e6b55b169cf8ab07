import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking client of the control socket, for the CLI and tests: one request at a time, each
/// answered by one line; after `events`, one line per event.
public final class ControlClient {
    private let descriptor: Int32
    private var buffer = LineBuffer()
    private var nextID = 1

    /// Connects; fails with a clear message when no daemon answers at `socketPath`.
    public init(socketPath: String, timeout: Double = 30) throws(ControlSocketError) {
        descriptor = try UnixSocket.connect(to: socketPath)
        setTimeout(timeout)
    }

    deinit {
        close(descriptor)
    }

    /// Sends one request without params and waits for its response.
    public func call(_ method: ControlMethod) throws(ControlSocketError) -> ControlResponse {
        try call(method.rawValue, nil)
    }

    /// Sends one request with typed params (`ControlParams`) and waits for its response.
    public func call(_ method: ControlMethod, _ params: some Encodable) throws(ControlSocketError) -> ControlResponse {
        let json: JSONValue
        do { json = try JSONValue(encoding: params) } catch { throw ControlSocketError("cannot encode the parameters of \(method.rawValue)") }
        return try call(method.rawValue, json)
    }

    /// Sends one request by name, with any params (tests use it for unknown methods and hostile params).
    public func call(_ method: String, _ params: JSONValue? = nil) throws(ControlSocketError) -> ControlResponse {
        let id = nextID
        nextID += 1
        guard let line = ControlCodec.encode(ControlRequest(id: .number(id), method: method, params: params)) else {
            throw ControlSocketError("cannot encode the request")
        }
        do {
            try sendRaw(line)
        } catch {
            // A daemon that refused this client (permission denied, too many clients) wrote its one error
            // line and closed before the request could be sent: that line is the answer, not "Broken pipe".
            guard let line = try? readLine(), let refusal = ControlCodec.decodeResponse(line), refusal.error != nil else {
                throw error
            }
            return refusal
        }
        while true {
            guard let response = ControlCodec.decodeResponse(try readLine()) else { continue }
            if response.id == .number(id) || response.id == nil { return response }
        }
    }

    /// Sends raw bytes (tests use it for malformed input).
    public func sendRaw(_ bytes: [UInt8]) throws(ControlSocketError) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a daemon that closed the connection is reported below, not a SIGPIPE.
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ControlSocketError("the daemon closed the connection: \(UnixSocket.errnoText())")
            }
            offset += written
        }
    }

    /// The next line from the daemon, without its newline.
    public func readLine() throws(ControlSocketError) -> [UInt8] {
        while true {
            if let line = buffer.nextLine() { return line }
            var chunk = [UInt8](repeating: 0, count: 16384)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { throw ControlSocketError("the daemon closed the connection") }
            if count < 0 {
                if errno == EINTR { continue }
                throw ControlSocketError(errno == EAGAIN ? "the daemon did not answer in time" : "cannot read from the daemon: \(UnixSocket.errnoText())")
            }
            buffer.append(chunk[0..<count])
        }
    }

    /// The next event line after `events` (other lines skipped), and its bytes as sent.
    public func nextEvent() throws(ControlSocketError) -> (event: ControlEvent, line: [UInt8]) {
        while true {
            let line = try readLine()
            if let event = ControlCodec.decodeEvent(line) { return (event, line) }
        }
    }

    /// Seconds to wait for a line; 0 waits for ever (event streams).
    public func setTimeout(_ seconds: Double) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }
}

extension ControlResponse {
    /// The result as `type`; the daemon's error, or a result of another shape, is thrown.
    public func decodeResult<Result: Decodable>(as type: Result.Type) throws(ControlError) -> Result {
        if let error { throw error }
        do {
            return try (result ?? .null).decode(as: type)
        } catch {
            throw ControlError(code: -32603, message: "unexpected answer from the daemon: \(error)")
        }
    }
}
