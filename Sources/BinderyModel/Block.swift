/// A block of the flat document body. Divisions are `heading` blocks; writers nest them (see `Sections`).
public enum Block: Sendable, Codable, Hashable {
    case heading(Heading)
    case paragraph([Inline], NodeInfo = NodeInfo())
    case blockQuote([Block], NodeInfo = NodeInfo())
    case list(ListBlock)
    case verse(lines: [[Inline]], NodeInfo = NodeInfo())
    case sceneBreak(NodeInfo = NodeInfo())
    /// A page boundary between blocks (inside a paragraph it is an `Inline.pageBreak`).
    case pageBreak(PageBreak)

    /// Attributes and source lines of the block.
    public var info: NodeInfo {
        switch self {
        case .heading(let heading): heading.info
        case .paragraph(_, let info), .blockQuote(_, let info), .verse(_, let info), .sceneBreak(let info): info
        case .list(let list): list.info
        case .pageBreak(let pageBreak): NodeInfo(source: pageBreak.sourceLine.map { SourceRange(line: $0) })
        }
    }
}

/// A division title: its level (1 = top), its inlines and what kind of division it opens.
public struct Heading: Sendable, Codable, Hashable {
    public var level: Int
    public var inlines: [Inline]
    public var kind: DivisionKind
    public var info: NodeInfo

    public init(level: Int, inlines: [Inline], kind: DivisionKind = .chapter, info: NodeInfo = NodeInfo()) {
        self.level = max(1, level)
        self.inlines = inlines
        self.kind = kind
        self.info = info
    }
}

/// What a division is, to tell front and back matter from the body.
public enum DivisionKind: String, Sendable, Codable, Hashable, CaseIterable {
    case titlePage, dedication, epigraph, preface, introduction, contents
    case chapter, part, section, notes, appendix, bibliography, index, colophon

    /// Front matter goes in TEI `front`, before the body.
    public var isFrontMatter: Bool { [.titlePage, .dedication, .epigraph, .contents].contains(self) }
    /// Back matter goes in TEI `back`, after the body.
    public var isBackMatter: Bool { [.notes, .appendix, .bibliography, .index, .colophon].contains(self) }
}

/// A bulleted or numbered list; each item is a list of blocks.
public struct ListBlock: Sendable, Codable, Hashable {
    public var ordered: Bool
    public var items: [[Block]]
    public var info: NodeInfo

    public init(ordered: Bool, items: [[Block]], info: NodeInfo = NodeInfo()) {
        self.ordered = ordered
        self.items = items
        self.info = info
    }
}
