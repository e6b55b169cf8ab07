import BinderyConversion
import Foundation
import Testing

/// PDFs that cannot give a book are refused with a `ConversionError` that says why — never a crash.
@Suite("PDF input: what cannot be read is refused, clearly")
struct PDFRejectionTests {
    private func source(_ bytes: [UInt8], name: String = "refused.pdf") -> Converter.Source {
        Converter.Source(bytes: bytes, fileName: name, modified: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// The converter's error for `bytes`, or nil (with an issue recorded) when it converted them.
    private func refusal(_ bytes: [UInt8], name: String = "refused.pdf") -> ConversionError? {
        do {
            let result = try Converter().convert(source(bytes, name: name))
            Issue.record("converted, with \(result.document.blocks.count) block(s), instead of being refused")
            return nil
        } catch {
            return error
        }
    }

    @Test("a page with only a picture has no text layer: the error says so and says to OCR it", arguments: PrintConventions.PageSize.allCases)
    func scannedPage(_ pageSize: PrintConventions.PageSize) throws {
        let canvas = PDFCanvas(width: pageSize.points.width, height: pageSize.points.height)
        canvas.rectangle(x: 40, y: 40, width: canvas.width - 80, height: canvas.height - 80)
        let error = try #require(refusal(canvas.finish(), name: "scan.pdf"))
        #expect(error.file == "scan.pdf")
        #expect(error.message.contains("no text layer"), "\(error.message)")
        #expect(error.message.contains("OCR"), "\(error.message)")
        #expect(!error.isStopped)
    }

    @Test("pages holding only a raster picture inside their margins (a scan) are refused, not read as a book of figures")
    func scannedPictures() throws {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        for _ in 0..<2 {
            canvas.picture(x: 40, y: 60, size: 340, pixels: 200)
            canvas.endPage()
        }
        let refused = refusal(canvas.finish(showingOpenPage: false), name: "scan.pdf")
        let error = try #require(refused)
        #expect(error.message.contains("no text layer"), "\(error.message)")
    }

    /// `Fixtures/encrypted.pdf`: a generated book encrypted by qpdf (AES-256) with a password to open it.
    @Test("an encrypted PDF is refused: the error says to decrypt it")
    func encrypted() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/encrypted.pdf")
        let error = try #require(refusal([UInt8](try Data(contentsOf: path)), name: "locked.pdf"))
        #expect(error.message.contains("encrypted"), "\(error.message)")
        #expect(error.message.contains("decrypt"), "\(error.message)")
        #expect(!error.isStopped)
    }

    @Test("a PDF of empty pages is refused as having no text layer", arguments: [1, 3])
    func emptyPages(_ count: Int) throws {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        for _ in 1..<count { canvas.endPage() }
        let bytes = canvas.finish()
        let error = try #require(refusal(bytes))
        #expect(error.message.contains("no text layer"), "\(error.message)")
    }

    /// A generated book's PDF cut short: at its header, in its first page's objects, … just before its trailer.
    @Test("truncated PDF bytes are refused with a clear error", arguments: [0.0, 0.02, 0.25, 0.5, 0.9, 0.995])
    func truncated(_ fraction: Double) throws {
        let book = GeneratedBook(PrintConventions.matrix[0])
        let whole = book.printed.pdf
        let kept = max(Array("%PDF-1.5".utf8).count, Int(Double(whole.count) * fraction))
        let error = try #require(refusal(Array(whole.prefix(kept)), name: "cut.pdf"))
        #expect(error.file == "cut.pdf")
        #expect(error.message.contains("not a readable PDF"), "\(error.message)")
    }

    @Test("bytes that only start like a PDF are refused, not read as text")
    func headerOnly() throws {
        let error = try #require(refusal(Array("%PDF-1.7\n%garbage\n".utf8)))
        #expect(error.message.contains("PDF"), "\(error.message)")
    }
}
