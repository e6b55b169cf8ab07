#if canImport(Glibc)
import Glibc
#endif

/// What `lstat` says about a file: enough to tell that it changed.
package struct FileStamp: Sendable, Hashable {
    package var size: Int
    package var modifiedNanoseconds: Int
    package var inode: UInt
    package var isDirectory: Bool
    package var isRegularFile: Bool

    /// Nil when the file does not exist (or cannot be stat'ed).
    package init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modifiedNanoseconds = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        inode = UInt(info.st_ino)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    }
}
