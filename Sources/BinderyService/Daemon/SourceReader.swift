import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a source file whole, refusing more than `limit` bytes, and says whether a failure is worth retrying.
package enum SourceReader {
    /// Why a read failed; `isTransient` failures (EIO, EAGAIN, EINTR, EBUSY, ENFILE, EMFILE, ESTALE) are retried.
    package struct Failure: Error, Sendable {
        package var code: Int32
        package var message: String
        package var isTransient: Bool { [EIO, EAGAIN, EINTR, EBUSY, ENFILE, EMFILE, ESTALE].contains(code) }
        package var isMissing: Bool { code == ENOENT || code == ENOTDIR }
    }

    /// Reads `name` in `directory` (opened without following links, see `CorpusDirectory`); `path` names it in messages.
    package static func read(_ name: String, in directory: CorpusDirectory, path: String, limit: Int) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: a FIFO swapped in after the caller's lstat must not block a worker in open or read.
        let fd = openat(directory.descriptor, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(code: errno, message: "cannot open \(path): \(errnoText())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(code: EINVAL, message: "\(path) is not a regular file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno, message: "cannot read \(path): \(errnoText())")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw Failure(code: EFBIG, message: "\(path) is larger than the limit of \(limit) bytes") }
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
