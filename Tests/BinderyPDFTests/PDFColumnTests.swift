import BinderyConversion
import BinderyModel
import Foundation
import Testing

/// Pages set in two columns, with a title across both: each column reads as a text block of its own, and a
/// paragraph that runs from the foot of the left column to the head of the right one (or over the page's end)
/// comes out whole.
@Suite("PDF input: pages in two columns")
struct PDFColumnTests {
    static let words = "evening light fell slowly on the quiet harbour where boats rested and the old keeper watched over the water".split(separator: " ").map(String.init)

    /// Paragraphs of 9 to 14 sentences of 6 to 11 words, walking through the words.
    static func paragraphs(_ count: Int) -> [[String]] {
        var word = 0
        return (0..<count).map { paragraph in
            (0..<(9 + (paragraph * 5) % 6)).flatMap { sentence -> [String] in
                let length = 6 + (paragraph * 7 + sentence * 3) % 6
                return (0..<length).map { index in
                    defer { word += 1 }
                    let text = Self.words[word % Self.words.count]
                    let capitalised = index == 0 ? text.prefix(1).uppercased() + text.dropFirst() : text
                    return index == length - 1 ? capitalised + "." : capitalised
                }
            }
        }
    }

    /// Letter pages, two columns of `body` type, paragraphs set in by 1.5 em, a title across both columns on the
    /// first page; the paragraphs printed whole, in order (the last one cut at the last page's foot is left out).
    static func book(body: Double, pages: Int) -> (pdf: [UInt8], paragraphs: [String]) {
        let canvas = PDFCanvas(width: 612, height: 792)
        let face = TypeFace(size: body), step = body * 1.25
        let columns = [(left: 54.0, right: 294.0), (left: 318.0, right: 558.0)]
        var queue = Self.paragraphs(80)[...]
        var printed: [String] = []
        var words: [String] = [], opening = true
        pageLoop: for page in 1...pages {
            canvas.text("Two Columns Quarterly", x: 250, baseline: 40, in: face.sized(body * 0.8).italicised())
            var top = 80.0
            if page == 1 {
                canvas.text("On Harbours and Their Keepers", x: 190, baseline: top, in: TypeFace(size: body * 1.6, bold: true))
                top += step * 3
            }
            for column in columns {
                var baseline = top
                while baseline < 730 {
                    if words.isEmpty {
                        guard let next = queue.popFirst() else { break pageLoop }
                        words = next
                        opening = true
                        printed.append(next.joined(separator: " "))
                    }
                    let x = column.left + (opening ? body * 1.5 : 0)
                    var text = ""
                    while let next = words.first {
                        let candidate = text.isEmpty ? next : text + " " + next
                        if x + canvas.advance(candidate, in: face) > column.right, !text.isEmpty { break }
                        text = candidate
                        words.removeFirst()
                    }
                    canvas.text(text, x: x, baseline: baseline, in: face)
                    opening = false
                    baseline += step
                }
            }
            canvas.text("\(page)", x: 303, baseline: 760, in: face.sized(body * 0.8))
            canvas.endPage()
        }
        if !words.isEmpty { printed.removeLast() }
        return (canvas.finish(showingOpenPage: false), printed)
    }

    @Test("each paragraph comes out whole and in order, over a column's foot and a page's end too", arguments: [9.0, 10.0, 11.0])
    func paragraphsAcrossColumns(body: Double) throws {
        let (pdf, printed) = Self.book(body: body, pages: 3)
        if let directory = ProcessInfo.processInfo.environment["BINDERY_PDF_TESTS_OUT"] {
            try? Data(pdf).write(to: URL(fileURLWithPath: directory).appendingPathComponent("columns-\(Int(body)).pdf"))
        }
        let document = try Converter().read(Converter.Source(bytes: pdf, fileName: "columns.pdf", modified: Date(timeIntervalSince1970: 0)))
        let read = document.paragraphs.map { $0.plainText.collapsingSpaces }
        for text in printed {
            #expect(read.contains(text.collapsingSpaces), "not whole: '\(text.prefix(60))…'; \(document.whereReadingDiffers(text))")
        }
        let order = printed.compactMap { read.firstIndex(of: $0.collapsingSpaces) }
        #expect(order == order.sorted(), "paragraphs out of order")
        #expect(printed.count >= 6, "the book printed too few paragraphs to test columns")
    }
}
