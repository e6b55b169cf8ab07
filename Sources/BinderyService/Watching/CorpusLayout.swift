import BinderyConversion
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which files of the corpus are sources, which are sidecars, which are ignored, and which
/// directories are never entered (the output and state directories, hidden ones).
package struct CorpusLayout: Sendable, Hashable {
    package let root: URL
    private let excluded: [String]

    package init(root: URL, excluding directories: [URL]) {
        self.root = root.standardizedFileURL
        excluded = directories.map { $0.standardizedFileURL.path }
    }

    /// True for names never looked at: hidden files, editor back-ups, swap and temp files.
    package static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913"
            || [".swp", ".swx", ".swo", ".tmp", ".part", ".kate-swp", ".crdownload"].contains { name.hasSuffix($0) }
    }

    /// True for a source's path: a name ending in one of `SourceNaming.sourceExtensions`, not ignored.
    package static func isSource(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return !isIgnored(name) && SourceNaming.isSourceName(name)
    }

    /// The sources a changed file stands for: for a source, itself and then the other sources of its stem
    /// (`b.pdf` → `b.pdf`, `b.txt`), whose name clash it may make or end; for `NAME.meta.yaml`, every
    /// source of `NAME` (`NAME.txt`, `NAME.pdf`), whichever exists; nothing for any other file.
    package static func sources(for relativePath: String) -> [String] {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        guard !isIgnored(name) else { return [] }
        let sidecarSuffix = SourceNaming.sidecarSuffix
        if relativePath.hasSuffix(sidecarSuffix), name.count > sidecarSuffix.count {
            return SourceNaming.sources(ofStem: String(relativePath.dropLast(sidecarSuffix.count)))
        }
        guard SourceNaming.isSourceName(name) else { return [] }
        return [relativePath] + SourceNaming.sources(ofStem: SourceNaming.stem(of: relativePath)).filter { $0 != relativePath }
    }

    /// The first of `sources(for:)`: itself for a source, `NAME.txt` for `NAME.meta.yaml`.
    package static func source(for relativePath: String) -> String? {
        sources(for: relativePath).first
    }

    /// False for hidden directories and for the output/state directories and anything below them.
    package func isWatchable(directory url: URL) -> Bool {
        let path = url.standardizedFileURL.path
        if path != root.path, url.lastPathComponent.hasPrefix(".") { return false }
        return !excluded.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    package func url(of relativePath: String) -> URL {
        relativePath.isEmpty ? root : root.appendingPathComponent(relativePath)
    }

    package func relativePath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        return path == root.path ? "" : String(path.dropFirst(root.path.count + 1))
    }

    /// What a walk of the corpus found.
    package struct Listing: Sendable {
        /// Sources and sidecars, with size and mtime.
        package var files: [String: FileStamp] = [:]
        /// Sources (and directories, ending in `/`) whose names are not valid UTF-8, with `\xNN`
        /// escapes: they cannot be read by name, so they are reported instead of converted.
        package var undecodable: Set<String> = []
        /// Directories that exist but cannot be listed (mode 000, no search permission), ending in `/`
        /// (`./` for the corpus itself), with the reason: what they hold cannot be converted.
        package var unreadable: [String: String] = [:]
    }

    /// Every source below `relativeDirectory` (the whole corpus by default), with size and mtime.
    package func scan(_ relativeDirectory: String = "") -> [String: FileStamp] {
        listing(relativeDirectory).files
    }

    /// Sources, sidecars and undecodable names below `relativeDirectory` (only in it unless `recursive`).
    package func listing(_ relativeDirectory: String = "", recursive: Bool = true) -> Listing {
        var listing = Listing()
        var pending = [url(of: relativeDirectory)]
        while let directory = pending.popLast() {
            guard isWatchable(directory: directory) else { continue }
            let entries: [DirectoryEntries.Entry]
            do {
                entries = try DirectoryEntries.list(directory.path)
            } catch {
                if error.code != ENOENT, error.code != ENOTDIR {
                    let relative = relativePath(of: directory)
                    listing.unreadable[relative.isEmpty ? "./" : relative + "/"] = error.reason
                }
                continue
            }
            for entry in entries {
                guard let name = entry.name else {
                    if let path = undecodablePath(entry, in: directory) { listing.undecodable.insert(path) }
                    continue
                }
                guard !Self.isIgnored(name) else { continue }
                let child = directory.appendingPathComponent(name)
                guard let stamp = FileStamp(path: child.path) else { continue }
                if stamp.isDirectory {
                    if recursive { pending.append(child) }
                } else if SourceNaming.isSourceName(name) || name.hasSuffix(SourceNaming.sidecarSuffix) {
                    listing.files[relativePath(of: child)] = stamp
                }
            }
        }
        return listing
    }

    /// The reported path of an entry whose name is not UTF-8, when it is a source or a directory.
    private func undecodablePath(_ entry: DirectoryEntries.Entry, in directory: URL) -> String? {
        guard entry.bytes.first != 0x2E else { return nil }
        var info = stat()
        let raw = Array(directory.path.utf8) + [0x2F] + entry.bytes + [0]
        guard raw.withUnsafeBufferPointer({ $0.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) } }) == 0 else { return nil }
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        let isSource = SourceNaming.sourceExtensions.contains { entry.bytes.suffix($0.utf8.count).elementsEqual($0.utf8) }
        guard isDirectory || isSource else { return nil }
        let parent = relativePath(of: directory)
        return (parent.isEmpty ? "" : parent + "/") + entry.displayName + (isDirectory ? "/" : "")
    }

    /// Every watchable directory below (and including) `relativeDirectory`.
    package func directories(under relativeDirectory: String = "") -> [String] {
        var found: [String] = []
        var pending = [url(of: relativeDirectory)]
        while let directory = pending.popLast() {
            guard isWatchable(directory: directory), FileStamp(path: directory.path)?.isDirectory == true else { continue }
            found.append(relativePath(of: directory))
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where !name.hasPrefix(".") {
                let child = directory.appendingPathComponent(name)
                if FileStamp(path: child.path)?.isDirectory == true { pending.append(child) }
            }
        }
        return found
    }
}
