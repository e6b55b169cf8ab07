import BinderyProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking client of the control socket, for the CLI and tests.
public final class ControlClient {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var nextID = 1

    /// Connects; fails with a clear message when no daemon answers at `socketPath`.
    public init(socketPath: String, timeout: Double = 30) throws(ControlServerError) {
        descriptor = try UnixSocket.connect(to: socketPath)
        setTimeout(timeout)
    }

    deinit {
        close(descriptor)
    }

    /// Sends one request and waits for its response.
    public func call(_ method: String, _ params: JSONValue? = nil) throws(ControlServerError) -> ControlResponse {
        let id = nextID
        nextID += 1
        do {
            try sendLine(ControlRequest(id: .number(id), method: method, params: params))
        } catch {
            // A daemon that refused this client (permission denied, too many clients) wrote its one error
            // line and closed before the request could be sent: that line is the answer, not "Broken pipe".
            guard let line = try? readLine(), let refusal = try? JSONDecoder().decode(ControlResponse.self, from: Data(line)), refusal.error != nil else {
                throw error
            }
            return refusal
        }
        while true {
            let line = try readLine()
            guard let response = try? JSONDecoder().decode(ControlResponse.self, from: Data(line)) else { continue }
            if response.id == .number(id) || response.id == nil { return response }
        }
    }

    /// Sends raw bytes (tests use it for malformed input).
    public func sendRaw(_ bytes: [UInt8]) throws(ControlServerError) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a daemon that closed the connection is reported below, not a SIGPIPE.
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ControlServerError("the daemon closed the connection: \(UnixSocket.errnoText())")
            }
            offset += written
        }
    }

    /// The next line from the daemon, without its newline.
    public func readLine() throws(ControlServerError) -> [UInt8] {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 16384)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { throw ControlServerError("the daemon closed the connection") }
            if count < 0 {
                if errno == EINTR { continue }
                throw ControlServerError(errno == EAGAIN ? "the daemon did not answer in time" : "cannot read from the daemon: \(UnixSocket.errnoText())")
            }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Seconds to wait for a line; 0 waits for ever (event streams).
    public func setTimeout(_ seconds: Double) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private func sendLine(_ request: ControlRequest) throws(ControlServerError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(request) else { throw ControlServerError("cannot encode the request") }
        try sendRaw(Array(data) + [0x0A])
    }
}
