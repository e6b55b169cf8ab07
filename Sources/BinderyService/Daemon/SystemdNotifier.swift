import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `sd_notify` without libsystemd: one datagram per message to `$NOTIFY_SOCKET` (a path, or an
/// abstract name starting with `@`). Does nothing when the variable is not set.
package struct SystemdNotifier: Sendable {
    private let address: [UInt8]?
    /// Half of `$WATCHDOG_USEC` when systemd asked for keep-alives for this process, in seconds.
    package let watchdogInterval: Double?

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let socket = environment["NOTIFY_SOCKET"], !socket.isEmpty, socket.utf8.count < 108 {
            var bytes = Array(socket.utf8)
            if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
            address = bytes
        } else {
            address = nil
        }
        let pidMatches = environment["WATCHDOG_PID"].map { $0 == "\(getpid())" } ?? true
        if let usec = environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0, pidMatches {
            watchdogInterval = usec / 2_000_000
        } else {
            watchdogInterval = nil
        }
    }

    package var isEnabled: Bool { address != nil }

    /// Sends `READY=1`, `STATUS=…`, `WATCHDOG=1`, `STOPPING=1` or `RELOADING=1` (newline-separated for
    /// several); false when it could not be sent.
    ///
    /// A receiver whose queue is full (`net.unix.max_dgram_qlen`, 10 by default) would block a plain
    /// `sendto` for as long as nobody reads; this waits at most `waitSeconds` (0: not at all), so that a
    /// stalled receiver costs a dropped heartbeat, never a stuck control queue or a daemon that cannot stop.
    @discardableResult
    package func notify(_ state: String, waitSeconds: Double = 1) -> Bool {
        guard let address else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var flags = Int32(MSG_NOSIGNAL)
        if waitSeconds > 0 {
            var timeout = timeval(tv_sec: Int(waitSeconds), tv_usec: Int((waitSeconds - waitSeconds.rounded(.down)) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        } else {
            flags |= Int32(MSG_DONTWAIT)
        }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { path in
            for (index, byte) in address.enumerated() { path[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + address.count)
        let message = Array(state.utf8)
        let sent = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                message.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, flags, address, length) }
            }
        }
        return sent == message.count
    }
}
