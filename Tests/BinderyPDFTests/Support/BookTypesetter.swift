/// Prints a `BookSpec` into a PDF with cairo in the given conventions: a title page, headings centred,
/// paragraphs broken into lines (justified or ragged), a block quote and verse set in, note markers raised,
/// the notes listed at the end, running heads and folios on every page after the title page.
struct BookTypesetter {
    /// The PDF and what the tests need to know about how it was printed.
    struct Printed: Sendable {
        var pdf: [UInt8]
        /// The page number printed on each page of the file, first to last (nil: none, the title page).
        var folios: [String?]
        /// The paragraphs (by index in `BookSpec.paragraphs`) whose lines were set on more than one page.
        var paragraphsOverPageBreaks: Set<Int>
        /// The paragraphs (by index) with an italic run broken over a line's end.
        var paragraphsWithItalicsOverLineEnds: Set<Int>
        /// How many lines each block quote was set on, in order.
        var quoteLineCounts: [Int]
    }

    let conventions: PrintConventions

    func print(_ book: BookSpec) -> Printed {
        let press = BookPress(conventions, book)
        press.titlePage()
        var paragraphIndex = 0
        var previous: BookSpec.Block?
        for block in book.blocks {
            switch block {
            case .heading(let level, let label, let title):
                press.heading(level: level, lines: (conventions.numberLines ? [label].compactMap { $0 } : []) + [title])
                if level < conventions.headingLevels - 1 { press.newPage() }
            case .paragraph(let runs):
                let afterHeading = if case .heading = previous { true } else { false }
                let set = press.paragraph(runs, afterHeading: afterHeading)
                if set.overPageBreak { press.overPageBreaks.insert(paragraphIndex) }
                if set.italicOverLineEnd { press.italicsOverLineEnds.insert(paragraphIndex) }
                paragraphIndex += 1
            case .quote(let text):
                press.quoteLineCounts.append(press.quote(text))
            case .verse(let lines):
                press.verse(lines)
            }
            previous = block
        }
        press.notes(heading: book.notesHeading, book.notes)
        return Printed(pdf: press.canvas.finish(), folios: press.folios, paragraphsOverPageBreaks: press.overPageBreaks,
                       paragraphsWithItalicsOverLineEnds: press.italicsOverLineEnds, quoteLineCounts: press.quoteLineCounts)
    }
}
