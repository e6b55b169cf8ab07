#if canImport(Glibc)
import Glibc
#endif

/// A directory of the corpus opened at read time from the corpus root, one component at a time with
/// `openat(…, O_PATH | O_NOFOLLOW)`: a directory swapped for a symbolic link (to anywhere) after the event
/// or request that named it is refused, so nothing outside the corpus is ever read through it.
package final class CorpusDirectory {
    /// `O_PATH` (hidden by Glibc without `_GNU_SOURCE`): a descriptor to look up names from, which
    /// needs no read permission on the directory, only search.
    private static let openPath: Int32 = 0o10000000

    /// An `O_PATH` descriptor of the directory; files in it are opened with `openat`.
    let descriptor: Int32

    /// Opens the directory holding `relativePath` (a file path relative to `root`). Throws `ENOENT` or
    /// `ENOTDIR` (`isMissing`) when a component is gone or not a directory, `ELOOP` when it is a link.
    package init(root: String, holding relativePath: String) throws(SourceReader.Failure) {
        var current = open(root, Self.openPath | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else { throw SourceReader.Failure(code: errno, message: "cannot open the corpus \(root): \(SourceReader.errnoText())") }
        var walked: [Substring] = []
        for component in relativePath.split(separator: "/").dropLast() {
            walked.append(component)
            let next = openat(current, String(component), Self.openPath | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(current)
            guard next >= 0 else {
                throw SourceReader.Failure(code: code, message: "cannot open \(relativePath): \(walked.joined(separator: "/")): \(String(cString: strerror(code)))")
            }
            var info = stat()
            let type = fstat(next, &info) == 0 ? info.st_mode & S_IFMT : 0
            guard type == S_IFDIR else {
                close(next)
                if type == S_IFLNK {
                    throw SourceReader.Failure(code: ELOOP, message: "cannot open \(relativePath): the directory \(walked.joined(separator: "/")) is a symbolic link; links in the corpus are not followed")
                }
                throw SourceReader.Failure(code: ENOTDIR, message: "cannot open \(relativePath): \(walked.joined(separator: "/")) is not a directory")
            }
            current = next
        }
        descriptor = current
    }

    deinit { close(descriptor) }

    /// The `lstat` of `name` in this directory; nil when it does not exist.
    package func stamp(_ name: String) -> FileStamp? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStamp(info)
    }
}
