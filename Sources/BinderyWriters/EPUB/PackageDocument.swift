import BinderyModel
import BinderyXML
import Foundation

/// The package document (`content.opf`): metadata incl. accessibility, manifest and spine.
struct PackageDocument {
    struct Item {
        var id: String
        var href: String
        var mediaType: String
        var properties: String?
        var inSpine: Bool
    }

    var metadata: Metadata
    var identifier: String
    var language: String
    var modified: Date
    /// The pages the page list names, and how many of them carry their printed number.
    var pageCount: Int
    var printedPageCount: Int
    /// Figures showing pictures of the source.
    var figureCount = 0
    var sourceDescription: String
    var items: [Item]

    func bytes() throws(XMLError) -> [UInt8] {
        let xml = try XMLWriter(indent: true)
        xml.startDocument()
        xml.startElement("package")
        xml.attributes([("xmlns", "http://www.idpf.org/2007/opf"), ("version", "3.0"), ("unique-identifier", "book-id"), ("xml:lang", language)])
        xml.startElement("metadata")
        xml.attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        xml.element("dc:identifier", ["id": "book-id"], text: identifier)
        xml.element("dc:title", ["id": "title"], text: metadata.title ?? "Untitled")
        xml.element("meta", ["refines": "#title", "property": "title-type"], text: "main")
        if let subtitle = metadata.subtitle, !subtitle.isBlank {
            xml.element("dc:title", ["id": "subtitle"], text: subtitle)
            xml.element("meta", ["refines": "#subtitle", "property": "title-type"], text: "subtitle")
        }
        xml.element("dc:language", text: language)
        let creators = metadata.creators.filter { !$0.name.isBlank }, contributors = metadata.contributors.filter { !$0.name.isBlank }
        for (index, person) in creators.enumerated() { contributor(person, element: "dc:creator", id: "creator-\(index + 1)", xml: xml) }
        for (index, person) in contributors.enumerated() { contributor(person, element: "dc:contributor", id: "contributor-\(index + 1)", xml: xml) }
        if let publisher = metadata.publisher, !publisher.isBlank { xml.element("dc:publisher", text: publisher) }
        if let date = Timestamps.w3cDate(metadata.date) { xml.element("dc:date", text: date) }
        if let rights = metadata.rights, !rights.isBlank { xml.element("dc:rights", text: rights) }
        for subject in metadata.subjects where !subject.isBlank { xml.element("dc:subject", text: subject) }
        if let description = metadata.description, !description.isBlank { xml.element("dc:description", text: description) }
        xml.element("dc:source", ["id": "source"], text: sourceDescription)
        xml.element("meta", ["property": "dcterms:modified"], text: Timestamps.dateTime(modified))
        if let series = metadata.series, !series.isBlank {
            xml.element("meta", ["property": "belongs-to-collection", "id": "series"], text: series)
            xml.element("meta", ["refines": "#series", "property": "collection-type"], text: "series")
            if let position = metadata.seriesPosition, !position.isBlank {
                xml.element("meta", ["refines": "#series", "property": "group-position"], text: position)
            }
        }
        accessibility(xml)
        xml.endElement()

        xml.element("manifest") {
            for item in items {
                xml.startElement("item")
                xml.attributes([("id", item.id), ("href", item.href), ("media-type", item.mediaType), ("properties", item.properties)])
                xml.endElement()
            }
        }
        xml.element("spine", ["toc": "ncx"]) {
            for item in items where item.inSpine { xml.element("itemref", ["idref": item.id]) }
        }
        xml.endElement()
        return try xml.finish()
    }

    private func contributor(_ person: Contributor, element: String, id: String, xml: XMLWriter) {
        xml.element(element, ["id": id], text: person.name)
        xml.element("meta", ["refines": "#\(id)", "property": "role", "scheme": "marc:relators"], text: person.role)
        if let fileAs = person.fileAs, !fileAs.isBlank { xml.element("meta", ["refines": "#\(id)", "property": "file-as"], text: fileAs) }
    }

    /// What the page list holds, honestly: printed page numbers, or numbers inferred where none was printed.
    var pagesSummary: String {
        if printedPageCount == pageCount {
            return "The page breaks and page list follow the printed source's \(pageCount) pages and their printed numbers."
        }
        if printedPageCount == 0 {
            return "The page breaks and page list follow the source's \(pageCount) pages; no page number was printed in its text, so the pages are numbered in sequence."
        }
        return "The page breaks and page list follow the source's \(pageCount) pages: \(printedPageCount) of them carry their printed numbers, \(pageCount - printedPageCount) a number inferred from those."
    }

    /// EPUB Accessibility 1.1 discovery metadata (schema.org properties).
    private func accessibility(_ xml: XMLWriter) {
        xml.element("meta", ["property": "schema:accessMode"], text: "textual")
        // Pictures are described only by where they were printed: text alone does not carry them.
        if figureCount > 0 { xml.element("meta", ["property": "schema:accessMode"], text: "visual") }
        xml.element("meta", ["property": "schema:accessModeSufficient"], text: figureCount > 0 ? "textual,visual" : "textual")
        let hasPages = pageCount > 0
        var features = ["structuralNavigation", "tableOfContents", "readingOrder"]
        if hasPages { features += ["pageNavigation", "pageBreakMarkers"] }
        for feature in features { xml.element("meta", ["property": "schema:accessibilityFeature"], text: feature) }
        xml.element("meta", ["property": "schema:accessibilityHazard"], text: "none")
        var summary = figureCount > 0
            ? "E-book with structural navigation (headings and a table of contents) in reading order; its \(figureCount) picture(s) from the source have no description beyond where they were printed."
            : "Text-only e-book with structural navigation (headings and a table of contents) in reading order."
        if hasPages { summary += " " + pagesSummary }
        xml.element("meta", ["property": "schema:accessibilitySummary"], text: summary)
        if hasPages {
            xml.element("meta", ["property": "pageBreakSource"], text: sourceDescription)
        }
    }
}

extension String {
    /// Empty or only white space: a value the package document must leave out.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
