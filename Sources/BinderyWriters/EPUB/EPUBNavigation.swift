import BinderyModel
import BinderyXML

/// The navigation documents: `nav.xhtml` (toc, landmarks, page-list) and `toc.ncx` for older readers.
struct EPUBNavigation {
    var title: String
    var identifier: String
    var language: String
    var toc: [EPUBIdentifiers.TocEntry]
    var pages: [EPUBIdentifiers.PageEntry]
    var titlePagePath: String
    var coverPagePath: String
    var firstBodyPath: String?
    /// The contents' heading when the sidecar names it (`toc-title`), else the language's own word.
    var tocTitle: String?
    var labels: GeneratedLabels { .forLanguage(language) }
    var contentsTitle: String { tocTitle ?? labels.contents }

    /// A tree of toc entries: each entry's children are the deeper entries that follow it.
    struct Node {
        var entry: EPUBIdentifiers.TocEntry
        var children: [Node]
    }

    var tree: [Node] {
        var root: [Node] = []
        func insert(_ entry: EPUBIdentifiers.TocEntry, into nodes: inout [Node]) {
            if let last = nodes.indices.last, nodes[last].entry.level < entry.level {
                insert(entry, into: &nodes[last].children)
            } else {
                nodes.append(Node(entry: entry, children: []))
            }
        }
        for entry in toc { insert(entry, into: &root) }
        // A text without headings still needs one entry: where the reading starts.
        if root.isEmpty { root = [Node(entry: .init(level: 1, title: labels.beginning, href: firstBodyPath ?? titlePagePath), children: [])] }
        return root
    }

    /// The body markup of `nav.xhtml`, to be wrapped by the chapter template.
    func navBody() throws(XMLError) -> String {
        let xml = try XMLWriter()
        xml.startElement("nav")
        xml.attributes([("epub:type", "toc"), ("role", "doc-toc"), ("id", "toc")])
        xml.element("h1", text: contentsTitle)
        list(tree, xml: xml)
        xml.endElement()

        xml.startElement("nav")
        xml.attributes([("epub:type", "landmarks"), ("id", "landmarks"), ("hidden", "hidden")])
        xml.element("h2", text: labels.landmarks)
        xml.startElement("ol")
        xml.element("li") { xml.element("a", ["epub:type": "cover", "href": coverPagePath], text: labels.cover) }
        xml.element("li") { xml.element("a", ["epub:type": "titlepage", "href": titlePagePath], text: labels.titlePage) }
        xml.element("li") { xml.element("a", ["epub:type": "toc", "href": "nav.xhtml#toc"], text: contentsTitle) }
        if let firstBodyPath {
            xml.element("li") { xml.element("a", ["epub:type": "bodymatter", "href": firstBodyPath], text: labels.start) }
        }
        xml.endElement()
        xml.endElement()

        if !pages.isEmpty {
            xml.startElement("nav")
            xml.attributes([("epub:type", "page-list"), ("role", "doc-pagelist"), ("id", "page-list"), ("hidden", "hidden")])
            xml.element("h2", text: labels.pages)
            xml.startElement("ol")
            for page in pages {
                xml.element("li") { xml.element("a", ["href": page.href], text: page.label) }
            }
            xml.endElement()
            xml.endElement()
        }
        return try xml.finishString()
    }

    private func list(_ nodes: [Node], xml: XMLWriter) {
        xml.startElement("ol")
        for node in nodes {
            xml.element("li") {
                xml.element("a", ["href": node.entry.href], text: node.entry.title)
                if !node.children.isEmpty { list(node.children, xml: xml) }
            }
        }
        xml.endElement()
    }

    /// `toc.ncx` (EPUB 2 navigation, kept for older reading systems).
    func ncx() throws(XMLError) -> [UInt8] {
        let xml = try XMLWriter(indent: true)
        xml.startDocument()
        xml.startElement("ncx")
        xml.attributes([("xmlns", "http://www.daisy.org/z3986/2005/ncx/"), ("version", "2005-1"), ("xml:lang", language)])
        let depth = Self.depth(of: tree)
        xml.element("head") {
            xml.element("meta", ["name": "dtb:uid", "content": identifier])
            xml.element("meta", ["name": "dtb:depth", "content": "\(depth)"])
            xml.element("meta", ["name": "dtb:totalPageCount", "content": "\(pages.count)"])
            xml.element("meta", ["name": "dtb:maxPageNumber", "content": "\(pages.compactMap { Int($0.label) }.max() ?? 0)"])
        }
        xml.element("docTitle") { xml.element("text", text: title) }
        var order = 0
        func points(_ nodes: [Node]) {
            for node in nodes {
                order += 1
                xml.element("navPoint", ["id": "nav-\(order)", "playOrder": "\(order)"]) {
                    xml.element("navLabel") { xml.element("text", text: node.entry.title) }
                    xml.element("content", ["src": node.entry.href])
                    points(node.children)
                }
            }
        }
        xml.element("navMap") { points(tree) }
        if !pages.isEmpty {
            xml.element("pageList") {
                xml.element("navLabel") { xml.element("text", text: labels.pages) }
                for (index, page) in pages.enumerated() {
                    order += 1
                    let type = Int(page.label) != nil ? "normal" : "front"
                    xml.element("pageTarget", ["id": "pt-\(index + 1)", "type": type, "value": "\(index + 1)", "playOrder": "\(order)"]) {
                        xml.element("navLabel") { xml.element("text", text: page.label) }
                        xml.element("content", ["src": page.href])
                    }
                }
            }
        }
        xml.endElement()
        return try xml.finish()
    }

    private static func depth(of nodes: [Node]) -> Int {
        nodes.map { 1 + depth(of: $0.children) }.max() ?? 0
    }
}
