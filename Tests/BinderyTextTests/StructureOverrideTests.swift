import BinderyModel
@testable import BinderyText
import Testing

/// The reader applies a sidecar's `structure:` rules over inference, and marks what they decided.
@Suite("Structure overrides")
struct StructureOverrideTests {
    /// A title the paragraph builder runs into the paragraph under it (no blank line between them).
    private let wrapped = """
    The opening paragraph of the book runs across a line or two of text and
    ends here.

    A Quiet Interlude
    The second part begins on the next line, with no blank line above it, and
    it goes on for a while before it ends.
    """

    private func readWith(_ text: String, _ configure: (inout StructureOverrides) -> Void) -> Document {
        var overrides = StructureOverrides(sidecarName: "test.meta.yaml")
        configure(&overrides)
        return try! TextReader(overrides: overrides).read(Array(text.utf8))
    }

    private func headings(_ document: Document) -> [(level: Int, text: String, line: Int?, bySidecar: Bool)] {
        document.blocks.compactMap { block in
            guard case .heading(let heading) = block else { return nil }
            return (heading.level, heading.inlines.plainText, heading.info.source?.firstLine, heading.info.attributes.isDecidedBySidecar)
        }
    }

    @Test("a forced line inside a paragraph is split out as a heading; the text around it stays whole")
    func forcedLineSplitsItsParagraph() throws {
        let plain = try TextReader().read(Array(wrapped.utf8))
        #expect(!headings(plain).contains { $0.text == "A Quiet Interlude" })
        let document = readWith(wrapped) { $0.headings = [.init(.match("^A Quiet [A-Z][a-z]+$"), level: 1)] }
        let found = headings(document)
        #expect(found.count == 1)
        #expect(found.first?.text == "A Quiet Interlude" && found.first?.line == 4 && found.first?.level == 1 && found.first?.bySidecar == true)
        let text = document.blocks.map(\.plainText).joined(separator: "|")
        #expect(text.contains("and ends here.|A Quiet Interlude|The second part begins"))
        #expect(document.blocks.map(\.plainText).joined().count >= wrapped.filter { $0 != "\n" }.count - 12, "text was lost")
    }

    @Test("by line and by text, with a kind; a denial wins over a force, and an unused rule is a warning")
    func lineTextKindAndDenial() {
        let text = "Preface\n\nSome words.\n\nPart One\n\nMore words here.\n"
        let document = readWith(text) {
            $0.headings = [.init(.line(1), level: 1, kind: .preface), .init(.text("Part One"), level: 1), .init(.text("Nowhere"), level: 2)]
            $0.notHeadings = [.text("Part One")]
        }
        let found = headings(document)
        #expect(found.map(\.text) == ["Preface"])
        guard case .heading(let heading)? = document.blocks.first else { Issue.record("no heading first"); return }
        #expect(heading.kind == .preface)
        let denied = document.blocks.first { $0.plainText == "Part One" }
        if case .paragraph(_, let info)? = denied { #expect(info.attributes.isDecidedBySidecar) } else { Issue.record("Part One is not a paragraph: \(String(describing: denied))") }
        #expect(document.diagnostics.contains { $0.code == "sidecar.rule-unused" && $0.message.contains("text “Nowhere”") })
        #expect(document.editorial.contains { $0.text.hasPrefix("By the sidecar test.meta.yaml: 1 heading(s) forced (line 1); 1 inferred heading(s) made paragraphs (line 5)") })
    }

    @Test("running heads: matching lines leave the text and are kept on a page break")
    func runningHeads() {
        let text = "THE BOOK\n\nFirst page text that runs\non to the next page.\nTHE BOOK\nAnd more text here.\n"
        let document = readWith(text) { $0.runningHeads = ["^THE BOOK$"] }
        let reading = document.blocks.map(\.plainText).joined(separator: " ")
        #expect(!reading.contains("THE BOOK"))
        #expect(document.pageBreaks.map(\.runningHead) == ["THE BOOK", "THE BOOK"])
        #expect(document.lineDecisions.filter { $0.kind == .runningHeadRemoved }.map(\.line) == [1, 5])
        #expect(document.lineDecisions.filter { $0.kind == .runningHeadRemoved }.allSatisfy { $0.bySidecar })
    }

    @Test("paragraphs: line makes every line a paragraph; notes: off leaves markers and texts as printed")
    func paragraphsAndNotes() throws {
        let text = "Title\n\nThe first line of the text, which runs on\nAnd the second line that ends it here.\n"
        #expect(readWith(text) { $0.paragraphs = .line }.blocks.count { if case .paragraph = $0 { true } else { false } } == 2)
        #expect(readWith(text) { $0.paragraphs = .blank }.blocks.count { if case .paragraph = $0 { true } else { false } } == 1)
        let noted = "An Essay Title\n\nThe first claim.1 And a second one.\n\nAnother Essay\n\n1. See Bakunin, p. 3.\n\n2. Ibid., p. 4.\n"
        let linked = try TextReader().read(Array(noted.utf8))
        let off = readWith(noted) { $0.linkNotes = false }
        func notes(_ document: Document) -> Int { document.lineDecisions.count { $0.kind == .noteMarker } }
        #expect(notes(linked) == 1)
        #expect(notes(off) == 0)
        #expect(off.blocks.map(\.plainText).joined(separator: " ").contains("claim.1 And"))
    }
}
