import BinderyModel

/// The book's one page numbering, which the EPUB page list, the TEI `pb`s and the bag's `pages/` all follow. The text
/// before the first page break is page 1 (when there is any); each break opens the next page. A page is labelled with
/// the number printed on it where the reader found one; otherwise its label is inferred (from the nearest printed arabic
/// number before or after it, else its place in the book, never repeating another label) and it is marked so.
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
        // The nearest printed arabic number before and after each page, found in one pass each way.
        var before = [Int?](repeating: nil, count: numbers.count), after = before
        var last: Int?
        for index in numbers.indices { before[index] = last; if values[index] != nil { last = index } }
        last = nil
        for index in numbers.indices.reversed() { after[index] = last; if values[index] != nil { last = index } }
        var used = Set(numbers.compactMap { $0 })
        let pages = numbers.indices.map { index -> Page in
            if let number = numbers[index] { return Page(label: number, printed: true) }
            // An inferred label never repeats a printed one or another inferred one: it falls back to the page's
            // place, then to its place in lower-case roman numerals (front matter's numbering).
            let inferred = [before[index].map { values[$0]! + index - $0 }, after[index].map { values[$0]! - ($0 - index) }, index + 1]
                .compactMap { $0 }.filter { $0 >= 1 }.map(String.init) + [Self.roman(index + 1)]
            let label = inferred.first { !used.contains($0) } ?? "\(index + 1)·"
            used.insert(label)
            return Page(label: label, printed: false)
        }
        leadingPage = leading ? pages.first : nil
        breakPages = Array(pages.dropFirst(leading ? 1 : 0))
    }

    /// `n` in lower-case roman numerals.
    static func roman(_ value: Int) -> String {
        var rest = value, text = ""
        for (number, letters) in [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                                  (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
            while rest >= number { text += letters; rest -= number }
        }
        return text
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
