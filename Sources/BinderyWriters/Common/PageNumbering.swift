import BinderyModel

/// The book's one page numbering, which the EPUB page list, the TEI `pb`s and the bag's `pages/` all follow. The text
/// before the first page break is page 1 (when there is any); each break opens the next page. A page is labelled with
/// the number printed on it where the reader found one; otherwise its label is inferred (from the nearest printed arabic
/// number before or after it, else its place in the book) and it is marked so.
public struct PageNumbering: Sendable {
    public struct Page: Sendable, Hashable {
        public var label: String
        /// The label is the number printed on the page, not an inference.
        public var printed: Bool
    }

    /// The page before the first break, when text stands there.
    public let leadingPage: Page?
    /// The page each break opens, in order.
    public let breakPages: [Page]

    public init(document: Document) {
        let breaks = document.pageBreaks
        let leading = !breaks.isEmpty && Self.textBeforeFirstBreak(document.blocks) == true
        let numbers: [String?] = (leading ? [nil] : []) + breaks.map { $0.number.flatMap { $0.isEmpty ? nil : $0 } }
        let values = numbers.map { $0.flatMap { Int($0) } }
        let pages = numbers.indices.map { index -> Page in
            if let number = numbers[index] { return Page(label: number, printed: true) }
            if let before = (0..<index).last(where: { values[$0] != nil }) {
                return Page(label: "\(values[before]! + index - before)", printed: false)
            }
            if let after = (index + 1..<numbers.count).first(where: { values[$0] != nil }), values[after]! - (after - index) >= 1 {
                return Page(label: "\(values[after]! - (after - index))", printed: false)
            }
            return Page(label: "\(index + 1)", printed: false)
        }
        leadingPage = leading ? pages.first : nil
        breakPages = Array(pages.dropFirst(leading ? 1 : 0))
    }

    /// Every page in order.
    public var pages: [Page] { (leadingPage.map { [$0] } ?? []) + breakPages }

    /// How many pages carry their printed number.
    public var printedCount: Int { pages.count { $0.printed } }

    /// Whether any text (a heading, a paragraph, a scene break, a picture) comes before the first page break; nil when
    /// `blocks` hold neither.
    static func textBeforeFirstBreak(_ blocks: [Block]) -> Bool? {
        for block in blocks {
            let found: Bool?
            switch block {
            case .pageBreak: found = false
            case .heading(let heading): found = textBeforeFirstBreak(heading.inlines)
            case .paragraph(let inlines, _): found = textBeforeFirstBreak(inlines)
            case .blockQuote(let inner, _): found = textBeforeFirstBreak(inner)
            case .list(let list): found = list.items.lazy.compactMap { textBeforeFirstBreak($0) }.first
            case .verse(let lines, _): found = lines.lazy.compactMap { textBeforeFirstBreak($0) }.first
            case .sceneBreak, .figure: found = true
            }
            if let found { return found }
        }
        return nil
    }

    private static func textBeforeFirstBreak(_ inlines: [Inline]) -> Bool? {
        for inline in inlines {
            let found: Bool?
            switch inline {
            case .text(let text): found = text.contains { !$0.isWhitespace } ? true : nil
            case .emphasis(let inner), .strong(let inner), .link(_, let inner): found = textBeforeFirstBreak(inner)
            case .note: found = true
            case .pageBreak: found = false
            case .lineBreak: found = nil
            }
            if let found { return found }
        }
        return nil
    }
}
