import BinderyModel
import Foundation
import Testing

@Suite("Document model")
struct DocumentCodingTests {
    /// A document that uses every block and inline of the model.
    static let everyFeature = Document(
        metadata: Metadata(
            title: "Every Feature", subtitle: "A fixture", creators: [Contributor(name: "Ann Author", fileAs: "Author, Ann")],
            contributors: [Contributor(name: "Ed Editor", role: "edt")], language: "en-GB", identifier: "urn:isbn:9780000000002",
            date: "1921-03-18", publisher: "Fixture Press", sourceDescription: "A printed pamphlet", rights: "Public domain",
            subjects: ["testing"]),
        blocks: [
            .heading(Heading(level: 1, inlines: [.text("Part One")], kind: .part, info: NodeInfo(source: SourceRange(line: 3)))),
            .heading(Heading(level: 2, inlines: [.text("A "), .emphasis([.text("Chapter")])], kind: .chapter)),
            .paragraph([.text("Text with a note"), .note(Note(number: "1", blocks: [.paragraph([.text("The note.")])])),
                        .text(" and a page "), .pageBreak(PageBreak(number: "12", runningHead: "EVERY FEATURE", removedPageNumber: "12", sourceLine: 40)),
                        .text("break, "), .strong([.text("strong")]), .text(" and a "), .link(url: "https://example.org/", [.text("link")]), .text(".")],
                       NodeInfo(attributes: Attributes(id: "p1", classes: ["first"], pairs: [KeyValue("layout", "wrapped")]),
                                source: SourceRange(firstLine: 5, lastLine: 9))),
            .blockQuote([.paragraph([.text("Quoted.")])]),
            .list(ListBlock(ordered: true, items: [[.paragraph([.text("one")])], [.paragraph([.text("two")])]])),
            .verse(lines: [[.text("Line one,")], [.text("line two.")]]),
            .sceneBreak(),
            .figure(Figure(image: "figure-1.png", description: "Picture 1", info: NodeInfo(source: SourceRange(line: 8)))),
            .pageBreak(PageBreak(number: "13")),
            .heading(Heading(level: 1, inlines: [.text("Notes")], kind: .notes)),
        ],
        diagnostics: [Diagnostic(.warning, code: "test.code", "a message", line: 4)],
        editorial: [EditorialNote(.hyphenation, "Nothing joined.")],
        source: SourceInfo(fileName: "every.txt", byteCount: 100, sha256: String(repeating: "0", count: 64), lineCount: 10),
        images: [DocumentImage(name: "figure-1.png", mediaType: "image/png", bytes: [0x89, 0x50, 0x4E, 0x47], width: 1, height: 1)]
    )

    @Test("encodes and decodes to an equal document")
    func roundTrip() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(Self.everyFeature)
        let decoded = try JSONDecoder().decode(Document.self, from: data)
        #expect(decoded == Self.everyFeature)
        #expect(decoded.hashValue == Self.everyFeature.hashValue)
        #expect(try encoder.encode(decoded) == data)
    }

    @Test("carries its schema version")
    func schemaVersion() throws {
        let data = try JSONEncoder().encode(Document())
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == Document.currentSchemaVersion)
    }

    @Test("plain text leaves out notes and page breaks")
    func plainText() {
        guard case .paragraph(let inlines, _) = Self.everyFeature.blocks[2] else {
            Issue.record("fixture changed")
            return
        }
        #expect(inlines.plainText == "Text with a note and a page break, strong and a link.")
    }

    @Test("finds every page break in reading order")
    func pageBreaks() {
        #expect(Self.everyFeature.pageBreaks.map(\.number) == ["12", "13"])
    }

    @Test("display title falls back when the title is blank", arguments: [
        (nil as String?, "stem", "stem"), ("  ", "stem", "stem"), (" A  Title\n", "stem", "A Title"), (nil, "", "Untitled"),
    ])
    func displayTitle(title: String?, fallback: String, expected: String) {
        #expect(Metadata(title: title).displayTitle(fallback: fallback) == expected)
    }
}
