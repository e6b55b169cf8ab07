import BinderyModel
import BinderyXML
import Foundation

/// The text cut at the page breaks: one entry per page of the book's `PageNumbering`, in order.
struct PageTexts {
    struct Page {
        var number: PageNumbering.Page
        var text: String
    }

    var pages: [Page]

    init(document: Document, numbering: PageNumbering) {
        var texts: [String] = []
        var paragraphs: [String] = []
        var line = ""
        func endParagraph() {
            let text = TextOutput.collapseSpaces(line)
            if !text.isEmpty { paragraphs.append(text) }
            line = ""
        }
        func startPage() {
            endParagraph()
            texts.append(paragraphs.joined(separator: "\n\n"))
            paragraphs = []
        }
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let text): line += XMLCharacters.clean(text)
                case .emphasis(let inner), .strong(let inner), .link(_, let inner): walk(inner)
                case .note(let note): line += "[\(note.number)]"
                case .pageBreak: startPage()
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
            case .pageBreak: startPage()
            }
        }
        document.blocks.forEach(walk)
        endParagraph()
        texts.append(paragraphs.joined(separator: "\n\n"))
        // Text before the first break is a page only when the numbering counts one.
        if numbering.leadingPage == nil { texts.removeFirst() }
        pages = numbering.breakPages.isEmpty ? [] : zip(numbering.pages, texts).map { Page(number: $0, text: $1) }
    }

    /// File names `pages/0012.txt` by printed number; pages without one, or repeated ones, by position (`seq-0003`).
    var fileNames: [String] {
        var used: Set<String> = []
        return pages.enumerated().map { index, page in
            var name: String
            if page.number.printed, let value = Int(page.number.label), value >= 0 {
                name = Digits.zeroPadded(value, width: 4)
            } else if page.number.printed, page.number.label.allSatisfy({ $0.isLetter || $0.isNumber }) {
                name = page.number.label.lowercased()
            } else {
                name = "seq-" + Digits.zeroPadded(index + 1, width: 4)
            }
            if used.contains(name) { name += "-seq-" + Digits.zeroPadded(index + 1, width: 4) }
            used.insert(name)
            return "pages/\(name).txt"
        }
    }
}
