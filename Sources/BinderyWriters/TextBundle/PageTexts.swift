import BinderyModel
import BinderyXML
import Foundation

/// The text cut at the page breaks: one entry per printed page, in order, with its printed number.
struct PageTexts {
    struct Page {
        var number: String?
        var text: String
    }

    var pages: [Page]

    init(document: Document) {
        var pages: [Page] = []
        let pageBreaks = document.pageBreaks
        var number: String? = Self.numberBefore(pageBreaks.first?.number)
        var paragraphs: [String] = []
        var line = ""
        func endParagraph() {
            let text = TextOutput.collapseSpaces(line)
            if !text.isEmpty { paragraphs.append(text) }
            line = ""
        }
        func startPage(_ pageBreak: PageBreak) {
            endParagraph()
            pages.append(Page(number: number, text: paragraphs.joined(separator: "\n\n")))
            paragraphs = []
            number = pageBreak.number
        }
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let text): line += XMLCharacters.clean(text)
                case .emphasis(let inner), .strong(let inner), .link(_, let inner): walk(inner)
                case .note(let note): line += "[\(note.number)]"
                case .pageBreak(let pageBreak): startPage(pageBreak)
                case .lineBreak(let lineBreak): if !lineBreak.joinsWords { line += " " }
                }
            }
        }
        func walk(_ block: Block) {
            switch block {
            case .heading(let heading): walk(heading.inlines); endParagraph()
            case .paragraph(let inlines, _): walk(inlines); endParagraph()
            case .blockQuote(let blocks, _): blocks.forEach(walk)
            case .list(let list): list.items.forEach { $0.forEach(walk) }
            case .verse(let lines, _): for verseLine in lines { walk(verseLine); endParagraph() }
            case .sceneBreak: paragraphs.append("*   *   *")
            case .figure(let figure): paragraphs.append(ReadingText.placeholder(figure))
            case .pageBreak(let pageBreak): startPage(pageBreak)
            }
        }
        document.blocks.forEach(walk)
        endParagraph()
        pages.append(Page(number: number, text: paragraphs.joined(separator: "\n\n")))
        // Text before the first break is a page only when there is any.
        if pages.count > 1, pages[0].text.isEmpty { pages.removeFirst() }
        self.pages = pageBreaks.isEmpty ? [] : pages
    }

    /// The printed number of the page before one numbered `next`, when it is a number above 1.
    private static func numberBefore(_ next: String?) -> String? {
        guard let next, let value = Int(next), value > 1 else { return nil }
        return "\(value - 1)"
    }

    /// File names `pages/0012.txt` by printed number; unnumbered or repeated pages by position.
    var fileNames: [String] {
        var used: Set<String> = []
        return pages.enumerated().map { index, page in
            var name: String
            if let number = page.number, let value = Int(number), value >= 0 {
                name = Digits.zeroPadded(value, width: 4)
            } else if let number = page.number, number.allSatisfy({ $0.isLetter || $0.isNumber }), !number.isEmpty {
                name = number.lowercased()
            } else {
                name = "seq-" + Digits.zeroPadded(index + 1, width: 4)
            }
            if used.contains(name) { name += "-seq-" + Digits.zeroPadded(index + 1, width: 4) }
            used.insert(name)
            return "pages/\(name).txt"
        }
    }
}
