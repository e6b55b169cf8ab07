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
        self.init(info)
    }

    /// From a `stat` already taken (`fstatat` in a `CorpusDirectory`).
    package init(_ info: stat) {
        size = Int(info.st_size)
        modifiedNanoseconds = Self.nanoseconds(info.st_mtim)
        changedNanoseconds = Self.nanoseconds(info.st_ctim)
        inode = UInt(info.st_ino)
        device = UInt(info.st_dev)
        linkCount = Int(info.st_nlink)
        type = UInt32(info.st_mode & S_IFMT)
        isDirectory = type == UInt32(S_IFDIR)
        isRegularFile = type == UInt32(S_IFREG)
        isSymbolicLink = type == UInt32(S_IFLNK)
    }

    /// Nanoseconds since 1970, clamped to what `Int` holds (about the years 1678–2262): `touch -d 2300-01-01`
    /// must not trap the daemon.
    private static func nanoseconds(_ time: timespec) -> Int {
        let (seconds, overflow) = Int(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return time.tv_sec < 0 ? Int.min : Int.max }
        let (total, overflowAgain) = seconds.addingReportingOverflow(Int(time.tv_nsec))
        return overflowAgain ? Int.max : total
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
