import BinderyModel

/// How the document is cut into XHTML files: a new file at every heading at or above the split level.
struct EPUBContentPlan {
    struct File {
        /// Path inside the `EPUB/` folder, such as `text/ch003.xhtml`.
        var path: String
        var blocks: [Block]
        var title: String
    }

    var files: [File]

    init(document: Document, splitLevel: Int) {
        var files: [File] = []
        var current: [Block] = []
        func close() {
            guard !current.isEmpty else { return }
            var title = document.metadata.displayTitle(fallback: "Text")
            if case .heading(let heading)? = current.first {
                let text = heading.inlines.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !text.isEmpty { title = text }
            }
            files.append(File(path: "text/ch" + Digits.zeroPadded(files.count + 1, width: 3) + ".xhtml", blocks: current, title: title))
            current = []
        }
        for block in Self.withoutEmptyNotesHeadings(document.blocks) {
            if case .heading(let heading) = block, heading.level <= splitLevel, current.contains(where: Self.hasContent) {
                close()
            }
            current.append(block)
        }
        close()
        self.files = files
    }

    /// The blocks without the headings of notes divisions left empty: their notes are the endnotes of the divisions
    /// that cite them (`epub.notes`), and a contents entry to an empty page helps no reader. TEI keeps them.
    static func withoutEmptyNotesHeadings(_ blocks: [Block]) -> [Block] {
        var kept: [Block] = []
        kept.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            if case .heading(let heading) = block, heading.kind == .notes {
                let next = blocks[(index + 1)...].first { if case .pageBreak = $0 { false } else { true } }
                if next == nil { continue }
                if case .heading(let following)? = next, following.level <= heading.level { continue }
            }
            kept.append(block)
        }
        return kept
    }

    /// A file is worth closing once it holds more than page-break milestones.
    private static func hasContent(_ block: Block) -> Bool {
        if case .pageBreak = block { return false }
        return true
    }
}
