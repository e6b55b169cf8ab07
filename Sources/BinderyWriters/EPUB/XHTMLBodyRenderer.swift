import BinderyModel
import BinderyXML
import Foundation

/// Renders the blocks of one content file as XHTML body markup: one `switch` case per node.
final class XHTMLBodyRenderer {
    struct PendingNote {
        var sequence: Int
        var number: String
        var blocks: [Block]
        /// The file that holds the reference, for the back link.
        var referenceFile: String
    }

    private let xml: XMLWriter
    private let ids: EPUBIdentifiers
    /// The file being written, relative to `EPUB/`.
    let filePath: String
    /// Where the note texts go: this file (per chapter) or the book's notes file.
    private let notesFile: String
    private(set) var notes: [PendingNote] = []

    init(xml: XMLWriter, ids: EPUBIdentifiers, filePath: String, notesFile: String) {
        self.xml = xml
        self.ids = ids
        self.filePath = filePath
        self.notesFile = notesFile
    }

    func render(_ section: Section) {
        guard let heading = section.heading else {
            blocks(section.content)
            for child in section.children { render(child) }
            return
        }
        let semantics = EPUBVocabulary.semantics(of: heading.kind)
        let id = heading.info.attributes.id.map(Self.safeID) ?? ids.nextHeadingID()
        xml.startElement("section")
        xml.attributes([("epub:type", semantics.type), ("role", semantics.role), ("aria-labelledby", id)])
        xml.attribute("class", ([heading.kind.rawValue] + heading.info.attributes.classes).joined(separator: " "))
        xml.startElement("h\(min(6, max(1, heading.level)))")
        xml.attribute("id", id)
        let title = heading.inlines.plainText.trimmingCharacters(in: .whitespaces)
        // An empty heading is named, and keeps its notes and page breaks (every break is one of the page list's markers).
        if title.isEmpty { xml.text("Untitled") }
        inlines(heading.inlines)
        xml.endElement()
        ids.tocEntries.append(.init(level: heading.level, title: title.isEmpty ? "Untitled" : title, href: "\(filePath)#\(id)"))
        blocks(section.content)
        for child in section.children { render(child) }
        xml.endElement()
    }

    func blocks(_ blocks: [Block]) {
        for block in blocks { self.block(block) }
    }

    func block(_ block: Block) {
        switch block {
        case .heading(let heading):
            // Headings are sections (see `render`); one met here stands inside a quote or a list.
            xml.startElement("p")
            xml.attribute("class", "heading")
            inlines(heading.inlines)
            xml.endElement()
        case .paragraph(let content, let info):
            guard !content.isEmpty else { return }
            xml.startElement("p")
            attributes(info)
            inlines(content)
            xml.endElement()
        case .blockQuote(let content, let info):
            xml.startElement("blockquote")
            attributes(info)
            blocks(content)
            xml.endElement()
        case .list(let list):
            xml.startElement(list.ordered ? "ol" : "ul")
            attributes(list.info)
            for item in list.items {
                xml.startElement("li")
                blocks(item)
                xml.endElement()
            }
            xml.endElement()
        case .verse(let lines, let info) where info.attributes.isAddress:
            // A postal address: its lines, no poem's.
            xml.startElement("p")
            attributes(info)
            for (position, line) in lines.enumerated() {
                if position > 0 { xml.element("br") }
                inlines(line)
            }
            xml.endElement()
        case .verse(let lines, let info):
            xml.startElement("p")
            attributes(info, extraClass: "verse")
            // Lines, not paragraphs: a verse line is no paragraph of its own.
            for line in lines {
                xml.startElement("span")
                xml.attribute("class", "line")
                inlines(line)
                xml.fullEndElement()
                xml.element("br")
            }
            xml.endElement()
        case .sceneBreak(let info):
            xml.startElement("hr")
            attributes(info, extraClass: "scene-break")
            xml.endElement()
        case .figure(let figure):
            xml.startElement("figure")
            attributes(figure.info, extraClass: "figure")
            xml.element("img", ["src": Self.relative(EPUBWriter.imagePath(figure.image), from: filePath), "alt": figure.description])
            xml.endElement()
        case .pageBreak:
            pageBreak()
        }
    }

    func inlines(_ inlines: [Inline]) {
        for inline in inlines { self.inline(inline) }
    }

    private func inline(_ inline: Inline) {
        switch inline {
        case .text(let text):
            xml.text(text)
        case .emphasis(let content):
            xml.element("em") { inlines(content) }
        case .strong(let content):
            xml.element("strong") { inlines(content) }
        case .link(let url, let content):
            xml.element("a", ["href": url]) { inlines(content) }
        case .note(let note):
            let sequence = ids.nextNoteNumber()
            notes.append(PendingNote(sequence: sequence, number: note.number, blocks: note.blocks, referenceFile: filePath))
            let target = notesFile == filePath ? "#note-\(sequence)" : "\(Self.relative(notesFile, from: filePath))#note-\(sequence)"
            xml.element("a", ["href": target, "id": "noteref-\(sequence)", "epub:type": "noteref", "role": "doc-noteref"], text: note.number)
        case .pageBreak:
            pageBreak()
        case .lineBreak(let lineBreak):
            if !lineBreak.joinsWords { xml.text(" ") }
        }
    }

    private func pageBreak() {
        let (id, label) = ids.nextPage()
        xml.element("span", ["id": id, "epub:type": "pagebreak", "role": "doc-pagebreak", "aria-label": label])
        ids.pageEntries.append(.init(label: label, href: "\(filePath)#\(id)"))
    }

    private func attributes(_ info: NodeInfo, extraClass: String? = nil) {
        if let id = info.attributes.id { xml.attribute("id", Self.safeID(id)) }
        let classes = info.attributes.classes + [extraClass].compactMap { $0 }
        if !classes.isEmpty { xml.attribute("class", classes.joined(separator: " ")) }
    }

    /// Takes notes collected by other renderers (book-level endnotes).
    func adopt(_ collected: [PendingNote]) {
        notes += collected
    }

    /// Writes the notes collected so far as an endnotes section, then forgets them.
    func flushNotes(heading: String?) {
        guard !notes.isEmpty else { return }
        xml.startElement("section")
        xml.attributes([("epub:type", "endnotes"), ("role", "doc-endnotes"), ("class", "endnotes")])
        if let heading { xml.element("h2", text: heading) }
        xml.startElement("ol")
        for note in notes {
            xml.startElement("li")
            xml.attributes([("id", "note-\(note.sequence)"), ("epub:type", "endnote")])
            let back = note.referenceFile == filePath ? "#noteref-\(note.sequence)" : "\(Self.relative(note.referenceFile, from: filePath))#noteref-\(note.sequence)"
            var linked = false
            for block in note.blocks {
                if !linked, case .paragraph(let content, let info) = block {
                    xml.startElement("p")
                    attributes(info)
                    xml.element("a", ["href": back, "role": "doc-backlink"], text: "\(note.number).")
                    xml.text(" ")
                    noteInlines(content)
                    xml.endElement()
                    linked = true
                } else {
                    self.block(block)
                }
            }
            if !linked { xml.element("p") { xml.element("a", ["href": back, "role": "doc-backlink"], text: "\(note.number).") } }
            xml.endElement()
        }
        xml.endElement()
        xml.endElement()
        notes.removeAll()
    }

    /// Inside a note, a nested note is kept as its text in brackets rather than a second level of links.
    private func noteInlines(_ content: [Inline]) {
        for inline in content {
            if case .note(let nested) = inline {
                xml.text(" [\(nested.number): \(nested.blocks.map { $0.plainText }.joined(separator: " "))]")
            } else {
                self.inline(inline)
            }
        }
    }

    /// `target` relative to the folder of `from` (both are paths inside `EPUB/`).
    static func relative(_ target: String, from: String) -> String {
        let fromParts = from.split(separator: "/").dropLast()
        let targetParts = target.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < targetParts.count - 1, fromParts[fromParts.startIndex + common] == targetParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + targetParts[common...].map(String.init)).joined(separator: "/")
    }

    /// An XML id: letters, digits, `-`, `_`, `.`, starting with a letter.
    static func safeID(_ raw: String) -> String {
        let cleaned = String(raw.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".") })
        guard let first = cleaned.unicodeScalars.first, first.properties.isAlphabetic else { return "id-" + cleaned }
        return cleaned
    }
}
