import BinderyModel

/// How the document is cut into XHTML files: a new file at every heading at or above the split level, never leaving a
/// file that holds only headings (a part's title goes on with its first chapter), and never letting one grow past
/// `largestFile` (older reading systems refuse files over 300 KB): a long division is cut at its next subheading
/// once past `preferredFile`, else before the block that would take it past `largestFile` (one block larger than
/// that, a quotation of 300 KB, stays whole).
struct EPUBContentPlan {
    struct File {
        /// Path inside the `EPUB/` folder, such as `text/ch003.xhtml`.
        var path: String
        var blocks: [Block]
        var title: String
    }

    /// Estimated XHTML bytes, notes included, past which a file is cut at its next heading of any level.
    static let preferredFile = 160_000
    /// Estimated XHTML bytes past which a file is cut at the next block, heading or not (~250 KB written).
    static let largestFile = 220_000

    var files: [File]

    init(document: Document, splitLevel: Int) {
        var files: [File] = []
        var current: [Block] = []
        var size = 0
        var title = document.metadata.displayTitle(fallback: "Text")
        func close() {
            guard !current.isEmpty else { return }
            if case .heading(let heading)? = current.first(where: { if case .pageBreak = $0 { false } else { true } }) {
                let text = heading.inlines.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !text.isEmpty { title = text }
            }
            files.append(File(path: "text/ch" + Digits.zeroPadded(files.count + 1, width: 3) + ".xhtml", blocks: current, title: title))
            current = []
            size = 0
        }
        for block in document.blocks {
            let blockSize = Self.estimatedBytes(block)
            if current.contains(where: Self.hasContent) {
                if case .heading(let heading) = block, heading.level <= splitLevel || size > Self.preferredFile {
                    close()
                } else if size + blockSize > Self.largestFile, Self.hasContent(block) {
                    close()
                }
            }
            current.append(block)
            size += blockSize
        }
        close()
        self.files = files
    }

    /// The first file that opens with a heading of the body (not a title page, dedication, epigraph or contents): where the
    /// `bodymatter` landmark ("Start of content") points.
    var bodyMatterStart: File? {
        files.first { file in
            guard case .heading(let heading)? = file.blocks.first(where: { if case .pageBreak = $0 { false } else { true } }) else { return false }
            return !heading.kind.isFrontMatter
        }
    }

    /// A file is worth closing once it holds more than headings, bylines and page-break milestones.
    private static func hasContent(_ block: Block) -> Bool {
        switch block {
        case .pageBreak, .heading: false
        case .paragraph(_, let info): !info.attributes.classes.contains("byline")
        default: true
        }
    }

    /// The XHTML a block writes, roughly: its text, its notes' text and some markup.
    static func estimatedBytes(_ block: Block) -> Int {
        switch block {
        case .heading(let heading): 80 + estimatedBytes(heading.inlines)
        case .paragraph(let inlines, _): 40 + estimatedBytes(inlines)
        case .blockQuote(let blocks, _): 60 + blocks.reduce(0) { $0 + estimatedBytes($1) }
        case .list(let list): 40 + list.items.joined().reduce(0) { $0 + 20 + estimatedBytes($1) }
        case .verse(let lines, _): 60 + lines.reduce(0) { $0 + 30 + estimatedBytes($1) }
        case .sceneBreak, .pageBreak: 120
        case .figure: 400
        }
    }

    private static func estimatedBytes(_ inlines: [Inline]) -> Int {
        inlines.reduce(0) { total, inline in
            total + {
                switch inline {
                case .text(let text): text.utf8.count
                case .emphasis(let inner), .strong(let inner): 20 + estimatedBytes(inner)
                case .link(let url, let inner): 30 + url.utf8.count + estimatedBytes(inner)
                case .note(let note): 300 + note.blocks.reduce(0) { $0 + estimatedBytes($1) }
                case .pageBreak: 120
                case .lineBreak: 6
                }
            }()
        }
    }
}
