/// A PDF written out as the plain text the reader knows best, with where each line was printed.
/// Paragraphs are set apart by a blank line, headings by blank lines around them, block quotes and verse
/// indented four spaces, italics between underscores, note markers as `[n]`; each page starts with a form
/// feed and keeps its running head and folio on lines of their own, for the reader's page model.
public struct PDFTranscript: Sendable {
    /// The text, one line per printed line.
    public var text: String
    /// For each line of `text`: where it was printed (`p. 3, x 42.5, y 233.3, 11 pt`), or "" for a line the
    /// transcript added (a blank line between paragraphs).
    public var origins: [String]
    /// Transcript line (1 first) → rank of the heading style it is printed in (1 = the largest type).
    public var headingRanks: [Int: Int]
    /// Transcript lines (1 first) of verse, and of block quotations.
    public var verseLines: Set<Int>
    public var quoteLines: Set<Int>
    /// Transcript lines (1 first) that open a printed heading; lines centred in the body's type.
    public var headingStarts: Set<Int>
    public var centredLines: Set<Int>
    public var pageCount: Int
    /// What the page told: the body size, the indent, the kinds of block found; for the editorial record.
    public var summary: String
}
