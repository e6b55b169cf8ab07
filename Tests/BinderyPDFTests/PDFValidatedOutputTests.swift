import BinderyConversion
import BinderyTestSupport
import Foundation
import Testing

/// A generated PDF converted end to end: its EPUB passes EPUBCheck 5 and its TEI passes jing with tei_all.
/// Skips when a validator is missing, except under `CI=true`, where that fails (as the corpus tests do).
@Suite("PDF input: the outputs of a generated PDF pass the real validators", .serialized)
struct PDFValidatedOutputTests {
    @Test("EPUBCheck and jing accept the EPUB and TEI of a generated book", arguments: [PrintConventions.matrix[0], PrintConventions.matrix.last!])
    func validators(_ conventions: PrintConventions) throws {
        guard Validators.missing.isEmpty else {
            #expect(!PackagePaths.isCI, "validators missing under CI: \(Validators.missing)")
            return
        }
        let book = GeneratedBook(conventions)
        let result = try Converter().convert(book.source, formats: [.epub, .tei])
        let directory = try PackagePaths.temporaryDirectory("bindery-pdf-validated")
        defer { try? FileManager.default.removeItem(at: directory) }
        let epub = directory.appendingPathComponent("generated.epub"), tei = directory.appendingPathComponent("generated.tei.xml")
        try Data(try #require(result.outputs.first { $0.format == .epub }).bytes).write(to: epub)
        try Data(try #require(result.outputs.first { $0.format == .tei }).bytes).write(to: tei)
        let epubcheck = try Validators.epubcheck(epub)
        #expect(epubcheck.passed, "\(epubcheck.output.suffix(3000))")
        let jing = try Validators.jing([tei])
        #expect(jing.passed, "\(jing.output.suffix(3000))")
        // The page list the EPUB and TEI carry is the printed one.
        let teiText = try String(contentsOf: tei, encoding: .utf8)
        for folio in book.printed.folios.compactMap({ $0 }) {
            #expect(teiText.contains("<pb n=\"\(folio)\""), "no <pb n=\"\(folio)\"/> in the TEI")
        }
    }
}
