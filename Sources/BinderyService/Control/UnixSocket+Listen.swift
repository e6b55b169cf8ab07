import BinderyProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's side of the control socket: listening, and who is on the other end.
extension UnixSocket {
    /// `struct ucred` (hidden by Glibc without `_GNU_SOURCE`): same layout.
    struct PeerCredentials {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// A listening, non-blocking, close-on-exec socket bound at `path` with `mode`.
    static func listen(at path: String, mode: mode_t, group: gid_t?, backlog: Int32 = 64) throws(ControlSocketError) -> Int32 {
        var address = try address(path)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard descriptor >= 0 else { throw ControlSocketError("socket: \(errnoText())") }
        // Nobody can connect before `listen`, so the mode is set between the two. Not by narrowing the umask around
        // `bind`: the umask is the process's, and a directory another thread made meanwhile lost its search bit.
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            let message = errnoText()
            close(descriptor)
            throw ControlSocketError("cannot bind \(path): \(message)")
        }
        if let group, chown(path, uid_t.max, group) != 0 {
            let message = errnoText()
            close(descriptor)
            throw ControlSocketError("cannot give \(path) to group \(group): \(message)")
        }
        guard chmod(path, mode) == 0, Glibc.listen(descriptor, backlog) == 0 else {
            let message = errnoText()
            close(descriptor)
            throw ControlSocketError("cannot listen on \(path): \(message)")
        }
        return descriptor
    }

    static func peerCredentials(_ descriptor: Int32) -> PeerCredentials? {
        var credentials = PeerCredentials()
        var length = socklen_t(MemoryLayout<PeerCredentials>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0 else { return nil }
        return credentials
    }

    static func setNonBlocking(_ descriptor: Int32) {
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
    }
}
