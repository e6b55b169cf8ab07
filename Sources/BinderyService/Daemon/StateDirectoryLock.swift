import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `bindery.lock` in the state directory, held for the daemon's life, so two
/// daemons never share one state directory. The kernel releases it if the process dies.
package final class StateDirectoryLock: Sendable {
    package static let fileName = "bindery.lock"
    private let descriptor: Int32

    package init(directory: URL) throws(ServiceError) {
        let path = directory.appendingPathComponent(Self.fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ServiceError(.stateLocked, "cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            close(fd)
            throw ServiceError(.stateLocked, "another bindery daemon (pid \(holder)) is using the state directory \(directory.path)")
        }
        ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = fd
    }

    deinit { close(descriptor) }
}
