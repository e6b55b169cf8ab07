import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on the state directory itself, held for the daemon's life through a descriptor
/// of the directory, so two daemons never share one state directory. Deleting `bindery.lock` (which
/// only records the holder's pid, for the message) does not release it; the kernel does when the process dies.
package final class StateDirectoryLock: Sendable {
    package static let fileName = "bindery.lock"
    private let directoryDescriptor: Int32
    private let fileDescriptor: Int32

    package init(directory: URL) throws(ServiceError) {
        let directoryPath = directory.path
        let path = directory.appendingPathComponent(Self.fileName).path
        let directoryFD = open(directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryFD >= 0 else { throw ServiceError(.stateLocked, "cannot open \(directoryPath): \(String(cString: strerror(errno)))") }
        guard flock(directoryFD, LOCK_EX | LOCK_NB) == 0 else {
            close(directoryFD)
            let holder = Self.holder(at: path) ?? "unknown: its \(Self.fileName) was removed"
            throw ServiceError(.stateLocked, "another bindery daemon (pid \(holder)) is using the state directory \(directoryPath)")
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            close(directoryFD)
            throw ServiceError(.stateLocked, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        // The file's own lock keeps older daemons, which lock only the file, out as well.
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(at: path) ?? "?"
            close(fd)
            close(directoryFD)
            throw ServiceError(.stateLocked, "another bindery daemon (pid \(holder)) is using the state directory \(directoryPath)")
        }
        ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        directoryDescriptor = directoryFD
        fileDescriptor = fd
    }

    /// The pid recorded in the lock file, if it is there.
    private static func holder(at path: String) -> String? {
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return text?.isEmpty == false ? text : nil
    }

    deinit {
        close(fileDescriptor)
        close(directoryDescriptor)
    }
}
