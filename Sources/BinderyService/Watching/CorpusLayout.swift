import Foundation

/// Which files of the corpus are sources, which are sidecars, which are ignored, and which
/// directories are never entered (the output and state directories, hidden ones).
package struct CorpusLayout: Sendable, Hashable {
    package static let sourceExtension = ".txt"
    package static let sidecarSuffix = ".meta.yaml"

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

    /// The source a changed file stands for: itself for `*.txt`, `NAME.txt` for `NAME.meta.yaml`.
    package static func source(for relativePath: String) -> String? {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        guard !isIgnored(name) else { return nil }
        if relativePath.hasSuffix(sidecarSuffix), name.count > sidecarSuffix.count {
            return String(relativePath.dropLast(sidecarSuffix.count)) + sourceExtension
        }
        return relativePath.hasSuffix(sourceExtension) && name.count > sourceExtension.count ? relativePath : nil
    }

    /// The sidecar path of a source path.
    package static func sidecar(for source: String) -> String {
        String(source.dropLast(sourceExtension.count)) + sidecarSuffix
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

    /// Every source below `relativeDirectory` (the whole corpus by default), with size and mtime.
    package func scan(_ relativeDirectory: String = "") -> [String: FileStamp] {
        var found: [String: FileStamp] = [:]
        var pending = [url(of: relativeDirectory)]
        while let directory = pending.popLast() {
            guard isWatchable(directory: directory),
                  let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names where !Self.isIgnored(name) {
                let child = directory.appendingPathComponent(name)
                guard let stamp = FileStamp(path: child.path) else { continue }
                if stamp.isDirectory {
                    pending.append(child)
                } else if name.hasSuffix(Self.sourceExtension) || name.hasSuffix(Self.sidecarSuffix) {
                    found[relativePath(of: child)] = stamp
                }
            }
        }
        return found
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
