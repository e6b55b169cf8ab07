@testable import BinderyText
import BinderyModel
import BinderyTestSupport
import Foundation
import Testing

/// Blank lines around a page's furniture (a folio between blank lines) belong to the page, not to the text: a line
/// right after such a gap is no more set apart than it would be without the page break.
@Suite("Page gaps")
struct PageGapTests {
    /// Lines cut into pages of `pageLength`: with `- n -` between two blank lines above and below at each foot, or
    /// (`formFeeds`) with a form feed and a running head carrying the folio at each top, as pdftotext prints them.
    static func paginate(_ lines: [String], pageLength: Int, formFeeds: Bool = false) -> String {
        stride(from: 0, to: lines.count, by: pageLength).map { start in
            let page = Array(lines[start..<min(lines.count, start + pageLength)]), folio = start / pageLength + 1
            guard formFeeds else { return page + ["", "", "                                 - \(folio) -", "", ""] }
            let head = folio.isMultiple(of: 2) ? "\(folio)                                 THE AUTHOR" : "THE TITLE                                 \(folio)"
            return [(start > 0 ? "\u{0C}" : "") + head, ""] + page
        }.joined().joined(separator: "\n")
    }

    static let paragraph = ["The words of this paragraph run on for a while, as the words of a", "book do, and then they go on again for another line or two, for",
                            "there is more to say, as there always is in a book of this kind,", "and then at last they come to a stop."]

    /// A one-line paragraph (a question) opening a page, in blank-line-separated text: a paragraph, never a title.
    @Test(arguments: [false, true])
    func aShortParagraphAfterAPageGapIsNoTitle(paged: Bool) throws {
        var lines: [String] = ["", "", "", "Chapter One", "", ""]
        for turn in 0..<60 {
            lines += Self.paragraph + [""]
            if turn % 2 == 0 { lines += ["“Do you believe what he says about the \(turn) men?” she asked.", ""] }
        }
        // Each page (of 25 lines) opens on a question or on a paragraph, as the cut falls.
        let text = paged ? Self.paginate(lines, pageLength: 25) : lines.joined(separator: "\n")
        let document = try read(text)
        #expect(headings(document).map(\.text) == ["Chapter One"])
        #expect(document.pageBreaks.count == (paged ? lines.count / 25 : 0))
    }

    /// A real play (the development set's Project Gutenberg Hamlet) cut into pages of 40 lines: labels at a page's
    /// foot keep their speeches, and lines after a page's gap are no more set apart than without it. Headings the
    /// paged read adds (folios between blank lines / form feeds): 11 / 12 before, 2 / 2 now (two lines of the dramatis
    /// personae, which a page's cut leaves standing alone).
    @Test(arguments: [false, true])
    func aPlayCutIntoPagesGainsNoSpeechesAsHeadings(formFeeds: Bool) throws {
        let url = PackagePaths.shared.appendingPathComponent("books/b05-pg.txt")
        guard FileManager.default.fileExists(atPath: url.path) || PackagePaths.isCI else { return }
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let plain = Set(headings(try read(lines.joined(separator: "\n"))).map(\.text))
        let paged = try read(Self.paginate(lines, pageLength: 40, formFeeds: formFeeds))
        #expect(paged.pageBreaks.count >= lines.count / 40 - 1)
        let added = headings(paged).map(\.text).filter { !plain.contains($0) }
        #expect(added.count <= 2, "\(added)")
    }
    /// A chapter whose numbered `items` open on the 145th line, so that the third page's cut falls after the 150th (the
    /// items' sixth line), cut into pages of 50 lines that show their furniture; and the lists read back, each item's text.
    static func listAcrossAPage(_ items: [String], formFeeds: Bool) throws -> (lists: Int, items: [String], document: Document) {
        var lines: [String] = ["", "", "", "Chapter One", "", ""]
        while lines.count < 144 { lines += Self.paragraph + [""] }
        lines = Array(lines.prefix(143)) + [""] + items
        for _ in 0..<40 { lines += Self.paragraph + [""] }
        let document = try read(Self.paginate(lines, pageLength: 50, formFeeds: formFeeds))
        let lists = document.blocks.compactMap { if case .list(let list) = $0 { list } else { nil } }
        return (lists.count, lists.first?.items.map { $0.map(\.plainText).joined() } ?? [], document)
    }

    /// Corpus 001's demands: an item broken off in mid-sentence at a page's foot (`…Kronstadt and the Petrograd` /
    /// `District.`) goes on after the page's gap, and the list stays one list.
    @Test(arguments: [false, true])
    func aListItemBrokenByAPageGoesOn(formFeeds: Bool) throws {
        let (lists, texts, document) = try Self.listAcrossAPage([
            "1. Immediate new elections to the Soviets, by secret ballot, after free propaganda.", "",
            "2. Freedom of speech and of the press for workers and peasants.", "",
            "3. The organisation, at the latest on 10th March, of a Conference of non-", "Party workers, soldiers, and sailors of Petrograd, Kronstadt and the Petrograd",
            "District.", "", "4. The liberation of all political prisoners of the Socialist parties.", ""], formFeeds: formFeeds)
        #expect(lists == 1)
        #expect(texts.count == 4, "\(texts)")
        #expect(texts.dropFirst(2).first?.hasSuffix("Kronstadt and the Petrograd District.") == true, "\(texts)")
        #expect(!document.blocks.contains { if case .paragraph(let inlines, _) = $0 { inlines.plainText == "District." } else { false } })
    }

    /// Corpus 001's last page: a logo's stray letter (`y`) at the page's top, under the last paragraph's finished
    /// sentence, is taken out of the text and kept on the page break (TEI `fw`), not run into the paragraph.
    @Test(arguments: [(false, "y"), (true, "y"), (false, "ii"), (true, "ii")])
    func aStrayMarkAtAPageTopIsFurniture(formFeeds: Bool, scrap: String) throws {
        var lines: [String] = ["", "", "", "Chapter One", "", ""]
        // Paragraphs of their own words (lines repeated at every page's edge would be running heads).
        while lines.count < 194 {
            let n = lines.count
            lines += ["Paragraph \(n) opens with words that run on for a while, as the", "words of a book do (\(n) of them), and then they go on again",
                      "for a line or two more, and at last they stop for the \(n)th time.", ""]
        }
        // 194 lines: the fifth page opens on the `y`.
        lines += ["", "and let the presses roll!", "", "", "", "", scrap, "", "a\\k press"]
        let document = try read(Self.paginate(lines, pageLength: 50, formFeeds: formFeeds))
        let paragraphs = document.blocks.compactMap { if case .paragraph(let inlines, _) = $0 { inlines.plainText } else { nil } }
        // A lower-case roman numeral is a page's number, never a stray mark.
        let stray = scrap == "y"
        #expect(!paragraphs.contains("and let the presses roll! \(scrap)"))
        #expect(paragraphs.suffix(2) == ["and let the presses roll!", "a\\k press"] || !stray, "\(paragraphs.suffix(3))")
        #expect((document.pageBreaks.last?.strayMark == scrap) == stray)
        #expect(document.lineDecisions.contains { $0.kind == .strayMarkRemoved && $0.detail == scrap } == stray)
        #expect(document.editorial.contains { $0.text.contains("stray marks at a page's top (1)") } == stray)
    }
    /// The near miss: an item ending without a full stop at a page's foot, then the next item (`4. …`) opening the next
    /// page: two items, not one, in one list (the page break opens the item).
    @Test(arguments: [false, true])
    func theNextItemAfterAPageStandsApart(formFeeds: Bool) throws {
        let (lists, items, _) = try Self.listAcrossAPage([
            "1. Immediate new elections to the Soviets, by secret ballot, after free propaganda.", "",
            "2. Freedom of speech and of the press for workers and peasants.", "", "3. The organisation, at the latest on 10th March, of a Conference of",
            "Party workers, soldiers, and sailors of Petrograd, Kronstadt and the District", "", "4. The liberation of all political prisoners of the parties.", ""],
            formFeeds: formFeeds)
        #expect(lists == 1)
        #expect(items.count == 4, "\(items)")
        #expect(items.dropFirst(2).first?.hasSuffix("Kronstadt and the District") == true, "\(items)")
        #expect(items.last?.hasPrefix("4. The liberation") == true, "\(items)")
    }
}
