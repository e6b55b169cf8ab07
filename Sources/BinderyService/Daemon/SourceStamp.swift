import Foundation

/// The `lstat` stamps of a source and its sidecar, recorded with the document its job published.
///
/// A later job that finds the same stamps, the same version and settings and intact outputs is up to
/// date without reading and hashing the source, so a restart over an unchanged corpus costs two
/// `lstat`s and a lookup per document. `st_ctime` is part of the stamp: a rewrite of the same size
/// whose time `touch` set back is still seen.
package enum SourceStamp {
    /// Files changed less than this before their job looked are not stamped: a second write within the
    /// file system's timestamp granularity (a kernel tick; 1 s on ext3, 2 s on FAT) would leave every
    /// field of the stamp as it was.
    package static let defaultTrustMargin: Double = 2

    /// The stamp text of `source` and `sidecar` (nil: none), both taken at `checkedAt` before they were
    /// read; nil when either had changed within `margin` seconds before that.
    /// `resources` are the stamps of the files the sidecar names (nil: missing), by the paths it gives.
    static func trusted(source: FileStamp, sidecar: FileStamp?, resources: [String: FileStamp?] = [:], checkedAt: Date, margin: Double) -> String? {
        let limit = Int((checkedAt.timeIntervalSince1970 - margin) * 1e9)
        for stamp in [source, sidecar].compactMap({ $0 }) + resources.values.compactMap({ $0 }) where stamp.isRegularFile {
            guard max(stamp.modifiedNanoseconds, stamp.changedNanoseconds) <= limit else { return nil }
        }
        return text(source: source, sidecar: sidecar, resources: resources)
    }

    /// The stamp text as it is now, to compare with a recorded one; without named files, as it always was.
    static func text(source: FileStamp, sidecar: FileStamp?, resources: [String: FileStamp?] = [:]) -> String {
        let sidecarText = sidecar.flatMap { $0.isRegularFile ? describe($0) : nil } ?? "-"
        let named = resources.sorted { $0.key < $1.key }.map { "|" + $0.key + "=" + ($0.value.flatMap { $0.isRegularFile ? describe($0) : nil } ?? "-") }
        return describe(source) + "|" + sidecarText + named.joined()
    }

    private static func describe(_ stamp: FileStamp) -> String {
        "\(stamp.size).\(stamp.modifiedNanoseconds).\(stamp.changedNanoseconds).\(stamp.inode).\(stamp.device)"
    }
}
