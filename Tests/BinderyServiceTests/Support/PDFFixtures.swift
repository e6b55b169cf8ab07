import BinderyTestSupport
import Foundation

/// PDF sources for the tests: a real book with a text layer, a page with none, and a truncated file.
enum PDFFixtures {
    /// `../shared/books/b10.pdf`: a 47-page book with a text layer.
    static let book = PackagePaths.shared.appendingPathComponent("books/b10.pdf")

    static func bookBytes() throws -> Data { try Data(contentsOf: book) }

    /// The first 2 KB of the book: a PDF header with no cross-reference table, no trailer and no pages.
    static func truncated() throws -> Data { try bookBytes().prefix(2048) }

    /// A valid PDF 1.4 of one empty page (catalog, pages, page, empty content stream, exact xref): what a
    /// scan without OCR is to a reader of text.
    static func emptyPage() -> Data {
        Data(HandMadePDF.pdf([HandMadePDF.Page(mediaBox: "0 0 612 792", content: "")]))
    }
}
