import BinderyModel
import BinderyXML
import Foundation

/// The `text` element: a generated title page and front matter in `front`, the divisions in `body`,
/// notes sections, appendices and the index in `back`. One `switch` case per node.
struct TEIText {
    var document: Document

    func write(_ xml: XMLWriter) {
        // The source's own title page is the text's `titlePage`; the body goes on without it.
        let (sourceTitlePage, bodyBlocks) = SourceTitlePage.split(document.blocks)
        let root = Section.nest(bodyBlocks)
        var sections = root.children[...]
        var front: [Section] = []
        while let first = sections.first, let heading = first.heading, heading.kind.isFrontMatter, root.content.isEmpty {
            front.append(first)
            sections = sections.dropFirst()
        }
        var back: [Section] = []
        while let last = sections.last, let heading = last.heading, heading.kind.isBackMatter {
            back.insert(last, at: 0)
            sections = sections.dropLast()
        }
        let writer = TEIBlockWriter(xml: xml, images: document.images, pages: PageNumbering(document: document).breakPages)
        xml.element("front") {
            titlePage(xml, source: sourceTitlePage, writer: writer)
            for (index, section) in front.enumerated() { writer.division(section, position: index + 1) }
        }
        xml.element("body") {
            writer.blocks(root.content)
            for (index, section) in sections.enumerated() { writer.division(section, position: index + 1) }
            if root.content.isEmpty && sections.isEmpty { xml.element("p") }
        }
        if !back.isEmpty {
            xml.element("back") {
                for (index, section) in back.enumerated() { writer.division(section, position: index + 1) }
            }
        }
    }

    /// The source's title page line by line (the title as `docTitle`, a line naming a creator as `byline`, any other as a
    /// `titlePart`), headed by the title where it does not print it; else one made from the metadata.
    private func titlePage(_ xml: XMLWriter, source: SourceTitlePage?, writer: TEIBlockWriter) {
        let metadata = document.metadata
        xml.element("titlePage") {
            guard let source else {
                generatedTitle(xml)
                for creator in metadata.creators { xml.element("docAuthor", text: creator.name) }
                return
            }
            let roles = source.roles(metadata)
            if !roles.contains(.title) { generatedTitle(xml) }
            var index = 0
            while index < source.blocks.count {
                let block = source.blocks[index]
                guard case .paragraph(let line, _) = block else {
                    writer.blocks([block])
                    index += 1
                    continue
                }
                switch roles[index] {
                case .title:
                    // The lines the title is set in, one `titlePart` each.
                    let end = roles[index...].firstIndex { $0 != .title } ?? roles.count
                    xml.element("docTitle") {
                        for case .paragraph(let titleLine, _) in source.blocks[index..<end] {
                            xml.element("titlePart", ["type": "main"]) { writer.inlines(titleLine) }
                        }
                    }
                    index = end
                    continue
                case .subtitle: xml.element("titlePart", ["type": "sub"]) { writer.inlines(line) }
                case .byline: xml.element("byline") { writer.inlines(line) }
                case .other: xml.element("titlePart", ["type": "desc"]) { writer.inlines(line) }
                }
                index += 1
            }
        }
    }

    private func generatedTitle(_ xml: XMLWriter) {
        let metadata = document.metadata
        xml.element("docTitle") {
            xml.element("titlePart", ["type": "main"], text: metadata.displayTitle(fallback: "Untitled"))
            if let subtitle = metadata.subtitle { xml.element("titlePart", ["type": "sub"], text: subtitle) }
        }
    }
}

/// Writes divisions, blocks and inlines as TEI.
final class TEIBlockWriter {
    private let xml: XMLWriter
    /// The figures' images by name, written into the file (an archive's copy needs no other file).
    private let images: [String: DocumentImage]
    /// The page each break opens (`PageNumbering`): `pb/@n` where its number was printed, `@type="inferred"` where not.
    private let pages: [PageNumbering.Page]
    private var noteCount = 0
    private var divisionCount = 0
    private var pageCount = 0

    init(xml: XMLWriter, images: [DocumentImage], pages: [PageNumbering.Page]) {
        self.xml = xml
        self.pages = pages
        self.images = Dictionary(images.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A division, `xml:id` numbering the divisions in reading order and `n` its place among its siblings (from 1; the
    /// top-level ones of `front`, `body` and `back` each counted apart).
    func division(_ section: Section, position: Int) {
        divisionCount += 1
        xml.startElement("div")
        if let heading = section.heading { xml.attribute("type", heading.kind.rawValue) }
        xml.attribute("xml:id", "div-\(divisionCount)")
        xml.attribute("n", String(position))
        if let heading = section.heading {
            rend(heading.info)
            xml.element("head") { inlines(heading.inlines) }
        }
        blocks(section.content)
        for (index, child) in section.children.enumerated() { division(child, position: index + 1) }
        xml.endElement()
    }

    func blocks(_ blocks: [Block]) {
        for block in blocks { self.block(block) }
    }

    private func block(_ block: Block) {
        switch block {
        case .heading(let heading):
            xml.element("p", ["rend": "heading"]) { inlines(heading.inlines) }
        case .paragraph(let content, let info):
            xml.startElement("p")
            rend(info)
            inlines(content)
            xml.endElement()
        case .blockQuote(let content, let info):
            xml.startElement("quote")
            rend(info)
            blocks(content)
            xml.endElement()
        case .list(let list):
            xml.startElement("list")
            xml.attribute("rend", ([list.ordered ? "numbered" : "bulleted"] + list.info.attributes.classes).joined(separator: " "))
            for item in list.items { xml.element("item") { blocks(item) } }
            xml.endElement()
        case .verse(let lines, let info) where info.attributes.isAddress:
            xml.element("p") {
                xml.element("address") { for line in lines { xml.element("addrLine") { inlines(line) } } }
            }
        case .verse(let lines, let info):
            xml.startElement("lg")
            rend(info)
            for line in lines { xml.element("l") { inlines(line) } }
            xml.endElement()
        case .sceneBreak:
            xml.element("milestone", ["unit": "section", "rend": "scene-break"])
        case .figure(let figure):
            xml.element("figure") {
                xml.element("figDesc", text: figure.description)
                if let image = images[figure.image] {
                    xml.element("binaryObject", ["mimeType": image.mediaType, "width": "\(image.width)px", "height": "\(image.height)px"],
                                text: Data(image.bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
                }
            }
        case .pageBreak(let pageBreak):
            self.pageBreak(pageBreak)
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
            xml.element("emph") { inlines(content) }
        case .strong(let content):
            xml.element("hi", ["rend": "bold"]) { inlines(content) }
        case .link(let url, let content):
            xml.element("ref", ["target": url]) { inlines(content) }
        case .note(let note):
            noteCount += 1
            xml.element("note", ["place": note.placement.rawValue, "n": note.number, "xml:id": "note-\(noteCount)"]) {
                if note.blocks.isEmpty { xml.element("p") }
                blocks(note.blocks)
            }
        case .pageBreak(let pageBreak):
            self.pageBreak(pageBreak)
        case .lineBreak(let lineBreak):
            // Diplomatic mode: the line starts here; `break="no"` where a word runs on across it.
            if lineBreak.joinsWords {
                xml.element("lb", ["break": "no"])
            } else {
                xml.text("\n")
                xml.element("lb")
            }
        }
    }

    /// `<pb n="…"/>` (or `<pb type="inferred"/>`) followed by what was removed from the reading text at that boundary.
    private func pageBreak(_ pageBreak: PageBreak) {
        pageCount += 1
        xml.startElement("pb")
        if pageCount <= pages.count, pages[pageCount - 1].printed { xml.attribute("n", pages[pageCount - 1].label) } else { xml.attribute("type", "inferred") }
        xml.endElement()
        if let head = pageBreak.runningHead { xml.element("fw", ["type": "header"], text: head) }
        if let number = pageBreak.removedPageNumber { xml.element("fw", ["type": "pageNum"], text: number) }
        if let mark = pageBreak.strayMark { xml.element("fw", ["type": "other"], text: mark) }
    }

    private func rend(_ info: NodeInfo) {
        if !info.attributes.classes.isEmpty { xml.attribute("rend", info.attributes.classes.joined(separator: " ")) }
    }
}
