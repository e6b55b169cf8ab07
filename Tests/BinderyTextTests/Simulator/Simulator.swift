import BinderyModel
import BinderyText
import Foundation

/// Typesets the known book in some conventions, reads it back and compares.
enum Simulator {
    static func render(_ conventions: Conventions, book: SimBook = .sample) -> String {
        Paginator(style: conventions.pages, book: book).text(Typesetter(conventions).lines(book))
    }

    /// Nil when the reader recovers the book from its rendering; otherwise the first difference.
    static func difference(_ conventions: Conventions, book: SimBook = .sample) -> String? {
        let text = render(conventions, book: book)
        let document: Document
        do {
            document = try TextReader().read(Array(text.utf8))
        } catch {
            return "the reader threw: \(error)"
        }
        let furniture = conventions.pages == .runningHeads ? [book.title.uppercased(), book.author.uppercased()] : []
        let difference = SimComparison.firstDifference(expected: book.expectedItems(conventions), actual: SimItem.recovered(document, book: book),
                                                       furniture: furniture) ?? metadataDifference(document.metadata, book: book)
        record(conventions, text: text, difference: difference)
        return difference
    }

    /// The title page's title and author, as the reader's metadata.
    private static func metadataDifference(_ metadata: Metadata, book: SimBook) -> String? {
        if metadata.title != book.title { return "metadata: title «\(book.title)» read as «\(metadata.title ?? "nothing")»" }
        let creators = metadata.creators.map(\.name)
        return creators.contains(book.author) ? nil : "metadata: author «\(book.author)» read as \(creators)"
    }

    /// With `BINDERY_SIMULATOR_OUT=<folder>`, each rendering and its outcome go to files there, to read by eye.
    private static func record(_ conventions: Conventions, text: String, difference: String?) {
        guard let folder = ProcessInfo.processInfo.environment["BINDERY_SIMULATOR_OUT"] else { return }
        let name = conventions.description.replacingOccurrences(of: " ", with: "_")
        let url = URL(fileURLWithPath: folder)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try? text.write(to: url.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
        try? (difference.map { "FAIL\t\(conventions)\t\($0)\n" } ?? "PASS\t\(conventions)\n")
            .write(to: url.appendingPathComponent(name + ".result"), atomically: true, encoding: .utf8)
    }
}
