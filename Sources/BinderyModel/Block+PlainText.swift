extension Block {
    /// The reading text of a block, its parts joined by spaces; notes and page breaks contribute nothing.
    public var plainText: String {
        switch self {
        case .heading(let heading): heading.inlines.plainText
        case .paragraph(let inlines, _): inlines.plainText
        case .blockQuote(let blocks, _): blocks.map(\.plainText).joined(separator: " ")
        case .list(let list): list.items.map { $0.map(\.plainText).joined(separator: " ") }.joined(separator: " ")
        case .verse(let lines, _): lines.map(\.plainText).joined(separator: " ")
        case .sceneBreak, .pageBreak, .figure: ""
        }
    }
}
