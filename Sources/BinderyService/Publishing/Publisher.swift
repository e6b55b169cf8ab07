import BinderyConversion
import BinderyWriters
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes outputs into the tree mirroring the corpus (`a/b.txt` → `a/b.epub`, `a/b.tei.xml`,
/// `a/b.bag.zip`), each one atomically, and removes them when asked to prune.
package struct Publisher: Sendable {
    package let root: URL

    package init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The output path, relative to the output root, of `source` (relative to the corpus) in `format` (`SourceNaming`).
    package static func outputPath(of source: String, format: OutputFormat) -> String {
        SourceNaming.output(of: source, format: format)
    }

    /// Publishes every output as one set: each changed output is first written to a synced temp file,
    /// and only when all are written are they renamed into place, so a failure (a full disk, a
    /// read-only directory) leaves the previous set whole. A file already holding exactly the new
    /// bytes is left alone (no rewrite, no fsync, its mtime unchanged).
    package func publish(_ outputs: [(format: OutputFormat, bytes: [UInt8])], of source: String, jobKey: String) throws(PublishError) -> [OutputRecord] {
        var records: [OutputRecord] = []
        var staged: [(temporary: URL, target: URL)] = []
        do {
            for output in outputs {
                let path = Self.outputPath(of: source, format: output.format)
                let url = root.appendingPathComponent(path)
                let sha = ContentDigest(output.bytes).hex
                if FileStamp(path: url.path)?.size != output.bytes.count || FileManager.default.contents(atPath: url.path).map({ ContentDigest(Array($0)).hex }) != sha {
                    staged.append((try AtomicFileWriter.stage(output.bytes, for: url), url))
                }
                records.append(OutputRecord(
                    path: path, documentPath: source, format: output.format.rawValue, size: output.bytes.count,
                    sha256: sha, jobKey: jobKey, publishedAt: Date().timeIntervalSince1970))
            }
            for file in staged { try AtomicFileWriter.commit(file.temporary, to: file.target) }
        } catch {
            // Temp files not yet renamed (all of them unless a rename failed) go; renamed ones are whole.
            for file in staged { unlink(file.temporary.path) }
            throw error
        }
        for directory in Set(staged.map { $0.target.deletingLastPathComponent() }) { AtomicFileWriter.syncDirectory(directory) }
        return records
    }

    /// True when every recorded output is on disk with its recorded size.
    package func isIntact(_ records: [OutputRecord]) -> Bool {
        records.allSatisfy { FileStamp(path: root.appendingPathComponent($0.path).path)?.size == $0.size }
    }

    package func remove(_ records: [OutputRecord]) {
        for record in records { try? FileManager.default.removeItem(at: root.appendingPathComponent(record.path)) }
    }

    /// Removes the temp files an interrupted `AtomicFileWriter` left behind (`.NAME.tmp-N`); returns how many.
    @discardableResult
    package func sweepTemporaryFiles() -> Int {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return 0 }
        var removed = 0
        while let path = walker.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix("."), name.contains(".tmp-"), (try? FileManager.default.removeItem(atPath: root.appendingPathComponent(path).path)) != nil {
                removed += 1
            }
        }
        return removed
    }
}
