import BinderyModel
import Testing

/// The comparison itself: a perfect reading of the book agrees, and a wrong one is told in a line.
@Suite("Typesetting simulator: the comparison")
struct SimulatorComparisonTests {
    /// The document a perfect reader would make of the book in `conventions`.
    static func perfectReading(_ conventions: Conventions, book: SimBook = .sample) -> Document {
        var blocks: [Block] = [.paragraph([.text(book.title)]), .paragraph([.text(book.author)])]
        for item in book.expectedItems(conventions) {
            var inlines: [Inline] = []
            var consumed = ""
            for note in item.notes {
                // The text up to the marker, then the note (and a page break, which counts for nothing).
                let piece = String(note.before.dropFirst(consumed.count))
                inlines += [.text(piece), .note(Note(number: note.number, blocks: [.paragraph([.text(note.text)])])), .pageBreak(PageBreak(number: "9"))]
                consumed = note.before
            }
            inlines.append(.text(String(item.text.dropFirst(consumed.count))))
            switch item.kind {
            case .heading(let level): blocks.append(.heading(Heading(level: level + 1, inlines: [.text(item.text)])))
            case .paragraph: blocks.append(.paragraph(inlines))
            case .quote: blocks.append(.blockQuote([.paragraph(inlines)]))
            case .other: break
            }
        }
        blocks.append(.heading(Heading(level: 1, inlines: [.text("Notes")], kind: .notes)))
        return Document(blocks: blocks)
    }

    static func difference(_ document: Document, _ conventions: Conventions) -> String? {
        SimComparison.firstDifference(expected: SimBook.sample.expectedItems(conventions), actual: SimItem.recovered(document, book: .sample))
    }

    @Test(arguments: [Conventions(), Conventions(parts: .word, notes: .glued), Conventions(headings: .capitals, parts: .roman, notes: .bracketed)])
    func aPerfectReadingAgrees(_ conventions: Conventions) {
        #expect(Self.difference(Self.perfectReading(conventions), conventions) == nil)
    }

    @Test func aMissingHeadingIsNamed() throws {
        var document = Self.perfectReading(Conventions())
        let index = try #require(document.blocks.firstIndex { if case .heading = $0 { true } else { false } })
        document.blocks[index] = .paragraph([.text("Chapter 1 The Long Road")])
        #expect(Self.difference(document, Conventions()) == "block 1 of 35 expected/35 read: expected heading(1) «Chapter 1 The Long Road», read paragraph «Chapter 1 The Long Road»")
    }

    @Test func aLeakedRunningHeadIsNamed() throws {
        let conventions = Conventions(pages: .runningHeads)
        var document = Self.perfectReading(conventions)
        let index = try #require(document.blocks.lastIndex { if case .paragraph = $0 { true } else { false } })
        guard case .paragraph(let inlines, _) = document.blocks[index] else { return }
        document.blocks[index] = .paragraph(inlines + [.text(" 12 THE MEASURE OF QUIET RIVERS")])
        let difference = SimComparison.firstDifference(expected: SimBook.sample.expectedItems(conventions), actual: SimItem.recovered(document, book: .sample),
                                                       furniture: ["THE MEASURE OF QUIET RIVERS"])
        #expect(difference?.hasSuffix("[running head in the text: THE MEASURE OF QUIET RIVERS]") == true)
    }

    @Test func anUnlinkedNoteIsNamed() throws {
        let conventions = Conventions(notes: .glued)
        var document = Self.perfectReading(conventions)
        let index = try #require(document.blocks.firstIndex { if case .paragraph(let inlines, _) = $0 { inlines.contains { if case .note = $0 { true } else { false } } } else { false } })
        guard case .paragraph(let inlines, _) = document.blocks[index] else { return }
        document.blocks[index] = .paragraph(inlines.filter { if case .note = $0 { false } else { true } })
        #expect(Self.difference(document, conventions)?.contains("notes 1 after «…") == true)
    }
}
