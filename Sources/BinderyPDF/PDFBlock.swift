/// A block read off a page by its geometry, before it is written out as text.
struct PDFBlock {
    enum Kind: Equatable {
        /// Larger than the body, or centred beside such lines: a heading (its lines a group).
        case heading
        /// Centred lines in the body's size away from any heading: a scene break, a dateline.
        case centred
        case paragraph
        /// Set in on both sides and justified.
        case quote
        /// Ragged lines, each a line of the poem.
        case verse
    }

    var kind: Kind
    var lines: [PDFLine]
    var page: Int
    /// The last line reaches the block's right edge: a paragraph that may go on over the page's end.
    var endsFull = false
    /// The first line starts at the left edge, not set in: it may go on a paragraph of the page before.
    var startsFlush = false
    /// For verse: the left edge its lines are set in from.
    var left: Double = 0
    /// The right edge of the text block it was read in (the page's, or its column's).
    var right: Double = 0
}
