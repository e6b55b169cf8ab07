import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An Atom feed read with Foundation's `XMLParser` (libxml2 underneath), namespaces processed: parsing fails on
/// anything not well-formed; the feed's links and each entry's fields are kept with their namespace.
final class AtomFeed: NSObject, XMLParserDelegate {
    static let atom = "http://www.w3.org/2005/Atom"
    static let dcterms = "http://purl.org/dc/terms/"

    struct Link: Equatable {
        var rel: String
        var href: String
        var type: String
    }

    struct Entry {
        /// `{namespace}name` → text, for the entry's simple children (title, id, updated, summary, dc:language…).
        var fields: [String: String] = [:]
        var authors: [String] = []
        var links: [Link] = []
    }

    private(set) var rootName = ""
    private(set) var links: [Link] = []
    private(set) var entries: [Entry] = []
    private(set) var error: String?
    private var stack: [String] = []
    private var text = ""
    private var entry: Entry?

    init(_ bytes: [UInt8]) {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "not well-formed" }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        let key = "{\(namespaceURI ?? "")}\(name)"
        if stack.isEmpty { rootName = key }
        stack.append(key)
        text = ""
        if key == "{\(Self.atom)}entry" { entry = Entry() }
        if key == "{\(Self.atom)}link" {
            let link = Link(rel: attributes["rel"] ?? "alternate", href: attributes["href"] ?? "", type: attributes["type"] ?? "")
            if entry != nil { entry?.links.append(link) } else { links.append(link) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let key = stack.removeLast()
        if key == "{\(Self.atom)}entry", let finished = entry {
            entries.append(finished)
            entry = nil
        } else if entry != nil, key == "{\(Self.atom)}name", stack.last == "{\(Self.atom)}author" {
            entry?.authors.append(text)
        } else if entry != nil, stack.last == "{\(Self.atom)}entry" {
            entry?.fields[key] = text
        }
        text = ""
    }
}
