import BinderyModel
import Foundation

/// What the catalog shows of a published book, taken from its converted `Document` when it is published
/// and kept with its record (`documents.metadata`, JSON), so that serving the catalog reads no output.
package struct BookMetadata: Codable, Sendable, Equatable {
    package var title: String
    package var authors: [String]
    /// BCP 47.
    package var language: String
    /// The book's identifier as its EPUB carries it (the sidecar's, else a UUID URN from the source's SHA-256).
    package var identifier: String
    /// The sidecar's `date` (publication), shown in the catalog as `dc:issued`.
    package var date: String?
    package var publisher: String?
    package var subjects: [String]
    /// The subtitle, else the opening of the first substantial paragraph.
    package var summary: String?

    /// Longest summary kept, in characters.
    static let summaryLimit = 400

    package init(_ document: Document, fallbackTitle: String, identifier: String) {
        let metadata = document.metadata
        title = metadata.displayTitle(fallback: fallbackTitle)
        authors = metadata.creators.map(\.name)
        language = metadata.language
        self.identifier = identifier
        date = metadata.date
        publisher = metadata.publisher
        subjects = metadata.subjects
        summary = metadata.subtitle.flatMap(Self.collapsed) ?? Self.opening(of: document.blocks)
    }

    /// The JSON kept in the store.
    var json: String? {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) }
    }

    init?(json: String?) {
        guard let data = json?.data(using: .utf8), let decoded = try? JSONDecoder().decode(Self.self, from: data) else { return nil }
        self = decoded
    }

    private static func collapsed(_ text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The first paragraph of twenty words or more (a title page or a table of contents has shorter lines), cut at a word.
    private static func opening(of blocks: [Block]) -> String? {
        for case .paragraph(let inlines, _) in blocks {
            guard let text = collapsed(inlines.plainText), text.split(separator: " ").count >= 20 else { continue }
            guard text.count > summaryLimit else { return text }
            let cut = text.prefix(summaryLimit)
            return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
        }
        return nil
    }
}
