import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches every directory of the corpus with inotify (directories created later too), read through
/// a Dispatch read source on the inotify descriptor. All state lives on the watcher's serial queue.
package final class InotifyWatcher: CorpusWatcher, @unchecked Sendable {
    private let layout: CorpusLayout
    private let queue = DispatchQueue(label: "bindery.inotify")
    // Confined to `queue`.
    private var descriptor: Int32 = -1
    private var source: DispatchSourceRead?
    private var directories: [Int32: String] = [:]
    /// Directories that could not be listed when last looked at: a chmod that changes that is reported.
    private var unreadable: Set<String> = []
    private var handler: (@Sendable (WatchEvent) -> Void)?

    /// `IN_ATTRIB`: a permission fixed with chmod (or a touch) is noticed without a rewrite.
    private static let directoryMask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
        | UInt32(IN_ATTRIB) | UInt32(IN_CREATE) | UInt32(IN_DELETE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
    private static let fileMask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE) | UInt32(IN_ATTRIB)

    package init(layout: CorpusLayout) {
        self.layout = layout
    }

    package func start(_ handler: @escaping @Sendable (WatchEvent) -> Void) throws(ServiceError) {
        let result: ServiceError? = queue.sync {
            self.handler = handler
            let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
            guard fd >= 0 else { return ServiceError(.watcher, "inotify_init1: \(String(cString: strerror(errno)))") }
            descriptor = fd
            if let failure = addWatches(under: "") { return failure }
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [weak self] in self?.readEvents() }
            source.setCancelHandler { close(fd) }
            source.resume()
            self.source = source
            return nil
        }
        if let result { throw result }
    }

    package func stop() {
        queue.sync {
            source?.cancel()
            source = nil
            handler = nil
            directories.removeAll()
        }
    }

    /// Adds a watch on `relativeDirectory` and every watchable directory below it.
    private func addWatches(under relativeDirectory: String) -> ServiceError? {
        for directory in layout.directories(under: relativeDirectory) {
            let wd = inotify_add_watch(descriptor, layout.url(of: directory).path, Self.directoryMask)
            unreadable.remove(directory)
            if wd < 0 {
                if errno == ENOENT || errno == ENOTDIR { continue }
                // Mode 000: no watch; the daemon's listing records it, and a chmod is seen by the parent's watch.
                if errno == EACCES {
                    unreadable.insert(directory)
                    continue
                }
                return ServiceError(.watcher, "cannot watch \(layout.url(of: directory).path): \(String(cString: strerror(errno)))"
                    + (errno == ENOSPC ? " (raise fs.inotify.max_user_watches or use --poll)" : ""))
            }
            directories[wd] = directory
        }
        return nil
    }

    private func forgetWatches(under relativeDirectory: String) {
        for (wd, directory) in directories where directory == relativeDirectory || directory.hasPrefix(relativeDirectory + "/") {
            inotify_rm_watch(descriptor, wd)
            directories[wd] = nil
        }
    }

    private static func isListable(_ path: String) -> Bool {
        guard let directory = opendir(path) else { return false }
        closedir(directory)
        return true
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = Array(buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 })
                if let name = String(validating: nameBytes, as: UTF8.self) {
                    handle(wd: wd, mask: mask, name: name)
                } else if let directory = directories[wd], let handler, nameBytes.first != 0x2E {
                    handler(.undecodableName(inDirectory: directory))
                }
                offset += 16 + length
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        guard let handler else { return }
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            handler(.rescan)
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            directories[wd] = nil
            return
        }
        guard let directory = directories[wd], !name.isEmpty else { return }
        let path = directory.isEmpty ? name : directory + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            guard !name.hasPrefix("."), layout.isWatchable(directory: layout.url(of: path)) else { return }
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                _ = addWatches(under: path)
                handler(.directoryAppeared(path))
            } else if mask & (UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)) != 0 {
                forgetWatches(under: path)
                unreadable = unreadable.filter { $0 != path && !$0.hasPrefix(path + "/") }
                handler(.rescan)
            } else if mask & UInt32(IN_ATTRIB) != 0, Self.isListable(layout.url(of: path).path) == unreadable.contains(path) {
                // A chmod made the directory readable or unreadable: list it again (records or clears its failure).
                if unreadable.contains(path) {
                    _ = addWatches(under: path)
                } else {
                    unreadable.insert(path)
                }
                handler(.directoryAppeared(path))
            }
            return
        }
        let sources = CorpusLayout.sources(for: path)
        guard !sources.isEmpty else { return }
        // A symbolic link, a FIFO or a hard link (`ln`, which writes nothing) gives IN_CREATE and nothing
        // more; a new regular file of one link is awaited until its IN_CLOSE_WRITE, so that a file still
        // being written is never read.
        let created = mask & UInt32(IN_CREATE) != 0
            && FileStamp(path: layout.url(of: path).path).map { !$0.isDirectory && (!$0.isRegularFile || $0.linkCount > 1) } == true
        guard mask & Self.fileMask != 0 || created else { return }
        for source in sources { handler(.touched(source)) }
    }
}
