import BinderyModel
import Testing

/// Books printed by `BookTypesetter` in every combination of `PrintConventions`, read back through the
/// converter and compared with what was printed (#22). Nothing here depends on one book's words.
@Suite("PDF input: generated books in every convention")
struct PDFConventionTests {
    static let matrix = PrintConventions.matrix

    @Test("every heading is found, in order, at the level its type size gives", arguments: matrix)
    func headings(_ conventions: PrintConventions) throws {
        let (book, document) = try GeneratedBook.read(conventions)
        let found = document.bodyHeadings.map { (level: $0.level, text: $0.inlines.plainText.collapsingSpaces) }
        let outline = found.map { "\($0.level) \($0.text)" }
        #expect(found.count == book.spec.headings.count, "found: \(outline)")
        var next = 0
        for printed in book.spec.headings {
            guard let index = found[next...].firstIndex(where: { $0.text.contains(printed.title) }) else {
                Issue.record("level \(printed.level) '\(printed.title)' is not a heading (in order); found: \(outline)")
                continue
            }
            next = index + 1
            #expect(found[index].level == printed.level, "'\(found[index].text)': level \(found[index].level), printed at level \(printed.level)")
            if conventions.numberLines, let label = printed.label {
                #expect(found[index].text.contains(label), "the number line '\(label)' is not in '\(found[index].text)'")
            }
        }
    }

    @Test("every paragraph comes out whole, one that runs over a page break too", arguments: matrix)
    func paragraphs(_ conventions: PrintConventions) throws {
        let (book, document) = try GeneratedBook.read(conventions)
        for (index, runs) in book.spec.paragraphs.enumerated() {
            let paragraph = document.paragraph(reading: runs.readingText)
            #expect(paragraph != nil, "paragraph \(index) is not whole: \(document.whereReadingDiffers(runs.readingText))")
            if let paragraph, book.printed.paragraphsOverPageBreaks.contains(index) {
                #expect(paragraph.hasPageBreak, "paragraph \(index) went over a page but holds no page break")
            }
        }
        try #require(!book.printed.paragraphsOverPageBreaks.isEmpty, "the typesetter broke no paragraph over a page: the test proves nothing")
    }

    @Test("running heads and folios leave the text; each page break carries its printed number", arguments: matrix)
    func pageFurniture(_ conventions: PrintConventions) throws {
        let (book, document) = try GeneratedBook.read(conventions)
        for text in document.bodyTexts {
            #expect(!text.contains(book.spec.title) && !text.contains(book.spec.author), "a running head is in the text: '\(text.prefix(80))'")
            #expect(!text.contains { $0.isNumber }, "a page number is in the text: '\(text.prefix(80))'")
        }
        let breaks = document.pageBreaks
        let printedNumbers = Array(book.printed.folios.dropFirst())
        #expect(breaks.map(\.number) == printedNumbers)
        if case .headsAtTop = conventions.furniture {
            for pageBreak in breaks {
                let head = pageBreak.runningHead ?? ""
                #expect(head.contains(book.spec.title) || head.contains(book.spec.author), "page \(pageBreak.number ?? "?"): running head '\(head)'")
            }
        }
    }

    @Test("each raised note number links its note from the list at the end", arguments: matrix)
    func notes(_ conventions: PrintConventions) throws {
        let (book, document) = try GeneratedBook.read(conventions)
        let placed = document.paragraphs.flatMap { paragraph in paragraph.notes.map { (note: $0, around: paragraph.plainText.collapsingSpaces) } }
        for runs in book.spec.paragraphs {
            for case .noteMarker(let number) in runs {
                let linked = placed.filter { $0.note.number == String(number) }
                #expect(linked.count == 1, "note \(number) is linked \(linked.count) time(s); notes linked: \(placed.map(\.note.number))")
                guard let first = linked.first else { continue }
                // Where the marker was printed: in its paragraph (or what the reader made of it).
                #expect(runs.readingText.collapsingSpaces.contains(first.around.prefix(60)), "note \(number) is linked in '\(first.around.prefix(60))…'")
                #expect(first.note.blocks.map(\.plainText).joined(separator: " ").collapsingSpaces == book.spec.notes[number - 1])
            }
        }
        for text in document.bodyTexts {
            #expect(!book.spec.notes.contains { text.contains($0) }, "a note's text stayed in the body: '\(text.prefix(80))'")
        }
    }

    @Test("italic runs are kept as emphasis", arguments: matrix)
    func italics(_ conventions: PrintConventions) throws {
        let (book, document) = try GeneratedBook.read(conventions)
        for (index, runs) in book.spec.paragraphs.enumerated() {
            let italics = runs.compactMap { if case .italic(let text) = $0 { text.collapsingSpaces } else { nil } }
            guard let paragraph = document.paragraph(reading: runs.readingText) else { continue }
            let overLineEnd = book.printed.paragraphsWithItalicsOverLineEnds.contains(index) ? " (an italic run goes over a line's end)" : ""
            #expect(paragraph.emphases == italics, "'\(runs.readingText.prefix(40))…'\(overLineEnd)")
        }
    }

    @Test("a block quote is a quote, verse keeps its lines", arguments: matrix)
    func quotesAndVerse(_ conventions: PrintConventions) throws {
        let (book, document) = try GeneratedBook.read(conventions)
        let blocks = document.allBlocks
        let quotes = blocks.compactMap { if case .blockQuote = $0 { $0.plainText.collapsingSpaces } else { nil } }
        let verses = blocks.compactMap { if case .verse(let lines, _) = $0 { lines.map { $0.plainText.collapsingSpaces } } else { nil } }
        var quoteIndex = 0
        for block in book.spec.blocks {
            switch block {
            case .quote(let text):
                let lines = book.printed.quoteLineCounts[quoteIndex]
                #expect(quotes.contains(text.collapsingSpaces), "the quote '\(text.prefix(50))…' (\(lines) lines) is not a block quote; quotes found: \(quotes)")
                quoteIndex += 1
            case .verse(let lines):
                #expect(verses.contains(lines), "the verse '\(lines[0])…' did not keep its lines; verse found: \(verses)")
            default:
                continue
            }
        }
    }
}
