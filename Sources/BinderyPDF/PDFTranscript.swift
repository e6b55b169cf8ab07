/// A PDF written out as the plain text the reader knows best, with where each line was printed.
/// Paragraphs are set apart by a blank line, headings by blank lines around them, block quotes and verse
/// indented four spaces, italics between underscores, note markers as `[n]`; each page starts with a form
/// feed and keeps its running head and folio on lines of their own, for the reader's page model.
package struct PDFTranscript: Sendable {
    /// The text, one line per printed line.
    package var text: String
    /// For each line of `text`: where it was printed (`p. 3, x 42.5, y 233.3, 11 pt`), or "" for a line the
    /// transcript added (a blank line between paragraphs).
    package var origins: [String]
    /// Transcript line (1 first) → rank of the heading style it is printed in (1 = the largest type).
    package var headingRanks: [Int: Int]
    /// Transcript lines (1 first) of verse, and of block quotations.
    package var verseLines: Set<Int>
    package var quoteLines: Set<Int>
    /// Transcript lines (1 first) that open a printed heading; lines centred in the body's type.
    package var headingStarts: Set<Int>
    package var centredLines: Set<Int>
    /// Transcript line (1 first) of each picture's `[Illustration]` → the picture.
    package var figures: [Int: PDFImage] = [:]
    /// Pictures of the file left out, and why (too large, past the limits, not encodable).
    package var skippedPictures: [String] = []
    /// What the page told: the body size, the indent, the kinds of block found; for the editorial record.
    package var summary: String
}
