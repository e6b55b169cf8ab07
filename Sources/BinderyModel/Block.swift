/// A block of the flat document body. Divisions are `heading` blocks; writers nest them (see `Sections`).
public enum Block: Sendable, Codable, Hashable {
    case heading(Heading)
    case paragraph([Inline], NodeInfo = NodeInfo())
    case blockQuote([Block], NodeInfo = NodeInfo())
    case list(ListBlock)
    case verse(lines: [[Inline]], NodeInfo = NodeInfo())
    case sceneBreak(NodeInfo = NodeInfo())
    /// A picture of the source (a PDF's image), one of the document's `images`.
    case figure(Figure)
    /// A page boundary between blocks (inside a paragraph it is an `Inline.pageBreak`).
    case pageBreak(PageBreak)

    /// Attributes and source lines of the block.
    public var info: NodeInfo {
        switch self {
        case .heading(let heading): heading.info
        case .paragraph(_, let info), .blockQuote(_, let info), .verse(_, let info), .sceneBreak(let info): info
        case .list(let list): list.info
        case .figure(let figure): figure.info
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

/// A picture standing between blocks: the name of one of the document's `images`, and what the reader can say of it.
public struct Figure: Sendable, Codable, Hashable {
    /// The image's file name (`figure-1.png`), unique in the document.
    public var image: String
    /// A text alternative: where the picture was printed, since its content is not described.
    public var description: String
    public var info: NodeInfo

    public init(image: String, description: String, info: NodeInfo = NodeInfo()) {
        self.image = image
        self.description = description
        self.info = info
    }
}

/// An image file the document's figures show.
public struct DocumentImage: Sendable, Codable, Hashable {
    public var name: String
    /// `image/png`.
    public var mediaType: String
    public var bytes: [UInt8]
    /// In pixels.
    public var width: Int
    public var height: Int

    public init(name: String, mediaType: String, bytes: [UInt8], width: Int, height: Int) {
        self.name = name
        self.mediaType = mediaType
        self.bytes = bytes
        self.width = width
        self.height = height
    }
}
