import Foundation
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

    /// `Content-Disposition` for a file named `name`: ASCII in `filename` (others as `_`), the name itself in
    /// `filename*` (RFC 6266, percent-encoded UTF-8), so no corpus name can break the header.
    func disposition(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { (0x20..<0x7F).contains($0.value) && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let encoded = name.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "\(isAttachment ? "attachment" : "inline"); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// The URL path of a document's download.
    func path(of id: String) -> String { "/books/\(id)/\(rawValue)" }
}
