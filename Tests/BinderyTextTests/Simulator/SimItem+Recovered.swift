import BinderyModel

extension SimItem {
    /// The blocks of a read document as compared. Page breaks, the notes heading and the title page
    /// (blocks of the title's and author's words before any other block) are left out; a quotation is its
    /// paragraphs' text.
    static func recovered(_ document: Document, book: SimBook) -> [SimItem] {
        var items: [SimItem] = []
        let titleWords = Set((book.title + " " + book.author + " by").headingWords)
        func isTitlePage(_ text: String) -> Bool { !text.headingWords.isEmpty && text.headingWords.allSatisfy(titleWords.contains) }
        for block in document.blocks {
            switch block {
            case .heading(let heading):
                let text = heading.inlines.plainText.whitespaceNormalized
                if heading.kind == .titlePage || heading.kind == .notes || text.lowercased() == "notes" { continue }
                if items.isEmpty, isTitlePage(text) { continue }
                items.append(SimItem(kind: .heading(level: heading.level), text: text))
            case .paragraph(let inlines, _):
                let text = inlines.plainText.whitespaceNormalized
                if items.isEmpty, isTitlePage(text) { continue }
                items.append(SimItem(kind: .paragraph, text: text, notes: notes(inlines)))
            case .blockQuote(let blocks, _):
                let inlines = blocks.flatMap { if case .paragraph(let inlines, _) = $0 { inlines + [.text(" ")] } else { [Inline.text($0.plainText + " ")] } }
                items.append(SimItem(kind: .quote, text: inlines.plainText.whitespaceNormalized, notes: notes(inlines)))
            case .pageBreak:
                continue
            case .verse, .list, .sceneBreak, .figure:
                let name = if case .verse = block { "verse" } else if case .list = block { "list" } else { "scene break" }
                items.append(SimItem(kind: .other(name), text: block.plainText.whitespaceNormalized))
            }
        }
        return items
    }

    /// The notes of a paragraph's inlines, each with the reading text before it.
    private static func notes(_ inlines: [Inline]) -> [SimNote] {
        var before = ""
        var found: [SimNote] = []
        for inline in inlines {
            if case .note(let note) = inline {
                found.append(SimNote(number: note.number, before: before.whitespaceNormalized,
                                     text: note.blocks.map(\.plainText).joined(separator: " ").whitespaceNormalized))
            }
            before += inline.plainText
        }
        return found
    }
}
