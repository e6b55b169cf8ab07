import BinderyConversion
import BinderyWriters
import Foundation

/// One document as the HTTP endpoint shows it: its record, its outputs by format and its newest job.
struct LibraryEntry: Sendable {
    let document: DocumentRecord
    let outputs: [OutputFormat: OutputRecord]
    let lastJob: JobRecord?

    /// The document's id in URLs: the first 16 hex digits of its corpus path's SHA-256 (stable across restarts
    /// and store rebuilds; the path itself never appears in a URL).
    var id: String { Self.id(of: document.path) }

    static func id(of path: String) -> String { String(ContentDigest(Array(path.utf8)).hex.prefix(16)) }

    /// The book's metadata, or what a record from before metadata was kept can give: its file name as the title.
    var book: BookMetadata? { document.book }

    var title: String { book?.title ?? SourceNaming.stem(of: (document.path as NSString).lastPathComponent) }

    /// Every document of the store, failed ones first, then by path.
    static func all(in store: any StateRecords) throws(ServiceError) -> [LibraryEntry] {
        try store.library().map { document, outputs, lastJob in
            LibraryEntry(
                document: document,
                outputs: Dictionary(outputs.compactMap { record in OutputFormat(rawValue: record.format).map { ($0, record) } }, uniquingKeysWith: { $1 }),
                lastJob: lastJob)
        }
        .sorted { ($0.document.state == .failed ? 0 : 1, $0.document.path) < ($1.document.state == .failed ? 0 : 1, $1.document.path) }
    }
}
