import BinderyModel
import Foundation

/// What `bindery inspect` shows: the outline with levels and source lines, counts and diagnostics.
public struct DocumentReport: Sendable, Codable {
    public struct OutlineEntry: Sendable, Codable {
        public var level: Int
        public var kind: String
        public var text: String
        public var line: Int?
    }

    public struct Counts: Sendable, Codable {
        public var lines: Int
        public var pages: Int
        public var headings: Int
        public var paragraphs: Int
        public var blockQuotes: Int
        public var lists: Int
        public var verses: Int
        public var sceneBreaks: Int
        public var notes: Int
        public var figures: Int
    }

    public var title: String?
    public var creators: [String]
    public var language: String
    public var outline: [OutlineEntry]
    public var counts: Counts
    public var editorial: [EditorialNote]
    public var diagnostics: [Diagnostic]

    public init(_ document: Document) {
        title = document.metadata.title
        creators = document.metadata.creators.map(\.name)
        language = document.metadata.language
        var counts = Counts(lines: document.source?.lineCount ?? 0, pages: document.pageBreaks.count, headings: 0, paragraphs: 0,
                            blockQuotes: 0, lists: 0, verses: 0, sceneBreaks: 0, notes: 0, figures: 0)
        var outline: [OutlineEntry] = []
        func countNotes(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .note: counts.notes += 1
                case .emphasis(let inner), .strong(let inner), .link(_, let inner): countNotes(inner)
                case .text, .pageBreak, .lineBreak: break
                }
            }
        }
        func visit(_ block: Block) {
            switch block {
            case .heading(let heading):
                counts.headings += 1
                countNotes(heading.inlines)
                outline.append(OutlineEntry(level: heading.level, kind: heading.kind.rawValue, text: heading.inlines.plainText, line: heading.info.source?.firstLine))
            case .paragraph(let inlines, _): counts.paragraphs += 1; countNotes(inlines)
            case .blockQuote(let blocks, _): counts.blockQuotes += 1; blocks.forEach(visit)
            case .list(let list): counts.lists += 1; list.items.forEach { $0.forEach(visit) }
            case .verse(let lines, let info):
                // A postal address is a paragraph whose lines are kept, not verse.
                if info.attributes.isAddress { counts.paragraphs += 1 } else { counts.verses += 1 }
                lines.forEach(countNotes)
            case .sceneBreak: counts.sceneBreaks += 1
            case .figure: counts.figures += 1
            case .pageBreak: break
            }
        }
        document.blocks.forEach(visit)
        self.outline = outline
        self.counts = counts
        editorial = document.editorial
        diagnostics = document.diagnostics
    }

    /// The human-readable form.
    public var text: String {
        var lines: [String] = []
        lines.append("Title: \(title ?? "(none)")" + (creators.isEmpty ? "" : " — " + creators.joined(separator: ", ")))
        lines.append("Language: \(language)")
        lines.append("Counts: \(counts.lines) lines, \(counts.pages) page breaks, \(counts.headings) headings, \(counts.paragraphs) paragraphs, "
            + "\(counts.notes) notes, \(counts.blockQuotes) block quotes, \(counts.lists) lists, \(counts.verses) verse, \(counts.sceneBreaks) scene breaks"
            + (counts.figures > 0 ? ", \(counts.figures) figures" : ""))
        lines.append("")
        lines.append("Outline:")
        if outline.isEmpty { lines.append("  (no headings)") }
        for entry in outline {
            let line = entry.line.map { String(format: "%6d", $0) } ?? "     -"
            lines.append("\(line)  " + String(repeating: "  ", count: max(0, entry.level - 1)) + "[\(entry.level) \(entry.kind)] \(entry.text)")
        }
        if !editorial.isEmpty {
            lines.append("")
            lines.append("Editorial decisions:")
            for note in editorial { lines.append("  \(note.category.rawValue): \(note.text)") }
        }
        lines.append("")
        lines.append("Diagnostics: \(diagnostics.count)")
        for diagnostic in diagnostics {
            lines.append("  \(diagnostic.severity.rawValue) \(diagnostic.code)" + (diagnostic.line.map { " line \($0)" } ?? "") + ": \(diagnostic.message)")
        }
        return lines.joined(separator: "\n")
    }
}
