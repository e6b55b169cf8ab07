@testable import BinderyText
import BinderyModel
import Testing

/// A document with one paragraph to a line (most of its lines paragraphs at the margin) still sets its displays as blocks of lines: a quotation wrapped and set in,
/// a stanza set in. Their lines go together (a sentence may end inside a quotation's line); items of a list stay apart.
@Suite("Displays in a document of one paragraph a line")
struct LinePerParagraphDisplayTests {
    static let paragraph = (0..<5).map { "Sentence \($0) of an ordinary paragraph, set on one long line as the whole paragraph is." }.joined(separator: " ")

    @Test func quotationStanzaAndListKeepTheirShape() throws {
        let text = [
            Self.paragraph, Self.paragraph, Self.paragraph, Self.paragraph, Self.paragraph, Self.paragraph, Self.paragraph, Self.paragraph,
            Self.paragraph, Self.paragraph, Self.paragraph, Self.paragraph,
            "It is from Miss Bingley, said Jane, and then read it aloud:",
            """
                “If you are not so compassionate as to dine today with Louisa
                and me, we shall be in danger of hating each other. Come as
                soon as you can on the receipt of this. My brother and the
                gentlemen are to dine with the officers.”
            """,
            Self.paragraph,
            """
                I have made fellowships—
                Untold of happy lovers in old song.
                For love is not the binding of fair lips
                With the soft silk of eyes that look and long,
            """,
            Self.paragraph,
            "  • the idea that socialism can be built in one country\n  • the idea that the state had degenerated\n  • the idea that workers cannot ally with others",
            Self.paragraph,
        ].joined(separator: "\n\n") + "\n"
        let document = try read(text)
        let quotes = document.blocks.compactMap { block -> String? in if case .blockQuote(let inner, _) = block { inner.map(\.plainText).joined() } else { nil } }
        #expect(quotes.count == 1, "\(quotes)")
        #expect(quotes.first?.hasPrefix("“If you are not so compassionate") == true && quotes.first?.hasSuffix("with the officers.”") == true)
        let verse = GutenbergPlayAndVerseTests.verseLines(document)
        #expect(verse == ["I have made fellowships—", "Untold of happy lovers in old song.", "For love is not the binding of fair lips",
                          "With the soft silk of eyes that look and long,"])
        #expect(document.blocks.contains { if case .list(let list) = $0 { list.items.count == 3 } else { false } }, "the items stay apart")
    }
}
