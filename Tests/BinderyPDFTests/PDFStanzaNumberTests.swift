import BinderyConversion
import BinderyModel
import Foundation
import Testing

/// A poem's sections numbered by centred lines between its stanzas: each number stays with the poem, also after a
/// scene break's ornament (`***`, then `3`), and is never a paragraph of its own.
@Suite("PDF input: a poem's section numbers")
struct PDFStanzaNumberTests {
    static let stanza = ["Along the shore the keeper went", "To count the boats at dawn", "And every sail the morning sent", "Came home before the horn"]

    static func book(body: Double, ornament: String) -> [UInt8] {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        let face = TypeFace(size: body), numberFace = TypeFace(size: body).italicised()
        let step = body * 1.3
        var baseline = 70.0
        canvas.text("The Keeper", x: 170, baseline: baseline, in: TypeFace(size: body * 1.5, bold: true))
        baseline += step * 2.5
        canvas.text("These lines were found in the keeper's log, written in a hand that grew less steady", x: 50, baseline: baseline, in: face)
        baseline += step
        canvas.text("with the years.", x: 50, baseline: baseline, in: face)
        baseline += step * 1.5
        func stanza(_ number: Int) {
            for line in Self.stanza {
                canvas.text(number == 1 ? line : "\(line) \(number)", x: 90, baseline: baseline, in: face)
                baseline += step
            }
            baseline += step * 0.6
        }
        func centred(_ text: String, in face: TypeFace) {
            canvas.text(text, x: 209.8 - canvas.advance(text, in: face) / 2, baseline: baseline, in: face)
            baseline += step * 1.5
        }
        stanza(1)
        centred("2", in: numberFace)
        stanza(2)
        centred(ornament, in: face)
        centred("3", in: numberFace)
        stanza(3)
        canvas.endPage()
        return canvas.finish(showingOpenPage: false)
    }

    @Test("a section's number between stanzas stays in the poem", arguments: ["***", "* * *"])
    func numbersStayInThePoem(ornament: String) throws {
        let bytes = Self.book(body: 10.5, ornament: ornament)
        let document = try Converter().read(Converter.Source(bytes: bytes, fileName: "keeper.pdf", modified: Date(timeIntervalSince1970: 0)))
        let lone = document.paragraphs.map { $0.plainText.collapsingSpaces }.filter { $0.allSatisfy(\.isNumber) }
        #expect(lone.isEmpty, "section numbers read as paragraphs: \(lone)")
        let verse = document.allBlocks.flatMap { block -> [String] in
            if case .verse(let lines, _) = block { lines.map { $0.plainText.collapsingSpaces } } else { [] }
        }
        for number in 2...3 {
            #expect(verse.contains("\(number)"), "section \(number) is not in the poem: \(verse)")
            #expect(verse.contains("\(Self.stanza[0]) \(number)"), "stanza \(number) lost its lines: \(verse)")
        }
        #expect(document.allBlocks.contains { if case .sceneBreak = $0 { true } else { false } }, "the ornament is no scene break")
    }
}
