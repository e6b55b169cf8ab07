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
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }
}
