/// How paragraphs are told apart in the plain text.
enum ParagraphStyle: String, CaseIterable, Sendable {
    /// A blank line between paragraphs.
    case blank
    /// The first line indented, no blank lines (the first paragraph after a heading starts flush).
    case indent
    /// Hard-wrapped lines, no separators: a paragraph ends where its last line is short (pdftotext of justified text).
    case wrapped
}

/// Page furniture.
enum PageStyle: String, CaseIterable, Sendable {
    case none
    /// Form-feed pages, the folio at the foot.
    case footFolio
    /// Form-feed pages, the folio and a running head at the top: `12`/`AUTHOR` verso, `TITLE`/`13` recto.
    case runningHeads
    /// Pages separated by blank lines (no form feeds), the folio at the foot.
    case blankPages
}

/// How a chapter heading is printed.
enum HeadingStyle: String, CaseIterable, Sendable {
    /// `Chapter 4` then the title on the next line.
    case chapterWord
    /// `IV` alone, then the title on the next line.
    case roman
    /// `4. The Title` on one line.
    case numbered
    /// `CHAPTER IV. THE TITLE` on one line.
    case capitals
}

/// Whether parts are printed above the chapters, and how.
enum PartStyle: String, CaseIterable, Sendable {
    case none
    /// `Part One` then the title on the next line.
    case word
    /// `PART I` then the title in capitals on the next line.
    case roman
}

/// Note markers and the notes list at the end of the book.
enum NoteStyle: String, CaseIterable, Sendable {
    case none
    /// `word.3`; under `Notes`, `3. text`.
    case glued
    /// `word.3`; under `Notes`, `3` alone on a line, then the text.
    case gluedAlone
    /// `word.[3]`; under `NOTES`, `[3] text`.
    case bracketed

    /// The marker as printed after the word.
    func marker(_ number: Int) -> String {
        switch self {
        case .none: ""
        case .glued, .gluedAlone: "\(number)"
        case .bracketed: "[\(number)]"
        }
    }
}

/// Words broken at line ends.
enum HyphenationStyle: String, CaseIterable, Sendable {
    case none
    /// Ordinary words broken with U+2010 HYPHEN (`con‐` / `siderable`).
    case unicodeHyphen
    /// Ordinary words broken with U+002D (`con-` / `siderable`).
    case hyphenMinus
    /// Only compounds, at their own hyphen (`three-` / `dimensional`).
    case compound
}

/// One combination of conventions; its name is how a known failure is listed.
struct Conventions: Hashable, Sendable, CustomStringConvertible {
    var paragraphs: ParagraphStyle = .blank
    var pages: PageStyle = .none
    var headings: HeadingStyle = .chapterWord
    var parts: PartStyle = .none
    var notes: NoteStyle = .none
    var hyphenation: HyphenationStyle = .none
    var width: Int = 75

    static let widths = [60, 75]

    var description: String {
        "\(paragraphs.rawValue) pages=\(pages.rawValue) headings=\(headings.rawValue) parts=\(parts.rawValue) notes=\(notes.rawValue) hyphens=\(hyphenation.rawValue) width=\(width)"
    }

    /// The value of each dimension by name, for the pass/fail table.
    var values: [(dimension: String, value: String)] {
        [("paragraphs", paragraphs.rawValue), ("pages", pages.rawValue), ("headings", headings.rawValue), ("parts", parts.rawValue),
         ("notes", notes.rawValue), ("hyphens", hyphenation.rawValue), ("width", "\(width)")]
    }
}
