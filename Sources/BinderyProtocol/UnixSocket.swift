import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small wrappers over the Glibc socket calls both ends need (the daemon adds listening).
package enum UnixSocket {
    package static func address(_ path: String) throws(ControlSocketError) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { throw ControlSocketError("the socket path is longer than \(capacity - 1) bytes: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        return address
    }

    /// A blocking client connection to `path`.
    package static func connect(to path: String) throws(ControlSocketError) -> Int32 {
        var address = try address(path)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ControlSocketError("socket: \(errnoText())") }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            let message = errnoText()
            close(descriptor)
            throw ControlSocketError("no daemon answers at \(path): \(message)")
        }
        return descriptor
    }

    package static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The control socket could not be set up or reached, or the connection failed.
public struct ControlSocketError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
