#if canImport(Glibc)
import Glibc
#endif

/// What `lstat` says about a file: enough to tell that it changed.
package struct FileStamp: Sendable, Hashable {
    package var size: Int
    package var modifiedNanoseconds: Int
    /// `st_ctime`: changes with every write, rename or chmod, and cannot be set back by `touch`.
    package var changedNanoseconds: Int
    package var inode: UInt
    package var device: UInt
    /// `st_nlink`: above 1 for a file that arrived as a hard link.
    package var linkCount: Int
    package var isDirectory: Bool
    package var isRegularFile: Bool
    package var isSymbolicLink: Bool
    /// `S_IFMT` bits, for naming what a non-regular file is.
    private var type: UInt32

    /// Nil when the file does not exist (or cannot be stat'ed).
    package init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modifiedNanoseconds = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changedNanoseconds = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt(info.st_ino)
        device = UInt(info.st_dev)
        linkCount = Int(info.st_nlink)
        type = UInt32(info.st_mode & S_IFMT)
        isDirectory = type == UInt32(S_IFDIR)
        isRegularFile = type == UInt32(S_IFREG)
        isSymbolicLink = type == UInt32(S_IFLNK)
    }

    /// "a symbolic link", "a named pipe (FIFO)", …: for messages about files that are not read.
    package var kindDescription: String {
        switch type {
        case UInt32(S_IFREG): "a regular file"
        case UInt32(S_IFDIR): "a directory"
        case UInt32(S_IFLNK): "a symbolic link"
        case UInt32(S_IFIFO): "a named pipe (FIFO)"
        case UInt32(S_IFSOCK): "a socket"
        default: "a device file"
        }
    }
}
