import BinderyModel

/// What became of each source line, read back from the source ranges the reader recorded.
struct LineMap {
    /// One decision about a line.
    enum Mark: Hashable {
        case heading(level: Int, kind: DivisionKind)
        case paragraphStart(classes: [String])
        case joined
        case blockQuote
        case list
        case verse
        case sceneBreak
        case pageBreak(PageBreak)
        case note(number: String)

        /// The CSS class and the legend word of the mark.
        var category: String {
            switch self {
            case .heading: "heading"
            case .paragraphStart: "paragraph"
            case .joined: "join"
            case .blockQuote: "quote"
            case .list: "list"
            case .verse: "verse"
            case .sceneBreak: "scene"
            case .pageBreak: "page"
            case .note: "note"
            }
        }

        var label: String {
            switch self {
            case .heading(let level, let kind): "heading \(level) · \(kind.rawValue)"
            case .paragraphStart(let classes): classes.isEmpty ? "¶ paragraph" : "¶ " + classes.joined(separator: " ")
            case .joined: "joined to the line above"
            case .blockQuote: "block quote"
            case .list: "list"
            case .verse: "verse"
            case .sceneBreak: "scene break"
            case .pageBreak(let page):
                "page break" + (page.number.map { " → p. \($0)" } ?? "")
                    + (page.runningHead.map { "; running head “\($0)” removed" } ?? "")
                    + (page.removedPageNumber.map { "; page number \($0) removed" } ?? "")
            case .note(let number): "note [\(number)] text, linked from its marker"
            }
        }
    }

    private(set) var marks: [[Mark]]

    init(document: Document, lineCount: Int) {
        marks = Array(repeating: [], count: lineCount)
        for block in document.blocks { visit(block, container: nil) }
    }

    /// Lines no decision covers: blank, or taken out of the reading text without a record.
    func isCovered(_ line: Int) -> Bool { line >= 1 && line <= marks.count && !marks[line - 1].isEmpty }

    private mutating func mark(_ range: SourceRange?, first: Mark, rest: Mark?) {
        guard let range else { return }
        for line in range.firstLine...range.lastLine where line >= 1 && line <= marks.count {
            let mark = line == range.firstLine ? first : rest
            if let mark, !marks[line - 1].contains(mark) { marks[line - 1].append(mark) }
        }
    }

    private mutating func visit(_ block: Block, container: Mark?) {
        switch block {
        case .heading(let heading):
            mark(heading.info.source, first: .heading(level: heading.level, kind: heading.kind), rest: .heading(level: heading.level, kind: heading.kind))
            inlines(heading.inlines)
        case .paragraph(let content, let info):
            mark(info.source, first: container ?? .paragraphStart(classes: info.attributes.classes), rest: container ?? .joined)
            inlines(content)
        case .blockQuote(let blocks, let info):
            mark(info.source, first: .blockQuote, rest: .blockQuote)
            for inner in blocks { visit(inner, container: .blockQuote) }
        case .list(let list):
            mark(list.info.source, first: .list, rest: .list)
            for item in list.items { for inner in item { visit(inner, container: .list) } }
        case .verse(let lines, let info):
            mark(info.source, first: .verse, rest: .verse)
            lines.forEach { inlines($0) }
        case .sceneBreak(let info):
            mark(info.source, first: .sceneBreak, rest: .sceneBreak)
        case .pageBreak(let page):
            mark(page.sourceLine.map { SourceRange(line: $0) }, first: .pageBreak(page), rest: nil)
        }
    }

    private mutating func inlines(_ content: [Inline]) {
        for inline in content {
            switch inline {
            case .pageBreak(let page):
                mark(page.sourceLine.map { SourceRange(line: $0) }, first: .pageBreak(page), rest: nil)
            case .note(let note):
                mark(note.info.source, first: .note(number: note.number), rest: .note(number: note.number))
                for block in note.blocks { visit(block, container: .note(number: note.number)) }
            case .emphasis(let inner), .strong(let inner), .link(_, let inner):
                inlines(inner)
            case .text, .lineBreak:
                break
            }
        }
    }
}
