import BinderyXML
import Foundation
import Testing

@Suite("libxml2 writer, parser and RELAX NG")
struct XMLWriterTests {
    @Test("text and attributes are escaped by libxml2")
    func escaping() throws {
        let xml = try XMLWriter()
        xml.startDocument()
        xml.element("a", ["title": "x < \"y\" & z"], text: "1 < 2 & 3 > 2")
        let output = try xml.finishString()
        #expect(output.contains("<a title=\"x &lt; &quot;y&quot; &amp; z\">1 &lt; 2 &amp; 3 &gt; 2</a>"))
        _ = try XMLDocumentTree(parsing: Array(output.utf8))
    }

    @Test("characters XML 1.0 forbids are dropped, the rest kept")
    func forbiddenCharacters() throws {
        let xml = try XMLWriter()
        xml.startDocument()
        xml.element("a", ["b": "x\u{1}y"], text: "ok\u{0}\u{B}\u{FFFE}é\u{1F600}")
        let output = try xml.finishString()
        #expect(output.contains("<a b=\"xy\">oké\u{1F600}</a>"))
        _ = try XMLDocumentTree(parsing: Array(output.utf8))
    }

    @Test("a fragment can be written without an XML declaration")
    func fragment() throws {
        let xml = try XMLWriter()
        xml.element("p") { xml.text("a & b") }
        #expect(try xml.finishString() == "<p>a &amp; b</p>")
        #expect(XMLWriter.escaped("<&>") == "&lt;&amp;&gt;")
    }

    @Test("malformed XML is reported with its line, not printed")
    func parseError() {
        do {
            _ = try XMLDocumentTree(parsing: Array("<a>\n<b></a>".utf8))
            Issue.record("malformed XML was accepted")
        } catch {
            #expect(error.code == .parse)
            #expect(error.line == 2)
        }
    }

    @Test("external entities are not loaded")
    func noNetwork() throws {
        let hostile = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
        let tree = try? XMLDocumentTree(parsing: Array(hostile.utf8))
        #expect(tree?.rootName == nil || tree?.rootName == "a")
    }

    @Test("RELAX NG validation accepts valid and rejects invalid documents")
    func relaxNG() throws {
        let schemaURL = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-test-\(UUID()).rng")
        try """
        <element name="book" xmlns="http://relaxng.org/ns/structure/1.0">
          <oneOrMore><element name="chapter"><text/></element></oneOrMore>
        </element>
        """.write(to: schemaURL, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaURL) }
        let schema = try RelaxNGSchema(contentsOfFile: schemaURL.path)
        try schema.validate(try XMLDocumentTree(parsing: Array("<book><chapter>One</chapter></book>".utf8)))
        #expect(throws: XMLError.self) { try schema.validate(try XMLDocumentTree(parsing: Array("<book><para/></book>".utf8))) }
    }
}
