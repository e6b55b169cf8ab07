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
        for block in document.blocks {
            if case .heading(let heading) = block, heading.level <= splitLevel, current.contains(where: Self.hasContent) {
                close()
            }
            current.append(block)
        }
        close()
        self.files = files
    }

    /// A file is worth closing once it holds more than page-break milestones.
    private static func hasContent(_ block: Block) -> Bool {
        if case .pageBreak = block { return false }
        return true
    }
}
