import BinderyConversion
import BinderyModel
import Foundation
import Testing

/// Footnotes at a page's foot: smaller lines set apart under the text, each opening with the label of a raised
/// marker on the page (`PDFFootnotes`). The note moves to its marker; its text leaves the body.
@Suite("PDF input: footnotes at the foot of the page")
struct PDFFootnoteTests {
    static let words = "the river ran slow under the old stone bridge while evening light fell on the quiet town and its long roads".split(separator: " ").map(String.init)

    /// `pages` pages of prose in `body` type, one raised marker per page after its third line's last word and the
    /// note at the page's foot (its label raised, or printed `N.` when `raisedLabels` is false).
    static func book(pages: Int, body: Double, raisedLabels: Bool) -> (pdf: [UInt8], notes: [String]) {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        let face = TypeFace(size: body), small = TypeFace(size: body * 0.8)
        let left = 56.0, right = 363.0, step = body * 1.3
        var word = 0, notes: [String] = []
        for page in 1...pages {
            canvas.text("A Book of Examples", x: 160, baseline: 36, in: small.italicised())
            var baseline = 80.0
            if page == 1 {
                canvas.text("Chapter One", x: 170, baseline: baseline, in: TypeFace(size: body * 1.5, bold: true))
                baseline += step * 2.5
            }
            for line in 0..<14 {
                var x = left + (line % 7 == 0 ? body * 1.5 : 0)
                var text = ""
                while true {
                    let next = Self.words[word % Self.words.count]
                    let candidate = text.isEmpty ? next : text + " " + next
                    if x + canvas.advance(candidate, in: face) > right && !text.isEmpty { break }
                    text = candidate
                    word += 1
                }
                if line % 7 == 6 { text += "." }
                x = canvas.text(text, x: x, baseline: baseline, in: face)
                if line == 2 {
                    canvas.text("\(page)", x: x + 0.5, baseline: baseline - body * 0.35, in: small.sized(body * 0.6))
                }
                baseline += step
            }
            let note = "A note on page \(page) about the bridge and its stones, set smaller at the foot."
            notes.append(note)
            let noteBaseline = baseline + step * 1.5
            if raisedLabels {
                let end = canvas.text("\(page)", x: left, baseline: noteBaseline - body * 0.3, in: small.sized(body * 0.55))
                canvas.text(note, x: end + 2, baseline: noteBaseline, in: small)
            } else {
                canvas.text("\(page). " + note, x: left, baseline: noteBaseline, in: small)
            }
            canvas.text("\(page)", x: 205, baseline: 560, in: small)
            canvas.endPage()
        }
        return (canvas.finish(showingOpenPage: false), notes)
    }

    @Test("each footnote is linked from its marker and leaves the body", arguments: [(10.0, true), (11.0, false), (12.0, true)])
    func footnotesMoveToTheirMarkers(body: Double, raisedLabels: Bool) throws {
        let (pdf, notes) = Self.book(pages: 4, body: body, raisedLabels: raisedLabels)
        if let directory = ProcessInfo.processInfo.environment["BINDERY_PDF_TESTS_OUT"] {
            try? Data(pdf).write(to: URL(fileURLWithPath: directory).appendingPathComponent("footnotes-\(Int(body))-\(raisedLabels).pdf"))
        }
        let document = try Converter().read(Converter.Source(bytes: pdf, fileName: "footnotes.pdf", modified: Date(timeIntervalSince1970: 0)))
        let linked = document.paragraphs.flatMap(\.notes).map { $0.blocks.map(\.plainText).joined(separator: " ").collapsingSpaces }
        #expect(linked == notes, "notes linked: \(linked)")
        for text in document.bodyTexts {
            #expect(!notes.contains { text.contains($0) }, "a footnote stayed in the body: '\(text.prefix(80))'")
        }
    }
}
