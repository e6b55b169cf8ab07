import BinderyModel
@testable import BinderyText
import Testing

@Suite("Diplomatic mode: line breaks kept")
struct DiplomaticModeTests {
    private let text = """
    A Title

    The revolu-
    tion was a self-
    government experiment, and it
    failed.

    The revolution again, and self-government.
    """

    private func paragraph(_ options: ReaderOptions) throws -> [Inline] {
        let document = try TextReader(options: options).read(Array(text.utf8))
        for case .paragraph(let inlines, _) in document.blocks where inlines.plainText.contains("experiment") { return inlines }
        Issue.record("paragraph not found")
        return []
    }

    @Test("off by default: no line breaks in the model")
    func offByDefault() throws {
        let inlines = try paragraph(ReaderOptions())
        #expect(!inlines.contains { if case .lineBreak = $0 { true } else { false } })
        #expect(inlines.plainText == "The revolution was a self-government experiment, and it failed.")
    }

    @Test("on: one line break per line end; break=no where a word runs on; the reading text is unchanged")
    func on() throws {
        let inlines = try paragraph(ReaderOptions(keepLineBreaks: true))
        let breaks = inlines.compactMap { inline -> LineBreak? in if case .lineBreak(let lineBreak) = inline { lineBreak } else { nil } }
        #expect(breaks.map(\.joinsWords) == [true, true, false])
        #expect(breaks.map(\.sourceLine) == [4, 5, 6])
        #expect(inlines.plainText == "The revolution was a self-government experiment, and it failed.")
    }
}
