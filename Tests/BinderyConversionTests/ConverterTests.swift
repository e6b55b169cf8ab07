import BinderyConversion
import BinderyModel
import BinderyWriters
import Foundation
import Testing

@Suite("Converter (the pure pipeline)")
struct ConverterTests {
    private let text = Array("A Small Book\n\nThe first paragraph.\n\nThe second paragraph.\n".utf8)

    private func source(_ bytes: [UInt8], sidecar: String? = nil) -> Converter.Source {
        Converter.Source(bytes: bytes, fileName: "small.txt", modified: Date(timeIntervalSince1970: 1_700_000_000), sidecar: sidecar.map { Array($0.utf8) })
    }

    @Test("one read gives all three outputs, in format order")
    func allFormats() throws {
        let result = try Converter().convert(source(text))
        #expect(result.outputs.map(\.format) == [.epub, .tei, .text])
        #expect(result.outputs.allSatisfy { !$0.bytes.isEmpty })
        #expect(result.document.source?.sha256 == Converter.sha256(text))
        #expect(result.document.source?.lineCount == 5)
    }

    @Test("the identifier is a UUID derived from the source: same text, same id; other text, other id")
    func identifier() {
        let id = Converter.identifier(for: text)
        #expect(id == Converter.identifier(for: text))
        #expect(id != Converter.identifier(for: text + [0x0A]))
        #expect(id.wholeMatch(of: #/urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/#) != nil)
    }

    @Test("a sidecar overrides the inferred metadata")
    func sidecar() throws {
        let yaml = """
        title: The Real Title
        author:
          - Jane Doe
          - {name: John Roe, role: edt, file-as: "Roe, John"}
        lang: fr
        identifier: urn:isbn:9780000000002
        subject: [history]
        """
        let document = try Converter().read(source(text, sidecar: yaml))
        #expect(document.metadata.title == "The Real Title")
        #expect(document.metadata.creators == [Contributor(name: "Jane Doe"), Contributor(name: "John Roe", role: "edt", fileAs: "Roe, John")])
        #expect(document.metadata.language == "fr")
        #expect(document.metadata.identifier == "urn:isbn:9780000000002")
        #expect(document.metadata.subjects == ["history"])
    }

    @Test("lines end at LF, CR LF or CR alone (old Macintosh files): a sidecar's line rules count them as the reader does",
          arguments: ["\n", "\r\n", "\r"])
    func lineEnds(end: String) throws {
        let text = ["CHAPTER I", "", "Some text here.", "", "CHAPTER II", "", "More text."].joined(separator: end) + end
        let document = try Converter().read(source(Array(text.utf8), sidecar: "structure:\n  headings:\n    - {line: 5, level: 2}\n"))
        #expect(document.source?.lineCount == 7)
        #expect(!document.diagnostics.contains { $0.code.hasPrefix("sidecar") && $0.severity != .info }, "\(document.diagnostics)")
        #expect(document.blocks.contains { if case .heading(let heading) = $0 { heading.level == 2 && heading.inlines.plainText == "CHAPTER II" } else { false } })
    }

    @Test("a sidecar that cannot be read is an error diagnostic naming the problem; the document is still converted", arguments: [
        ("title: [unclosed", "invalid YAML"), ("- just\n- a list", "mapping"),
    ])
    func badSidecar(yaml: String, expected: String) throws {
        let result = try Converter().convert(source(text, sidecar: yaml))
        let diagnostic = try #require(result.document.diagnostics.first { $0.code == "sidecar.invalid" })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains("small.meta.yaml"))
        #expect(diagnostic.message.contains(expected))
        #expect(result.outputs.count == 3)
    }

    @Test("a structure section is applied: paragraphs, hyphenation and notes words reach the reader")
    func structureSection() throws {
        let hyphenated = Array("A Small Book\n\nThe well-\nknown para-\ngraph runs on.\n".utf8)
        let auto = try Converter().read(source(hyphenated))
        let joined = try Converter().read(source(hyphenated, sidecar: "title: T\nstructure:\n  hyphenation: join\n"))
        let kept = try Converter().read(source(hyphenated, sidecar: "structure:\n  hyphenation: keep\n"))
        #expect(joined.metadata.title == "T")
        #expect(auto.editorial.contains { $0.text.contains("decided by the document's own vocabulary") } && auto.lineDecisions.allSatisfy { !$0.bySidecar })
        #expect(joined.blocks.map(\.plainText).joined(separator: " ").contains("wellknown paragraph"))
        #expect(kept.blocks.map(\.plainText).joined(separator: " ").contains("well-known para-graph"))
        #expect(joined.lineDecisions.allSatisfy { $0.bySidecar } && joined.lineDecisions.count == 2)
        #expect(joined.editorial.contains { $0.text.contains("By the sidecar small.meta.yaml: end-of-line hyphens: join") })
    }

    @Test("binary and empty sources fail with a message naming the file", arguments: [[0x50, 0x4B, 0x03, 0x04, 0, 0], []] as [[UInt8]])
    func refused(bytes: [UInt8]) {
        let error = #expect(throws: ConversionError.self) { try Converter().convert(source(bytes)) }
        #expect(error?.file == "small.txt")
        #expect(error?.description.hasPrefix("small.txt: ") == true)
    }

    @Test("the stem drops only the last extension")
    func stem() {
        #expect(Converter.Source(bytes: [], fileName: "a.b.txt", modified: Date()).stem == "a.b")
        #expect(Converter.Source(bytes: [], fileName: "README", modified: Date()).stem == "README")
    }
}
