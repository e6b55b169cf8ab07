import BinderyModel

/// What became of each source line, read back from the source ranges and line decisions the reader recorded.
struct LineMap {
    private(set) var marks: [[ProofMark]]

    /// - Parameter quiet: lines a block's range spans without being part of it (blank lines, page furniture).
    init(document: Document, lineCount: Int, quiet: Set<Int> = []) {
        marks = Array(repeating: [], count: lineCount)
        self.quiet = quiet.union(document.lineDecisions.filter { [.runningHeadRemoved, .pageNumberRemoved, .strayMarkRemoved].contains($0.kind) }.map(\.line))
        var markerOf: [Int: Int] = [:]  // note text line → marker line
        for decision in document.lineDecisions where decision.kind == .noteMarker {
            if let target = decision.target { markerOf[target] = decision.line }
        }
        self.markerOf = markerOf
        for block in document.blocks { visit(block, container: nil) }
        for decision in document.lineDecisions { add(ProofMark(decision), at: decision.line) }
    }

    private let markerOf: [Int: Int]
    private let quiet: Set<Int>

    /// Lines no decision covers: blank, or outside the text.
    func isCovered(_ line: Int) -> Bool { line >= 1 && line <= marks.count && !marks[line - 1].isEmpty }

    private mutating func add(_ mark: ProofMark, at line: Int) {
        guard line >= 1, line <= marks.count, !marks[line - 1].contains(mark) else { return }
        marks[line - 1].append(mark)
    }

    private mutating func mark(_ range: SourceRange?, first: ProofMark, rest: ProofMark?) {
        guard let range else { return }
        for line in range.firstLine...max(range.firstLine, range.lastLine) where !quiet.contains(line) {
            if let mark = line == range.firstLine ? first : rest { add(mark, at: line) }
        }
    }

    private mutating func visit(_ block: Block, container: ProofMark?) {
        switch block {
        case .heading(let heading):
            let headingMark = ProofMark.heading(level: heading.level, kind: heading.kind, bySidecar: heading.info.attributes.isDecidedBySidecar)
            mark(heading.info.source, first: headingMark, rest: headingMark)
            inlines(heading.inlines)
        case .paragraph(let content, let info):
            let start = ProofMark.paragraphStart(classes: info.attributes.classes, bySidecar: info.attributes.isDecidedBySidecar)
            mark(info.source, first: container ?? start, rest: container ?? .joined)
            inlines(content, inParagraph: true)
        case .blockQuote(let blocks, let info):
            mark(info.source, first: .blockQuote, rest: .blockQuote)
            for inner in blocks { visit(inner, container: .blockQuote) }
        case .list(let list):
            mark(list.info.source, first: .list, rest: .list)
            for item in list.items { for inner in item { visit(inner, container: .list) } }
        case .verse(let lines, let info) where info.attributes.isAddress:
            mark(info.source, first: .paragraphStart(classes: info.attributes.classes, bySidecar: info.attributes.isDecidedBySidecar), rest: .joined)
            lines.forEach { inlines($0) }
        case .verse(let lines, let info):
            mark(info.source, first: .verse, rest: .verse)
            lines.forEach { inlines($0) }
        case .sceneBreak(let info):
            mark(info.source, first: .sceneBreak, rest: .sceneBreak)
        case .figure(let figure):
            mark(figure.info.source, first: .figure, rest: .figure)
        case .pageBreak(let page):
            if let line = page.sourceLine { add(.pageBreak(page, inParagraph: false), at: line) }
        }
    }

    private mutating func inlines(_ content: [Inline], inParagraph: Bool = false) {
        for inline in content {
            switch inline {
            case .pageBreak(let page):
                if let line = page.sourceLine { add(.pageBreak(page, inParagraph: inParagraph), at: line) }
            case .note(let note):
                let noteMark = ProofMark.noteText(number: note.number, markerLine: note.info.source.flatMap { markerOf[$0.firstLine] })
                mark(note.info.source, first: noteMark, rest: noteMark)
                for block in note.blocks { visit(block, container: noteMark) }
            case .emphasis(let inner), .strong(let inner), .link(_, let inner):
                inlines(inner, inParagraph: inParagraph)
            case .text, .lineBreak:
                break
            }
        }
    }
}
