import BinderyConversion
import BinderyTestSupport
import Foundation
import Testing

/// A generated PDF with bytes overwritten at seeded places: the converter gives a document or a
/// `ConversionError`, never a crash; a document it gives still has text.
@Suite("PDF input: damaged bytes")
struct PDFDamageTests {
    @Test("overwritten bytes give a document or an error, never a crash", arguments: 1...24)
    func damaged(_ seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        var bytes = GeneratedBook(PrintConventions.matrix[seed % PrintConventions.matrix.count]).printed.pdf
        for _ in 0..<(1 + seed % 8) {
            let at = Int(random.next() % UInt64(bytes.count))
            let length = min(bytes.count - at, 1 + Int(random.next() % 64))
            for index in at..<(at + length) { bytes[index] = UInt8(truncatingIfNeeded: random.next()) }
        }
        do {
            let result = try Converter().convert(Converter.Source(bytes: bytes, fileName: "damaged.pdf", modified: Date(timeIntervalSince1970: 1_700_000_000)))
            #expect(result.document.blocks.contains { !$0.plainText.isEmpty })
        } catch {
            #expect(error.file == "damaged.pdf" && !error.message.isEmpty, "\(error)")
        }
    }
}
