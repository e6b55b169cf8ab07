@testable import BinderyText
import BinderyModel
import Testing

/// What a PDF's page tells the reader beyond the words (`PrintedLayout`), on transcripts written here the way
/// `PDFTranscriber` writes them: a blank line between paragraphs, headings set apart, quotes and verse set in.
@Suite("Printed layout")
struct PrintedLayoutTests {
    /// A paragraph of `lines` full lines, the last ending a sentence at full length (the ambiguous case in plain text).
    static func paragraph(_ word: String, lines: Int = 3) -> [String] {
        (0..<lines).map { index in
            let line = String(repeating: "\(word) ", count: 11) + (index == lines - 1 ? "done." : "and")
            return index == 0 ? line.prefix(1).uppercased() + line.dropFirst() : line
        }
    }

    /// The document of `lines`, with the printed facts found by their text: `ranks` maps a line's text to its heading rank.
    static func read(_ lines: [String], ranks: [String: Int] = [:], verse: [String] = [], quote: [String] = [],
                     starts: [String] = [], centred: [String] = []) throws -> BinderyModel.Document {
        func numbers(_ texts: [String]) -> Set<Int> {
            Set(lines.indices.filter { index in texts.contains(lines[index].trimmingCharacters()) }.map { $0 + 1 })
        }
        var rankByLine: [Int: Int] = [:]
        for (index, line) in lines.enumerated() { if let rank = ranks[line.trimmingCharacters()] { rankByLine[index + 1] = rank } }
        let printed = PrintedLayout(headingRanks: rankByLine, marksParagraphs: true, verseLines: numbers(verse), quoteLines: numbers(quote),
                                    headingStarts: numbers(starts), centredLines: numbers(centred))
        return try TextReader(printed: printed).read(Array(lines.joined(separator: "\n").utf8))
    }

    static func paragraphs(_ document: BinderyModel.Document) -> [String] {
        document.blocks.compactMap { if case .paragraph(let inlines, _) = $0 { inlines.plainText } else { nil } }
    }

    /// Levels come from the type's rank, whatever the words: a numbered title under an unnumbered one, and back.
    @Test(arguments: [(1, 2), (2, 1)])
    func levelsFollowTheTypeNotTheNumbering(outer: Int, inner: Int) throws {
        var lines = ["", "", "", ""]
        let titles = [("First Matters", outer), ("1. Smaller Things", inner), ("Second Matters", outer), ("2. Other Things", inner)]
        for (title, _) in titles {
            lines += [title, "", ""] + Self.paragraph("body") + ["", "", "", ""]
        }
        let document = try Self.read(lines, ranks: Dictionary(uniqueKeysWithValues: titles), starts: titles.map(\.0))
        let found = headings(document)
        #expect(found.map(\.text) == titles.map(\.0))
        let closedUp = [outer, inner].sorted() == [1, 2] ? titles.map(\.1) : []
        #expect(found.map(\.level) == closedUp)
    }

    /// A long title the words alone would take for a sentence is a heading when it is printed in a heading type;
    /// one printed heading over two lines (a title and its subtitle) is one heading.
    @Test func headingTypeMakesTheHeadingWhole() throws {
        let long = "Lanterns and Harbours of the Northern Coast, Their Keepers; Their Lamps;"
        let lines = ["", "", "", "", "Chapter One", "", ""] + Self.paragraph("opening") + ["", "", "", "",
                     long, "Their Oil", "", ""] + Self.paragraph("middle") + ["", "", "", "",
                     "Quiet Water", "(A Second Reading.)", "", ""] + Self.paragraph("closing")
        let document = try Self.read(lines, ranks: ["Chapter One": 1, long: 2, "Their Oil": 2, "Quiet Water": 2, "(A Second Reading.)": 2],
                                     starts: ["Chapter One", long, "Quiet Water"])
        let texts = headings(document).map(\.text)
        #expect(texts.contains("\(long) Their Oil"), "\(texts)")
        #expect(texts.contains("Quiet Water (A Second Reading.)"), "\(texts)")
        #expect(texts.count == 3, "\(texts)")
    }

    /// A centred line in the body's type standing alone (a dateline) stays a paragraph.
    @Test func centredBodyTypeLineIsNoHeading() throws {
        let lines = ["", "", "", "", "Chapter One", "", ""] + Self.paragraph("opening") + ["", "At the Pier, Evening.", ""]
            + Self.paragraph("after")
        let withPage = try Self.read(lines, ranks: ["Chapter One": 1], starts: ["Chapter One"], centred: ["At the Pier, Evening."])
        #expect(!headings(withPage).map(\.text).contains("At the Pier, Evening."))
        #expect(Self.paragraphs(withPage).contains("At the Pier, Evening."))
    }

    /// Where blank lines mark paragraphs, a page break without one runs the paragraph on, even after a full stop at
    /// a full line; with one, the paragraph ends there.
    @Test(arguments: [false, true])
    func pageBreaksFollowTheBlankLines(blankBefore: Bool) throws {
        let first = Self.paragraph("before")
        let second = Self.paragraph("after")
        // Each page ends on its folio; the form feed is glued to it, as the transcriber writes it (a line break
        // before it would read as a blank line).
        var lines = ["", "", "", "", "Chapter One", "", ""] + first + (blankBefore ? [""] : [])
        lines += ["12\u{0C}BOOK TITLE"] + second + [""]
        for (folio, word) in zip(13..., ["third", "fourth", "fifth", "sixth"]) {
            lines += ["\(folio)\u{0C}BOOK TITLE"] + Self.paragraph(word) + [""]
        }
        lines += ["17"]
        let document = try Self.read(lines, ranks: ["Chapter One": 1], starts: ["Chapter One"])
        let texts = Self.paragraphs(document)
        let joined = (first + second).joined(separator: " ")
        #expect(texts.contains(joined) != blankBefore, "\(texts)")
        #expect(texts.contains(first.joined(separator: " ")) == blankBefore, "\(texts)")
    }

    /// Two set-in lines are verse or a quotation as the page set them, not as their length suggests.
    @Test func verseAndQuotationAsPrinted() throws {
        let couplet = ["    “Socialism is the religion of Man;", "    A religion not of heaven but of the earth.”"]
        let quotation = ["    We can dimly see why the competition should be most severe between allied", "    forms which fill nearly the same place in nature, and so on."]
        let lines = ["", "", "", "", "Chapter One", "", ""] + Self.paragraph("opening") + [""] + couplet + [""]
            + Self.paragraph("middle") + [""] + quotation + [""] + Self.paragraph("closing")
        let document = try Self.read(lines, ranks: ["Chapter One": 1], verse: couplet.map { $0.trimmingCharacters() },
                                     quote: quotation.map { $0.trimmingCharacters() }, starts: ["Chapter One"])
        let verse = document.blocks.compactMap { if case .verse(let lines, _) = $0 { lines.map(\.plainText) } else { nil } }
        #expect(verse.contains(couplet.map { $0.trimmingCharacters() }), "\(document.blocks)")
        let quotes = document.blocks.compactMap { block -> String? in
            guard case .blockQuote(let inner, _) = block, case .paragraph(let inlines, _)? = inner.first else { return nil }
            return inlines.plainText
        }
        #expect(quotes.contains(quotation.map { $0.trimmingCharacters() }.joined(separator: " ")), "\(quotes)")
    }
}

private extension String {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
