import BinderyXML
import Foundation

/// One page of the OPDS 1.2 acquisition feed (Atom) of the published books: each entry with its title,
/// authors, language, time of publication, date issued, summary, and acquisition links to its EPUB, TEI and bag.
/// Bindery makes no cover image, so no entry has an `http://opds-spec.org/image` link.
struct OPDSFeed {
    static let mediaType = "application/atom+xml;profile=opds-catalog;kind=acquisition"
    static let acquisition = "http://opds-spec.org/acquisition"

    /// Books with a published EPUB, by title then path (a stable order for paging).
    let books: [LibraryEntry]
    let pageSize: Int
    /// Identifiers more than one book carries: copies of one source get the same UUID (from its SHA-256).
    private let sharedIdentifiers: Set<String>

    init(entries: [LibraryEntry], pageSize: Int) {
        books = entries.filter { $0.document.state == .published && $0.outputs[.epub] != nil }
            .sorted { ($0.title.lowercased(), $0.document.path) < ($1.title.lowercased(), $1.document.path) }
        self.pageSize = pageSize
        let counts = Dictionary(books.compactMap { $0.book.map { ($0.identifier, 1) } }, uniquingKeysWith: +)
        sharedIdentifiers = Set(counts.filter { $0.value > 1 }.keys)
    }

    /// Pages, at least one (an empty library has one empty page).
    var pageCount: Int { max(1, (books.count + pageSize - 1) / pageSize) }

    /// The Atom document of page `page` (1-based, at most `pageCount`).
    func render(page: Int) throws(XMLError) -> [UInt8] {
        let shown = books.dropFirst((page - 1) * pageSize).prefix(pageSize)
        let xml = try XMLWriter(indent: true)
        xml.startDocument()
        xml.startElement("feed")
        xml.attribute("xmlns", "http://www.w3.org/2005/Atom")
        xml.attribute("xmlns:dc", "http://purl.org/dc/terms/")
        xml.attribute("xmlns:opds", "http://opds-spec.org/2010/catalog")
        xml.element("id", text: "urn:bindery:catalog")
        xml.element("title", text: "Bindery library")
        xml.element("updated", text: UTCTimestamp.string(books.map(\.document.updatedAt).max() ?? Date().timeIntervalSince1970))
        xml.element("author") { xml.element("name", text: "Bindery") }
        link(xml, "self", "/opds?page=\(page)")
        link(xml, "start", "/opds")
        link(xml, "first", "/opds?page=1")
        link(xml, "last", "/opds?page=\(pageCount)")
        if page > 1 { link(xml, "previous", "/opds?page=\(page - 1)") }
        if page < pageCount { link(xml, "next", "/opds?page=\(page + 1)") }
        for book in shown { entry(xml, book) }
        xml.endElement()
        return try xml.finish()
    }

    private func link(_ xml: XMLWriter, _ rel: String, _ href: String) {
        xml.element("link", ["rel": rel, "href": href, "type": Self.mediaType])
    }

    private func entry(_ xml: XMLWriter, _ book: LibraryEntry) {
        let metadata = book.book
        xml.startElement("entry")
        xml.element("title", text: book.title)
        // Atom ids are unique in the feed: the book's identifier (as in its EPUB) when it is a URI that no other
        // book carries; otherwise its path id. Every copy of a shared identifier takes its path id, so that no
        // book's id depends on which other books are listed before it.
        let identifier = metadata?.identifier ?? ""
        let unique = identifier.contains(":") && !sharedIdentifiers.contains(identifier)
        xml.element("id", text: unique ? identifier : "urn:bindery:book:\(book.id)")
        xml.element("updated", text: UTCTimestamp.string(book.document.updatedAt))
        if let date = metadata?.date { xml.element("dc:issued", text: date) }
        for author in metadata?.authors ?? [] { xml.element("author") { xml.element("name", text: author) } }
        if let language = metadata?.language { xml.element("dc:language", text: language) }
        if let publisher = metadata?.publisher { xml.element("dc:publisher", text: publisher) }
        for subject in metadata?.subjects ?? [] { xml.element("category", ["term": subject, "label": subject]) }
        if let summary = metadata?.summary { xml.element("summary", ["type": "text"], text: summary) }
        for kind in [DownloadKind.epub, .tei, .bag] where book.outputs[kind.format] != nil {
            xml.element("link", ["rel": Self.acquisition, "href": kind.path(of: book.id), "type": kind.mediaType])
        }
        if book.outputs[.proof] != nil {
            xml.element("link", ["rel": "alternate", "href": DownloadKind.proof.path(of: book.id), "type": "text/html", "title": "Proof"])
        }
        xml.endElement()
    }
}
