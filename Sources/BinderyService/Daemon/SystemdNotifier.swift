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

    /// Why a message did not reach systemd.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package let code: Int32
        package var description: String { String(cString: strerror(code)) }
    }

    /// Sends `READY=1`, `STATUS=…`, `WATCHDOG=1`, `STOPPING=1` or `RELOADING=1` (newline-separated for
    /// several); nothing when `$NOTIFY_SOCKET` is not set.
    ///
    /// A receiver whose queue is full (`net.unix.max_dgram_qlen`: 10 by default, 512 under systemd) would
    /// block a plain `sendto` for as long as nobody reads; this waits at most `waitSeconds` (0: not at
    /// all), so that a stalled receiver costs a dropped or retried message, never a stuck control queue
    /// or a daemon that cannot stop.
    package func notify(_ state: String, waitSeconds: Double = 1) throws(Failure) {
        guard let address else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(code: errno) }
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
        if sent != message.count { throw Failure(code: sent < 0 ? errno : EMSGSIZE) }
    }
}
