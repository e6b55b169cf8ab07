extension SimBook {
    /// The book every combination typesets: two parts of two chapters of six to nine paragraphs (one to six
    /// sentences, some with a note marker) and one block quotation.
    static let sample: SimBook = {
        var prose = ProseGenerator(seed: 18)
        var notes: [String] = []
        let partTitles = ["The Crossing", "The Return"]
        let chapterTitles = [["The Long Road", "A House by the Water"], ["Letters from the Coast", "What the Winter Kept"]]
        var parts: [SimPart] = []
        for (partIndex, partTitle) in partTitles.enumerated() {
            var chapters: [SimChapter] = []
            for (chapterIndex, title) in chapterTitles[partIndex].enumerated() {
                var blocks: [SimBlock] = []
                for paragraph in 0..<prose.number(6...9) {
                    let withNote = prose.chance(40)
                    let spans = shortEnding(&prose) { prose in
                        let count = prose.chance(12) ? 1 : prose.number(2...6)
                        return spansWith(prose.sentences(count), noteAfter: withNote ? prose.number(0...(count - 1)) : nil, number: notes.count + 1)
                    }
                    if withNote {
                        notes.append(shortEnding(&prose, notePrefix: true) { [.text($0.sentences($0.number(1...2)).joined(separator: " "))] }.readingText)
                    }
                    blocks.append(.paragraph(spans))
                    if partIndex == 0, chapterIndex == 1, paragraph == 1 {
                        blocks.append(.quote(shortEnding(&prose, quote: true) { [.text($0.sentences($0.number(2...3)).joined(separator: " "))] }))
                    }
                }
                chapters.append(SimChapter(title: title, blocks: blocks))
            }
            parts.append(SimPart(title: partTitle, chapters: chapters))
        }
        return SimBook(title: "The Measure of Quiet Rivers", author: "Margaret Hale Winslow", parts: parts, notes: notes)
    }()

    /// Sentences as spans, with the marker of note `number` after sentence `noteAfter` when given.
    private static func spansWith(_ sentences: [String], noteAfter: Int?, number: Int) -> [SimSpan] {
        guard let noteAfter else { return [.text(sentences.joined(separator: " "))] }
        var spans: [SimSpan] = [.text(sentences[...noteAfter].joined(separator: " ")), .note(number)]
        if noteAfter + 1 < sentences.count { spans.append(.text(" " + sentences[(noteAfter + 1)...].joined(separator: " "))) }
        return spans
    }

    /// Draws spans until their last line is short in every rendering, so a hard-wrapped paragraph's end shows.
    private static func shortEnding(_ prose: inout ProseGenerator, quote: Bool = false, notePrefix: Bool = false,
                                    _ draw: (inout ProseGenerator) -> [SimSpan]) -> [SimSpan] {
        while true {
            let spans = draw(&prose)
            if endsShort(spans, quote: quote, notePrefix: notePrefix) { return spans }
        }
    }

    /// A last line at most 60 % of the width, for every width, hyphenation, marker style and indent.
    static func endsShort(_ spans: [SimSpan], quote: Bool, notePrefix: Bool) -> Bool {
        let prefixes = notePrefix ? ["[99] ", "99. ", ""] : [""]
        let texts = NoteStyle.allCases.flatMap { notes in prefixes.map { $0 + spans.printed(notes) } }
        let indents = quote ? [Typesetter.quoteIndent] : [0, Typesetter.paragraphIndent]
        return Conventions.widths.allSatisfy { width in
            HyphenationStyle.allCases.allSatisfy { hyphenation in
                let wrapper = LineWrapper(width: width, hyphenation: hyphenation)
                return texts.allSatisfy { text in
                    indents.allSatisfy { indent in
                        let last = wrapper.wrap(text, firstIndent: indent, indent: quote ? indent : 0).last ?? ""
                        return last.count * 10 <= width * 6
                    }
                }
            }
        }
    }
}
