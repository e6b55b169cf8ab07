extension Inline {
    /// The reading text of an inline: notes and page breaks contribute nothing.
    public var plainText: String {
        switch self {
        case .text(let string): string
        case .emphasis(let inlines), .strong(let inlines), .link(_, let inlines): inlines.plainText
        case .note, .pageBreak: ""
        case .lineBreak(let lineBreak): lineBreak.joinsWords ? "" : " "
        }
    }
}

extension Array where Element == Inline {
    /// The reading text of a run of inlines: notes and page breaks contribute nothing.
    public var plainText: String { map(\.plainText).joined() }

    /// The run without its page breaks, inside emphasis and links too.
    public var withoutPageBreaks: [Inline] {
        compactMap { inline -> Inline? in
            switch inline {
            case .pageBreak: nil
            case .emphasis(let inlines): .emphasis(inlines.withoutPageBreaks)
            case .strong(let inlines): .strong(inlines.withoutPageBreaks)
            case .link(let url, let inlines): .link(url: url, inlines.withoutPageBreaks)
            case .text, .note, .lineBreak: inline
            }
        }
    }

    /// Every page break in the run, including those inside emphasis or links.
    public var pageBreaks: [PageBreak] {
        flatMap { inline -> [PageBreak] in
            switch inline {
            case .pageBreak(let pageBreak): [pageBreak]
            case .emphasis(let inlines), .strong(let inlines), .link(_, let inlines): inlines.pageBreaks
            case .text, .note, .lineBreak: []
            }
        }
    }
}

extension Block {
    /// Every page break in the block, between or inside paragraphs, in reading order.
    public var pageBreaks: [PageBreak] {
        switch self {
        case .pageBreak(let pageBreak): [pageBreak]
        case .heading(let heading): heading.inlines.pageBreaks
        case .paragraph(let inlines, _): inlines.pageBreaks
        case .blockQuote(let blocks, _): blocks.flatMap(\.pageBreaks)
        case .list(let list): list.items.flatMap { $0.flatMap(\.pageBreaks) }
        case .verse(let lines, _): lines.flatMap(\.pageBreaks)
        case .sceneBreak, .figure: []
        }
    }
}

extension Document {
    /// Every page break of the document in reading order.
    public var pageBreaks: [PageBreak] { blocks.flatMap(\.pageBreaks) }
}
