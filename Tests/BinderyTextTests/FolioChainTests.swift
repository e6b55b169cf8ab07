@testable import BinderyText
import BinderyModel
import Testing

@Suite("Folio chains")
struct FolioChainTests {
    /// Folios `- n -` at each page's foot between blank lines, and a chapter opening after three blank lines inside
    /// every `chapterEvery`-th page (a gap that is no page break): every folio is still found and taken out, and a
    /// sentence running over a page's end runs on.
    @Test(arguments: [5, 8])
    func foliosAreFoundAcrossGapsThatAreNoPageBreaks(chapterEvery: Int) throws {
        var text: [String] = []
        for page in 1...12 {
            for line in 1...16 {
                if line == 8, page.isMultiple(of: chapterEvery) { text += ["", "", "", "Chapter Heading \(page)", ""] }
                text.append(line == 16 && page < 12 ? "and the sentence on page \(page) goes" : "line \(line) of a page that runs on and on with many words in it")
            }
            if page < 12 { text += ["", "", "- \(page + 4) -", "", ""] }
        }
        let joined = text.joined(separator: "\n") + "\nto its end."
        let result = PageFinder().find(sourceLines(joined))
        #expect(result.removedNumbers == 11)
        let document = try read(joined)
        let paragraphs = document.blocks.compactMap { if case .paragraph(let inlines, _) = $0 { inlines.plainText } else { nil } }
        #expect(!paragraphs.contains { $0.contains("- ") || $0.first?.isNumber == true })
        #expect(!paragraphs.contains { $0.hasPrefix("line 1 of") }, "a page's first line starts no paragraph")
    }

    /// Sections a page or two long, each opening at a page's top with its number after a gap of its own: the numbers
    /// rise slower than the pages, as no page's folios do, and stay the sections' titles.
    @Test func sectionNumbersRisingSlowerThanThePagesAreNoFolios() {
        var candidates: [FolioChains.Candidate] = [], page = 0
        for section in 1...30 {
            candidates.append(.init(page: page, value: section, line: page * 100, atFoot: false))
            page += 1 + section % 3
        }
        #expect(FolioChains.folioLines(candidates, minimumLength: 3).isEmpty)
    }

    /// Numbers that rise one page at a time at the top of pages, beside folios at their foot that rise with the
    /// pages too: the folios' chain passes over fewer uncounted pages and wins; the other numbers stay.
    @Test func theChainThatCountsThePagesWins() {
        var candidates: [FolioChains.Candidate] = []
        // Folios 7…26 (after front matter) on pages 0…23 (four extra gaps, every other page early on); headings 1…4 on
        // those extra pages.
        var page = 0, heading = 1
        for folio in 7...26 {
            candidates.append(.init(page: page, value: folio, line: page * 100 + 99, atFoot: true))
            page += 1
            if folio <= 10 {
                candidates.append(.init(page: page, value: heading, line: page * 100, atFoot: false))
                heading += 1
                page += 1
            }
        }
        let lines = FolioChains.folioLines(candidates, minimumLength: 3)
        #expect(lines == Set(candidates.filter { $0.line % 100 == 99 }.map(\.line)))
    }

    /// A page with a heading `25` at its top and its folio `25` at its foot, between folios at the foot: the foot's.
    @Test func aChainKeepsToItsEdge() {
        let candidates = [(0, 24, 10, true), (1, 25, 11, false), (1, 25, 19, true), (2, 26, 29, true), (3, 27, 39, true)]
            .map { FolioChains.Candidate(page: $0.0, value: $0.1, line: $0.2, atFoot: $0.3) }
        #expect(FolioChains.folioLines(candidates, minimumLength: 3) == [10, 19, 29, 39])
    }

    @Test func aFallingNumberIsLeftOut() {
        let candidates = [(0, 5), (1, 6), (2, 3), (3, 8), (4, 9)].map { FolioChains.Candidate(page: $0.0, value: $0.1, line: $0.0, atFoot: true) }
        #expect(FolioChains.folioLines(candidates, minimumLength: 3) == [0, 1, 3, 4])
    }
}
