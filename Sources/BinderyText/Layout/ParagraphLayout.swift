/// How a document marks its paragraphs, detected per document by `LayoutDetector`.
public enum ParagraphLayout: String, Sendable, Codable, Hashable, CaseIterable {
    /// Paragraphs separated by blank lines.
    case blankLineSeparated
    /// Every line followed by a blank line: blanks are line spacing, paragraphs are found as in hard-wrapped text.
    case doubleSpaced
    /// No separator: a short or marked last line ends a paragraph (blank lines also do).
    case hardWrapped
    /// Each line is a paragraph.
    case linePerParagraph

    /// The layout in a reader's words.
    public var plainDescription: String {
        switch self {
        case .blankLineSeparated: "separated by blank lines"
        case .doubleSpaced: "double-spaced lines (a blank line after every line), a paragraph ending at a short or marked last line"
        case .hardWrapped: "lines wrapped without blank lines between paragraphs, a paragraph ending at a short or marked last line"
        case .linePerParagraph: "one per line"
        }
    }
}

/// The detected layout and the measures the paragraph builder uses.
struct LayoutProfile: Sendable, Hashable {
    var layout: ParagraphLayout
    /// The usual length of a full line (90th percentile), in characters.
    var measure: Int
    /// Lines ending in two or more spaces mark paragraph ends (some PDF extractors do this).
    var trailingSpaceMark: Bool
    /// A first-line indent marks a new paragraph.
    var indentMark: Bool
    /// The indent, in spaces, that most paragraphs open with, where indents mark them.
    var paragraphIndent: Int? = nil
    /// The shortest a line inside a paragraph usually is (its 2nd percentile, measured on lines a lower-case line
    /// continues), when there are enough of them: in justified text, a sentence ending on a line shorter than this
    /// ends its paragraph.
    var fullLineFloor: Int? = nil
    /// How a sentence ending on a line of at least `fullLineFloor` is told from a paragraph end, when nothing marks it.
    var endOdds: ParagraphEndOdds? = nil
    /// The characters' widths fitted to a justified text in a proportional face, where they hold (`FittedWidths`).
    var fittedWidths: FittedWidths? = nil
    /// The measure in a book face's widths, for a justified text too short for `endOdds` (`BookFaceMeasure`).
    var bookFaceMeasure: BookFaceMeasure? = nil
    /// The width, in characters, that the text was wrapped at with no line ever over it (`FixedWrap`): a line that
    /// leaves room for the next line's first word was ended by choice.
    var wrapWidth: Int? = nil
    /// Note markers set off by a space inside lines (`the rock [12] about`, on three lines or more) are among the
    /// document's habits, so the wrap may carry one to a line's start.
    var setOffMarkers = false
}

extension LayoutProfile {
    /// How paragraphs were found, in a reader's words (the proof and `bindery inspect` show it).
    func plainDescription(setBySidecar: Bool, pages: Int) -> String {
        var clues = ["a full line holds about \(measure) characters"]
        if indentMark { clues.append("a first-line indent\(paragraphIndent.map { " of \($0) spaces" } ?? "") opens a paragraph") }
        if trailingSpaceMark { clues.append("two spaces at a line's end close a paragraph") }
        if let wrapWidth { clues.append("lines were wrapped at \(wrapWidth) characters") }
        if let fittedWidths {
            clues.append("the text is justified: each character's width was measured from the lines, paragraph indent \(fittedWidths.indentDescription), so a line that ends a paragraph can be told from a full one")
        }
        if bookFaceMeasure != nil {
            clues.append("the text is justified but short: a sentence's end with clear room for the next word (or, where words are broken at line ends, its first syllable) ends a paragraph")
        }
        return "paragraphs \(setBySidecar ? "(as the sidecar's structure.paragraphs says)" : "found"): \(layout.plainDescription); "
            + clues.joined(separator: "; ") + "; \(pages) page\(pages == 1 ? "" : "s")"
    }
}
