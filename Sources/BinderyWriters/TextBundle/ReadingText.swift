import BinderyModel
import BinderyXML

/// The clean reading text: a title block, headings set off and underlined, paragraphs reflowed,
/// quotes indented, note markers as `[n]` and the notes gathered as `[n] text` after each chapter.
struct ReadingText {
    var document: Document
    var wrapWidth: Int
    /// Notes are gathered at the end of each division at or above this level.
    var noteLevel: Int

    /// The reading text, as UTF-8 bytes (as the bag stores it).
    func render() -> [UInt8] {
        var output = TextOutput(wrapWidth: wrapWidth)
        let (titlePage, body) = SourceTitlePage.split(document.blocks)
        for (index, line) in Self.titleBlock(document.metadata, titlePage).enumerated() {
            if index == 0 { output.heading(line, underline: "=") } else { output.paragraph(line) }
        }
        var notes: [(String, String)] = []
        func flushNotes() {
            guard !notes.isEmpty else { return }
            output.rule()
            for (number, text) in notes { output.paragraph("[\(number)] \(text)", hanging: true) }
            notes.removeAll()
        }
        func render(_ block: Block, indent: Int) {
            switch block {
            case .heading(let heading):
                if heading.level <= noteLevel { flushNotes() }
                let title = Self.text(heading.inlines, notes: &notes)
                if !title.isEmpty { output.heading(title, underline: heading.level <= 1 ? "=" : heading.level == 2 ? "-" : nil) }
            case .paragraph(let inlines, _):
                let text = Self.text(inlines, notes: &notes)
                if !text.isEmpty { output.paragraph(text, indent: indent) }
            case .blockQuote(let blocks, _):
                for inner in blocks { render(inner, indent: indent + 4) }
            case .list(let list):
                let printedMarkers = list.info.attributes.classes.contains("markers-in-text")
                for (index, item) in list.items.enumerated() {
                    let marker = printedMarkers ? "" : list.ordered ? "\(index + 1). " : "- "
                    let text = item.map { Self.blockText($0, notes: &notes) }.joined(separator: " ")
                    output.paragraph(marker + text, indent: indent, hanging: true, tight: true)
                }
                output.endTightRun()
            case .verse(let lines, let info):
                // A poem's lines are set in; an address's stand at the margin.
                for line in lines { output.line(Self.text(line, notes: &notes), indent: indent + (info.attributes.isAddress ? 0 : 2)) }
                output.endTightRun()
            case .sceneBreak:
                output.standalone("*   *   *", indent: max(0, (min(wrapWidth == 0 ? 72 : wrapWidth, 72) - 9) / 2))
            case .figure(let figure):
                output.paragraph(Self.placeholder(figure), indent: indent)
            case .pageBreak:
                break
            }
        }
        for block in body { render(block, indent: 0) }
        flushNotes()
        return output.utf8
    }

    /// The title block's paragraphs, the first set as the title: the source's own title page (the title, even over
    /// several lines, first), else the metadata's title, subtitle and creators.
    static func titleBlock(_ metadata: Metadata, _ titlePage: SourceTitlePage?) -> [String] {
        guard let titlePage else {
            return [metadata.displayTitle(fallback: "Untitled")] + (metadata.subtitle.map { [$0] } ?? [])
                + (metadata.creators.isEmpty ? [] : ["by " + metadata.creators.map(\.name).joined(separator: ", ")])
        }
        var notes: [(String, String)] = []
        let roles = titlePage.roles(metadata)
        let lines = zip(titlePage.blocks, roles).compactMap { block, role -> (String, Bool)? in
            if case .paragraph(let line, _) = block { (text(line, notes: &notes), role == .title) } else { nil }
        }
        let title = lines.filter(\.1).map(\.0)
        return [title.isEmpty ? metadata.displayTitle(fallback: "Untitled") : title.joined(separator: " ")] + lines.filter { !$0.1 }.map(\.0)
    }

    /// The text of inlines with note markers as `[n]`; each note's text is appended to `notes`.
    static func text(_ inlines: [Inline], notes: inout [(String, String)]) -> String {
        var result = ""
        for inline in inlines {
            switch inline {
            case .text(let string): result += XMLCharacters.clean(string)
            case .emphasis(let inner), .strong(let inner), .link(_, let inner): result += text(inner, notes: &notes)
            case .note(let note):
                result += "[\(note.number)]"
                var nested: [(String, String)] = []
                let body = note.blocks.map { blockText($0, notes: &nested) }.joined(separator: " ")
                notes.append((note.number, body))
                notes += nested
            case .pageBreak: break
            case .lineBreak(let lineBreak): if !lineBreak.joinsWords { result += " " }
            }
        }
        return TextOutput.collapseSpaces(result)
    }

    static func blockText(_ block: Block, notes: inout [(String, String)]) -> String {
        switch block {
        case .heading(let heading): text(heading.inlines, notes: &notes)
        case .paragraph(let inlines, _): text(inlines, notes: &notes)
        case .blockQuote(let blocks, _): blocks.map { blockText($0, notes: &notes) }.joined(separator: " ")
        case .list(let list): list.items.map { $0.map { blockText($0, notes: &notes) }.joined(separator: " ") }.joined(separator: " ")
        case .verse(let lines, _): lines.map { text($0, notes: &notes) }.joined(separator: " / ")
        case .figure(let figure): placeholder(figure)
        case .sceneBreak, .pageBreak: ""
        }
    }

    /// A figure in plain text: where its image lies in the bag.
    static func placeholder(_ figure: Figure) -> String {
        "[Figure: \(figure.description); data/images/\(figure.image)]"
    }
}
