extension PDFTranscriber {
    /// The transcript's lines as they are written, with blank lines kept to what each block asks.
    struct Writer {
        var lines: [String] = []
        var origins: [String] = []
        /// The next line starts a page.
        var formFeed = false
        private var trailingBlanks = 0

        mutating func line(_ text: String, origin: String) {
            startPage()
            lines.append(text)
            origins.append(origin)
            trailingBlanks = 0
        }

        mutating func blanks(_ count: Int) {
            guard !lines.isEmpty else { return }
            startPage()
            while trailingBlanks < count {
                lines.append("")
                origins.append("")
                trailingBlanks += 1
            }
        }

        /// The form feed is a line of its own, as the reader splits it out; at the very start (the pages before gave
        /// no line) the reader sees an empty line before it, and so does the transcript.
        private mutating func startPage() {
            guard formFeed else { return }
            formFeed = false
            if lines.isEmpty {
                lines.append("")
                origins.append("")
            }
            lines.append(Self.formFeed)
            origins.append("")
        }

        static let formFeed = "\u{0C}"

        /// The lines joined; a form feed is written between its neighbours with no line break, so that the
        /// reader's lines are these lines, one for one (a line break before it would read as a blank line).
        var text: String {
            var text = ""
            var afterFormFeed = true
            for line in lines {
                if line == Self.formFeed {
                    text += line
                    afterFormFeed = true
                    continue
                }
                if !afterFormFeed { text += "\n" }
                text += line
                afterFormFeed = false
            }
            return text + "\n"
        }

        /// Each note as `[Footnote n: …]`, a paragraph of its own.
        mutating func footnotes(_ notes: [(note: PDFFootnotes.Note, page: Int)]) {
            for (note, page) in notes {
                blanks(1)
                var markup = PDFInlineMarkup(markItalics: true)
                for (index, line) in note.lines.enumerated() {
                    let last = index == note.lines.count - 1
                    var text = markup.text(of: line, closing: last)
                    if index == 0 { text = "[Footnote \(note.label): " + PDFFootnotes.dropLabel(text, label: note.label) }
                    self.line(text + (last ? "]" : ""), origin: PDFTranscriber.origin(line, page: page))
                }
                blanks(1)
            }
        }

        /// A picture's place: `[Illustration]`, a paragraph of its own (Project Gutenberg's mark); returns its line (1 first).
        mutating func illustration(origin: String) -> Int {
            blanks(1)
            line("[Illustration]", origin: origin)
            blanks(1)
            return lines.count - 1
        }

        mutating func blank(after kind: PDFBlock.Kind) {
            blanks(kind == .heading ? 2 : 1)
        }

        /// The last line of a block's text written (not a running head, a folio or a footnote): where a marker the
        /// typesetter carried to the next line goes back to.
        private var lastTextLine: Int?
        /// Italics still open at the end of a block that goes on on the next page.
        private var markup = PDFInlineMarkup(markItalics: true)

        /// `continuing`: the block goes on one from the page before; `goesOn`: it goes on on the next page, whose first
        /// line is `nextPage` (an italic run goes on over the page break when that line opens in italics).
        mutating func write(_ block: PDFBlock, continuing: Bool, goesOn: Bool, nextPage: PDFLine? = nil) {
            if !continuing {
                blanks(block.kind == .heading ? 4 : 1)
                markup = PDFInlineMarkup(markItalics: block.kind != .heading)
            }
            for (index, line) in block.lines.enumerated() {
                // An italic run goes on over a line's end (or a page's) when the next line opens in italics, and always over a
                // word broken there (a mark after its hyphen would hide the break).
                let next = index + 1 < block.lines.count ? block.lines[index + 1] : goesOn ? nextPage : nil
                let nextOpensItalic = next?.spans.first { !$0.text.allSatisfy(\.isWhitespace) }?.isItalic ?? false
                let broken = next != nil && (line.text.trimmingTrailingSpaces().last.map { "‐-".contains($0) } ?? false)
                var text = markup.text(of: line, closing: !broken && (next == nil || block.kind == .verse || block.kind == .heading || !nextOpensItalic))
                // A marker the typesetter carried over a line's end (after a full stop) goes back to the text it marks.
                if let marker = PDFInlineMarkup.leadingMarker(line), text.hasPrefix(marker), let previous = lastTextLine {
                    lines[previous] += marker
                    text = String(text.dropFirst(marker.count).drop { $0 == " " })
                }
                let origin = PDFTranscriber.origin(line, page: block.page)
                switch block.kind {
                case .heading, .centred, .paragraph:
                    self.line(text, origin: origin)
                case .quote:
                    self.line("    " + text, origin: origin)
                case .verse:
                    let deeper = min(20, max(0, Int(((line.left - block.left) / max(line.bodySize, 1)).rounded())))
                    self.line(String(repeating: " ", count: 4 + deeper * 2) + text, origin: origin)
                }
                lastTextLine = lines.count - 1
            }
        }
    }
}
