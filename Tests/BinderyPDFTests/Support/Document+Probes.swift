import BinderyModel

/// What the tests look for in a read document, whatever blocks it is nested in.
extension Document {
    /// Every block, the blocks inside block quotes and list items included, in reading order.
    var allBlocks: [Block] {
        func flatten(_ blocks: [Block]) -> [Block] {
            blocks.flatMap { block -> [Block] in
                switch block {
                case .blockQuote(let inner, _): [block] + flatten(inner)
                case .list(let list): [block] + flatten(list.items.flatMap { $0 })
                default: [block]
                }
            }
        }
        return flatten(blocks)
    }

    /// The headings of the body: not the title page's, not the notes'.
    var bodyHeadings: [Heading] {
        blocks.compactMap { if case .heading(let heading) = $0, heading.kind != .titlePage, heading.kind != .notes { heading } else { nil } }
    }

    /// The paragraphs' inlines, those inside block quotes included.
    var paragraphs: [[Inline]] {
        allBlocks.compactMap { if case .paragraph(let inlines, _) = $0 { inlines } else { nil } }
    }

    /// The paragraph whose reading text is `text` (spaces compared loosely).
    func paragraph(reading text: String) -> [Inline]? {
        paragraphs.first { $0.plainText.collapsingSpaces == text.collapsingSpaces }
    }

    /// For a failure's message: how the paragraph that starts like `text` (or holds its start) differs from it.
    func whereReadingDiffers(_ text: String) -> String {
        let expected = text.collapsingSpaces
        let opening = String(expected.prefix(40))
        guard let found = allBlocks.map({ $0.plainText.collapsingSpaces }).first(where: { $0.contains(opening) }) else {
            return "no block holds its opening '\(opening)…'"
        }
        let start = found.range(of: opening)!.lowerBound
        let read = found[start...]
        let same = zip(expected, read).prefix { $0 == $1 }.count
        let lead = found[..<start].isEmpty ? "" : "(after \(found.distance(from: found.startIndex, to: start)) characters of other text) "
        return "\(lead)read as '…\(read.dropFirst(max(0, same - 30)).prefix(70))…', printed '…\(expected.dropFirst(max(0, same - 30)).prefix(70))…'"
    }

    /// The reading text of every block that holds text (headings, paragraphs, quotes, verse, lists) from the
    /// first heading after the title page on.
    var bodyTexts: [String] {
        blocks.drop { block in
            if case .heading(let heading) = block { heading.kind == .titlePage } else { true }
        }.map(\.plainText).filter { !$0.isEmpty }
    }
}

extension [Inline] {
    /// The notes placed in the run, in order.
    var notes: [Note] {
        flatMap { inline -> [Note] in
            switch inline {
            case .note(let note): [note]
            case .emphasis(let inner), .strong(let inner), .link(_, let inner): inner.notes
            default: []
            }
        }
    }

    /// The reading text of each emphasis in the run, in order.
    var emphases: [String] {
        flatMap { inline -> [String] in
            switch inline {
            case .emphasis(let inner): [inner.plainText.collapsingSpaces]
            case .strong(let inner), .link(_, let inner): inner.emphases
            default: []
            }
        }
    }

    /// True when a page break is inside the run (a paragraph that goes on over a page's end).
    var hasPageBreak: Bool { !pageBreaks.isEmpty }
}

extension String {
    /// Runs of white space made one space, ends trimmed.
    var collapsingSpaces: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
