import BinderyConversion
import BinderyModel
import Foundation
import Testing

/// Section titles set at the margin in the body's size, in bold (no larger type, not centred): headings under
/// the chapter's larger title, not paragraphs — and a bold table header set away from the margin is no heading.
@Suite("PDF input: bold titles at the margin")
struct PDFMarginHeadingTests {
    static let words = "the keeper walked along the shore at dawn and counted the boats that had come in".split(separator: " ").map(String.init)

    static func book(body: Double) -> [UInt8] {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        let face = TypeFace(size: body), bold = TypeFace(size: body, bold: true)
        let left = 50.0, right = 370.0, step = body * 1.3
        var baseline = 70.0, word = 0
        func paragraph(_ lines: Int) {
            for line in 0..<lines {
                var text = ""
                while true {
                    let next = Self.words[word % Self.words.count]
                    let candidate = text.isEmpty ? next.prefix(1).uppercased() + next.dropFirst() : text + " " + next
                    if left + 15 + canvas.advance(candidate, in: face) > right { break }
                    text = candidate
                    word += 1
                }
                canvas.text(text + (line == lines - 1 ? "." : ""), x: left + (line == 0 ? body * 1.5 : 0), baseline: baseline, in: face)
                baseline += step
            }
            baseline += step * 0.3
        }
        canvas.text("The Harbour Book", x: 140, baseline: 200, in: TypeFace(size: body * 2, bold: true))
        canvas.endPage()
        for chapter in ["The Keeper", "The Boats"] {
            baseline = 70
            canvas.text(chapter, x: 170, baseline: baseline, in: TypeFace(size: body * 1.5, bold: true))
            baseline += step * 2.5
            paragraph(4)
            for section in ["At Dawn", "At Dusk"] {
                baseline += step
                canvas.text("\(section) by the \(chapter.split(separator: " ").last!)", x: left, baseline: baseline, in: bold)
                baseline += step * 1.5
                paragraph(5)
                canvas.text("Count", x: 300, baseline: baseline, in: bold)
                baseline += step
                canvas.text("twelve boats and a skiff", x: 300, baseline: baseline, in: face)
                baseline += step * 1.5
            }
            canvas.endPage()
        }
        return canvas.finish(showingOpenPage: false)
    }

    @Test("a bold title at the margin is a section under its chapter", arguments: [10.0, 11.0, 12.0])
    func boldMarginTitles(body: Double) throws {
        let document = try Converter().read(Converter.Source(bytes: Self.book(body: body), fileName: "harbour.pdf", modified: Date(timeIntervalSince1970: 0)))
        let found = document.bodyHeadings.map { "\($0.level) \($0.inlines.plainText.collapsingSpaces)" }
        #expect(found == ["1 The Keeper", "2 At Dawn by the Keeper", "2 At Dusk by the Keeper",
                          "1 The Boats", "2 At Dawn by the Boats", "2 At Dusk by the Boats"], "\(found)")
    }
}
