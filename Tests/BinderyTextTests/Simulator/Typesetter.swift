/// A line of the typeset book before pagination.
enum SetLine: Equatable {
    case text(String)
    /// Vertical space: one blank line, dropped at the top and foot of a page.
    case blank
    /// The next line starts a new page (a chapter, the notes).
    case newPage
}

/// Sets the book's blocks as lines in the conventions' paragraph, heading, note and hyphenation styles.
struct Typesetter {
    static let paragraphIndent = 4
    static let quoteIndent = 8

    var conventions: Conventions
    private var wrapper: LineWrapper { LineWrapper(width: conventions.width, hyphenation: conventions.hyphenation) }

    init(_ conventions: Conventions) { self.conventions = conventions }

    static func roman(_ number: Int) -> String { ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][number - 1] }

    /// The printed lines of the heading of chapter `number` (from 1).
    func chapterHeading(_ number: Int, _ title: String) -> [String] {
        switch conventions.headings {
        case .chapterWord: ["Chapter \(number)", title]
        case .roman: [Self.roman(number), title]
        case .numbered: ["\(number). \(title)"]
        case .capitals: ["CHAPTER \(Self.roman(number)). \(title.uppercased())"]
        }
    }

    /// The printed lines of the heading of part `number` (from 1); none without parts.
    func partHeading(_ number: Int, _ title: String) -> [String] {
        switch conventions.parts {
        case .none: []
        case .word: ["Part \(["One", "Two", "Three"][number - 1])", title]
        case .roman: ["PART \(Self.roman(number))", title.uppercased()]
        }
    }

    var notesHeading: String { conventions.notes == .bracketed ? "NOTES" : "Notes" }

    /// The whole book: title page, parts and chapters (each on a new page), the notes on a new page.
    func lines(_ book: SimBook) -> [SetLine] {
        var out: [SetLine] = [.text(book.title), .blank, .text(book.author), .newPage]
        var chapterNumber = 0
        for (partIndex, part) in book.parts.enumerated() {
            let partLines = partHeading(partIndex + 1, part.title)
            if !partLines.isEmpty {
                out.append(.newPage)
                heading(partLines, into: &out)
            }
            for (chapterIndex, chapter) in part.chapters.enumerated() {
                chapterNumber += 1
                // A part's first chapter shares the part's page.
                if partLines.isEmpty || chapterIndex > 0 { out.append(.newPage) }
                heading(chapterHeading(chapterNumber, chapter.title), into: &out)
                for (index, block) in chapter.blocks.enumerated() {
                    if conventions.paragraphs == .blank { out.append(.blank) }
                    switch block {
                    case .paragraph(let spans):
                        let indent = conventions.paragraphs == .indent && index > 0 ? Self.paragraphIndent : 0
                        out += wrapper.wrap(spans.printed(conventions.notes), firstIndent: indent).map(SetLine.text)
                    case .quote(let spans):
                        out += wrapper.wrap(spans.printed(conventions.notes), firstIndent: Self.quoteIndent, indent: Self.quoteIndent).map(SetLine.text)
                    }
                }
            }
        }
        if conventions.notes != .none { notes(book, into: &out) }
        return out
    }

    /// Headings stand between blank lines except in hard-wrapped text (pdftotext prints no vertical space).
    private func heading(_ lines: [String], into out: inout [SetLine]) {
        let spaced = conventions.paragraphs != .wrapped
        if spaced { out.append(.blank) }
        out += lines.map(SetLine.text)
        if spaced { out.append(.blank) }
    }

    private func notes(_ book: SimBook, into out: inout [SetLine]) {
        out.append(.newPage)
        heading([notesHeading], into: &out)
        for (index, text) in book.notes.enumerated() {
            let number = index + 1
            if conventions.paragraphs == .blank, index > 0 { out.append(.blank) }
            switch conventions.notes {
            case .none: break
            case .glued: out += wrapper.wrap("\(number). \(text)").map(SetLine.text)
            case .gluedAlone: out += [.text("\(number)")] + wrapper.wrap(text).map(SetLine.text)
            case .bracketed: out += wrapper.wrap("[\(number)] \(text)").map(SetLine.text)
            }
        }
    }
}
