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

    /// Short numbered sections (aphorisms, poems), each after a gap of its own, set on pages of a fixed number of lines
    /// with a folio between blank lines at each foot: the text between gaps is unsteady, the pages' period is not.
    /// A section's blank lines beside a page's gap make that gap's far side the shorter one now and then, so the folio
    /// stands atop the next page: it still numbers the page it closes. Every folio is taken out, and a section broken
    /// by a page reads as one paragraph. So with a running head and its folio atop each page instead, after blank lines
    /// (`THE TITLE        13`, `12        THE AUTHOR`), the first page's at the very top of the text.
    @Test(arguments: [(30, false), (41, false), (30, true), (41, true)])
    func fixedLengthPagesAmongShortSections(pageLength: Int, headed: Bool) throws {
        var stream: [String] = [], sections: [String] = [], seed = 7
        for section in 1...80 {
            // Section lengths in no period of their own (a linear congruential sequence).
            seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
            let words = (1...(2 + seed / 65_536 % 6)).map { "\($0 == 1 ? "Line" : "line") \($0) of section \(section) runs on with many more words in it" }
            sections.append(words.joined(separator: " ") + ".")
            stream += ["", "", "", "\(section)", "", ""] + words.dropLast() + [words.last! + "."]
        }
        var text: [String] = [], page = 0
        for start in stride(from: 0, to: stream.count, by: pageLength) {
            page += 1
            let lines = stream[start..<min(start + pageLength, stream.count)]
            if headed {
                let head = page.isMultiple(of: 2) ? "\(page)                                    THE AUTHOR" : "THE TITLE                                    \(page)"
                text += (page > 1 ? ["", "", ""] : []) + [head, ""] + lines
            } else {
                text += lines + ["", "", "                      - \(page) -", "", ""]
            }
        }
        let result = PageFinder().find(sourceLines(text.joined(separator: "\n")))
        #expect(result.breaks.count == page - 1)
        #expect((headed ? result.removedHeads : result.removedNumbers) == page)
        #expect(Set(result.breaks.values.compactMap(\.number)) == Set((2...page).map(String.init)))
        let paragraphs = try read(text.joined(separator: "\n")).blocks.compactMap { block in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil }
        }
        #expect(paragraphs == sections)
    }

    /// A paragraph ending at a page's foot adds its blank line to the page's gap, so that the folio's far side is the
    /// shorter run and the folio is read atop the next page, over that page's own folio: it numbers the page it closes.
    @Test func aFolioPushedAtopTheNextPageStillNumbersItsPage() throws {
        let page = (1...14).map { "line \($0) of a page that runs on and on with many words in it" }.joined(separator: "\n")
        let pages = (1...6).map { number in page + (number == 3 ? " to its end.\n" : "\nand on") + "\n\n\n          - \(number) -\n\n\n" }
        let text = pages.joined() + "the last words."
        let result = PageFinder().find(sourceLines(text))
        #expect(result.removedNumbers == 6)
        #expect(result.breaks.values.compactMap(\.number).sorted() == ["2", "3", "4", "5", "6"])
        let paragraphs = try read(text).blocks.compactMap { if case .paragraph(let inlines, _) = $0 { inlines.plainText } else { nil } }
        #expect(!paragraphs.contains { $0.contains("- 3 -") || $0.contains("- 4 -") })
    }

    /// Sections under underlined titles (three blank lines above, the underline and two below), their paragraphs opened
    /// by an indent, set on pages of a fixed number of lines with a folio between blank lines at each foot. The folios part
    /// the pages, so a title's blank lines part none; a title at a page's foot or top (a long one, as full as a line) is
    /// still a title, and the paragraph after it opens on the next page.
    @Test(arguments: [29, 31, 33])
    func underlinedTitlesOnPagesNumberedAtTheFoot(pageLength: Int) throws {
        var prose = ProseGenerator(seed: UInt64(pageLength))
        var stream: [String] = [], titles: [String] = []
        for section in 1...24 {
            let title = section.isMultiple(of: 2) ? "The Effects of Habit and of the Use and Disuse of Parts, Part \(section)" : "Causes of Variability \(section)"
            titles.append(title)
            stream += ["", "", "", title, String(repeating: "-", count: title.count), "", ""]
            for _ in 0..<(1 + section % 3) {
                stream += LineWrapper(width: 70, hyphenation: .none).wrap(prose.sentences(3 + section % 4).joined(separator: " "), firstIndent: 4)
            }
        }
        var text: [String] = [], atEdges = 0, page = 0, start = 0
        while start < stream.count {
            page += 1
            // A title stays with its underline.
            var end = min(start + pageLength, stream.count)
            if end < stream.count, titles.contains(stream[end - 1]) { end -= 1 }
            let lines = Array(stream[start..<end])
            let printed = lines.filter { !$0.isEmpty && !$0.allSatisfy { $0 == "-" } }
            atEdges += [printed.first, printed.last].count { $0.map(titles.contains) == true }
            text += lines + ["", "", "                      - \(page) -", "", ""]
            start = end
        }
        #expect(atEdges >= 2, "the pages put titles at their edges")
        let document = try read(text.joined(separator: "\n"))
        let headings = document.blocks.compactMap { block -> String? in if case .heading(let heading) = block { heading.inlines.plainText } else { nil } }
        #expect(headings == titles, "\(headings)")
        #expect(document.pageBreaks.count == page - 1)
        let paragraphs = document.blocks.compactMap { block -> String? in if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil } }
        #expect(paragraphs.count == (1...24).reduce(0) { $0 + 1 + $1 % 3 }, "\(paragraphs.map { $0.prefix(50) })")
    }

    /// Pages numbered at the foot between blank lines, a title's blank lines on two of them, and one page whose folio is
    /// missing: the titles' gaps part no pages, the page without its folio still ends where it ends.
    @Test func aPageWithoutItsFolioStillEnds() {
        var lines: [String] = []
        for page in 1...8 {
            for line in 1...20 {
                lines.append("line \(line) of page \(page) runs on and on with many words in it")
                if line == 10, page == 2 || page == 6 { lines += ["", "", "", "A Title of Page \(page)", "", ""] }
            }
            lines += page == 4 ? ["", "", "", "", ""] : ["", "", "                      - \(page) -", "", ""]
        }
        let sources = sourceLines(lines.joined(separator: "\n"))
        let result = PageFinder().find(sources)
        #expect(result.breaks.count == 7)
        #expect(result.breaks.keys.contains { sources[$0].text.hasPrefix("line 1 of page 5") }, "\(result.breaks.keys.sorted())")
        #expect(!result.breaks.keys.contains { sources[$0].text.hasPrefix("A Title") || sources[$0].text.hasPrefix("line 11") })
    }

    @Test func irregularBlankRunsAreNotPages() {
        let text = ["one", "", "", "", "two", "three", "", "", "", "four"].joined(separator: "\n")
        #expect(PageFinder().find(sourceLines(text)).breaks.isEmpty)
    }
}
