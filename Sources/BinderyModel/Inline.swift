/// Inline content of paragraphs, headings and verse lines.
public enum Inline: Sendable, Codable, Hashable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(url: String, [Inline])
    /// A note at its point of reference, with the note's own blocks.
    case note(Note)
    /// The milestone of a printed page boundary.
    case pageBreak(PageBreak)
    /// A line break of the source, kept only in diplomatic mode (TEI `<lb/>`).
    case lineBreak(LineBreak)
}

/// Where a source line ended inside a paragraph (diplomatic transcription).
public struct LineBreak: Sendable, Codable, Hashable {
    /// True when a word runs on across the break (a rejoined hyphenation): no space in the reading text.
    public var joinsWords: Bool
    /// The source line that begins here.
    public var sourceLine: Int?

    public init(joinsWords: Bool, sourceLine: Int? = nil) {
        self.joinsWords = joinsWords
        self.sourceLine = sourceLine
    }
}

/// A note: the printed marker (its number) and its text.
public struct Note: Sendable, Codable, Hashable {
    public var number: String
    public var blocks: [Block]
    /// `foot` (page bottom) or `end` (end of chapter or book), as found in the source.
    public var placement: NotePlacement
    public var info: NodeInfo

    public init(number: String, blocks: [Block], placement: NotePlacement = .end, info: NodeInfo = NodeInfo()) {
        self.number = number
        self.blocks = blocks
        self.placement = placement
        self.info = info
    }
}

public enum NotePlacement: String, Sendable, Codable, Hashable {
    case foot, end
}

/// A page boundary: the printed number of the page that starts here and what was removed with it.
public struct PageBreak: Sendable, Codable, Hashable {
    /// The printed number of the page that begins here, when known.
    public var number: String?
    /// The running head removed from the top of that page.
    public var runningHead: String?
    /// The page number as printed where it was removed (top or bottom), when one was.
    public var removedPageNumber: String?
    /// A stray mark removed from the top of that page: a scrap of a logo or an ornament read as a letter (`y`).
    public var strayMark: String?
    public var sourceLine: Int?

    public init(number: String? = nil, runningHead: String? = nil, removedPageNumber: String? = nil, strayMark: String? = nil, sourceLine: Int? = nil) {
        self.number = number
        self.runningHead = runningHead
        self.removedPageNumber = removedPageNumber
        self.strayMark = strayMark
        self.sourceLine = sourceLine
    }
}
