@testable import BinderyText
import BinderyModel
import Testing

@Suite("Pages")
struct PageFinderTests {
    /// Pages of `length` text lines separated by three blank lines, each with a head and a number.
    static func book(pages: Int, length: Int, head: (Int) -> String?, number: Bool) -> String {
        (1...pages).map { page in
            var lines: [String] = []
            if let head = head(page) { lines.append(head) }
            lines += (1...length).map { "line \($0) of page \(page) runs on and on with words" }
            if number { lines.append("\(page)") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n\n\n")
    }

    @Test(arguments: [
        (pages: 6, length: 20, number: true, alternating: false, breaks: 5, removed: 12),
        (pages: 6, length: 20, number: false, alternating: true, breaks: 5, removed: 6),
        (pages: 2, length: 20, number: false, alternating: false, breaks: 0, removed: 0),
    ])
    func findsPagesHeadsAndNumbers(pages: Int, length: Int, number: Bool, alternating: Bool, breaks: Int, removed: Int) {
        let text = Self.book(pages: pages, length: length, head: { page in
            alternating ? (page.isMultiple(of: 2) ? "THE TITLE" : "The Author") : "A RUNNING HEAD"
        }, number: number)
        let result = PageFinder().find(sourceLines(text))
        #expect(result.breaks.count == breaks)
        if breaks > 0 { #expect(result.removed.count == removed) }
    }

    /// Pages without form feeds whose folio stands between blank lines (`text`, blank, `12`, blank, blank): the folio
    /// and the blank lines around it are one page gap; the folio is taken out and the sentence runs on over it.
    @Test(arguments: [(1, 2), (2, 1), (1, 1)])
    func aFolioBetweenBlankLinesIsPartOfThePageGap(above: Int, below: Int) throws {
        let page = (1...14).map { "line \($0) of a page that runs on and on with many words in it" }.joined(separator: "\n")
        let gaps = (1...4).map { String(repeating: "\n", count: above + 1) + "\($0 + 10)" + String(repeating: "\n", count: below + 1) }
        let text = gaps.map { page + "\nand the sentence goes on" + $0 }.joined() + page + "\nto its end."
        let result = PageFinder().find(sourceLines(text))
        #expect(result.breaks.count == 4)
        #expect(result.removedNumbers == 4)
        let paragraphs = try read(text).blocks.compactMap { if case .paragraph(let inlines, _) = $0 { inlines.plainText } else { nil } }
        #expect(paragraphs.count == 1, "\(paragraphs.map { $0.prefix(40) })")
    }

    @Test func formFeedsArePagesAndNumbersAreKept() throws {
        let page = (1...12).map { "line \($0) of a page that runs on and on with many words in it" }.joined(separator: "\n")
        let text = (1...4).map { page + "\n\($0 + 10)" }.joined(separator: "\n\u{0C}")
        let result = PageFinder().find(sourceLines(text))
        #expect(result.breaks.count == 3)
        #expect(result.removedNumbers == 4)
        let document = try read(text)
        #expect(document.pageBreaks.compactMap(\.removedPageNumber) == ["11", "12", "13"] || document.pageBreaks.count == 3)
        #expect(!document.blocks.contains { if case .paragraph(let inlines, _) = $0 { inlines.plainText == "11" } else { false } })
    }

    @Test func irregularBlankRunsAreNotPages() {
        let text = ["one", "", "", "", "two", "three", "", "", "", "four"].joined(separator: "\n")
        #expect(PageFinder().find(sourceLines(text)).breaks.isEmpty)
    }
}
