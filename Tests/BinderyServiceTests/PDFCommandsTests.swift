import BinderyTestSupport
import Foundation
import Testing

/// #22: `bindery convert`, `inspect` and `proof` take a PDF path, and say so in their help.
@Suite("CLI: PDF sources")
struct PDFCommandsTests {
    private func bindery(_ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let binary = BuiltBinary.url else {
            Issue.record("the bindery binary was not built (swift build first)")
            return nil
        }
        return try Validators.run(binary, arguments)
    }

    @Test("convert, inspect and proof read a PDF; a PDF with no text layer is a failure that says to OCR it")
    func pdfPaths() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("book.pdf"), scan = directory.appendingPathComponent("scan.pdf")
        try PDFFixtures.bookBytes().write(to: book)
        try PDFFixtures.emptyPage().write(to: scan)
        let out = directory.appendingPathComponent("out")
        guard let converted = try bindery(["convert", book.path, scan.path, "--out", out.path, "--quiet"]) else { return }
        #expect(converted.status == 1, "\(converted.output)")
        #expect(converted.output.contains("\(scan.path): ") && converted.output.contains("no text layer"), "\(converted.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["book.bag.zip", "book.epub", "book.tei.xml"])

        guard let inspected = try bindery(["inspect", book.path, "--json"]) else { return }
        #expect(inspected.status == 0, "\(inspected.output)")
        #expect(inspected.output.contains("pdf.layout"), "\(inspected.output.prefix(2000))")

        let proof = directory.appendingPathComponent("book.proof.html")
        guard let proofed = try bindery(["proof", book.path, "--out", proof.path]) else { return }
        #expect(proofed.status == 0, "\(proofed.output)")
        #expect(try String(contentsOf: proof, encoding: .utf8).contains("<html"))
    }

    @Test("the help of each command that reads a source names PDF", arguments: ["convert", "inspect", "proof"])
    func help(command: String) throws {
        guard let result = try bindery(["help", command]) else { return }
        #expect(result.status == 0)
        #expect(result.output.contains("PDF"), "\(result.output)")
        #expect(!result.output.contains("text file"), "\(result.output)")
    }
}
