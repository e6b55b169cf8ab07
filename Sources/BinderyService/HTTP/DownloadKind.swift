import BinderyWriters

/// What `/books/ID/KIND` may download: each kind is one output format, served with its media type.
enum DownloadKind: String, CaseIterable, Sendable {
    case epub, tei, bag, proof

    var format: OutputFormat {
        switch self {
        case .epub: .epub
        case .tei: .tei
        case .bag: .text
        case .proof: .proof
        }
    }

    var mediaType: String {
        switch self {
        case .epub: "application/epub+zip"
        case .tei: "application/tei+xml"
        case .bag: "application/zip"
        case .proof: "text/html; charset=utf-8"
        }
    }

    /// The proof is a page to read in the browser; the others are files to keep.
    var isAttachment: Bool { self != .proof }

    /// The URL path of a document's download.
    func path(of id: String) -> String { "/books/\(id)/\(rawValue)" }
}
