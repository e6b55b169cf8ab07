import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches every directory of the corpus with inotify (directories created later too), read through
/// a Dispatch read source on the inotify descriptor. Its state is used on the watcher's serial queue
/// (and by `start` and `stop`), under a `Mutex`.
package final class InotifyWatcher: CorpusWatcher, Sendable {
    private struct State {
        var descriptor: Int32 = -1
        var source: DispatchSourceRead?
        var directories: [Int32: String] = [:]
        /// Directories that could not be listed when last looked at: a chmod that changes that is reported.
        var unreadable: Set<String> = []
        var handler: (@Sendable (WatchEvent) -> Void)?
    }

    private let layout: CorpusLayout
    private let queue = DispatchQueue(label: "bindery.inotify")
    private let state = Mutex(State())

    /// `IN_ATTRIB`: a permission fixed with chmod (or a touch) is noticed without a rewrite.
    private static let directoryMask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
        | UInt32(IN_ATTRIB) | UInt32(IN_CREATE) | UInt32(IN_DELETE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
    private static let fileMask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE) | UInt32(IN_ATTRIB)

    package init(layout: CorpusLayout) {
        self.layout = layout
    }

    package func start(_ handler: @escaping @Sendable (WatchEvent) -> Void) throws(ServiceError) {
        let queue = self.queue
        let result: ServiceError? = state.withLock { state in
            state.handler = handler
            let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
            guard fd >= 0 else { return ServiceError(.watcher, "inotify_init1: \(String(cString: strerror(errno)))") }
            state.descriptor = fd
            if let failure = addWatches(under: "", &state) { return failure }
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [weak self] in self?.readEvents() }
            source.setCancelHandler { close(fd) }
            source.resume()
            state.source = source
            return nil
        }
        if let result { throw result }
    }

    package func stop() {
        state.withLock { state in
            state.source?.cancel()
            state.source = nil
            state.handler = nil
            state.directories.removeAll()
        }
        // Events being read end before `stop` returns.
        queue.sync {}
    }

    /// Adds a watch on `relativeDirectory` and every watchable directory below it.
    private func addWatches(under relativeDirectory: String, _ state: inout State) -> ServiceError? {
        for directory in layout.directories(under: relativeDirectory) {
            let wd = inotify_add_watch(state.descriptor, layout.url(of: directory).path, Self.directoryMask)
            state.unreadable.remove(directory)
            if wd < 0 {
                if errno == ENOENT || errno == ENOTDIR { continue }
                // Mode 000: no watch; the daemon's listing records it, and a chmod is seen by the parent's watch.
                if errno == EACCES {
                    state.unreadable.insert(directory)
                    continue
                }
                return ServiceError(.watcher, "cannot watch \(layout.url(of: directory).path): \(String(cString: strerror(errno)))"
                    + (errno == ENOSPC ? " (raise fs.inotify.max_user_watches or use --poll)" : ""))
            }
            state.directories[wd] = directory
        }
        return nil
    }

    private func forgetWatches(under relativeDirectory: String, _ state: inout State) {
        for (wd, directory) in state.directories where directory == relativeDirectory || directory.hasPrefix(relativeDirectory + "/") {
            inotify_rm_watch(state.descriptor, wd)
            state.directories[wd] = nil
        }
    }

    private static func isListable(_ path: String) -> Bool {
        guard let directory = opendir(path) else { return false }
        closedir(directory)
        return true
    }

    private func readEvents() {
        state.withLock { readEvents(&$0) }
    }

    private func readEvents(_ state: inout State) {
        let descriptor = state.descriptor
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
                    handle(wd: wd, mask: mask, name: name, &state)
                } else if let directory = state.directories[wd], let handler = state.handler, nameBytes.first != 0x2E {
                    handler(.undecodableName(inDirectory: directory))
                }
                offset += 16 + length
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String, _ state: inout State) {
        guard let handler = state.handler else { return }
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            handler(.rescan)
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            state.directories[wd] = nil
            return
        }
        guard let directory = state.directories[wd], !name.isEmpty else { return }
        let path = directory.isEmpty ? name : directory + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            guard !name.hasPrefix("."), layout.isWatchable(directory: layout.url(of: path)) else { return }
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                _ = addWatches(under: path, &state)
                handler(.directoryAppeared(path))
            } else if mask & (UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)) != 0 {
                forgetWatches(under: path, &state)
                state.unreadable = state.unreadable.filter { $0 != path && !$0.hasPrefix(path + "/") }
                handler(.rescan)
            } else if mask & UInt32(IN_ATTRIB) != 0, Self.isListable(layout.url(of: path).path) == state.unreadable.contains(path) {
                // A chmod made the directory readable or unreadable: list it again (records or clears its failure).
                if state.unreadable.contains(path) {
                    _ = addWatches(under: path, &state)
                } else {
                    state.unreadable.insert(path)
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
