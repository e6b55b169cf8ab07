import BinderyModel
import Testing

/// Page breaks found, and taken out, inside emphasis and links too (a note's text must carry none of its own).
@Suite("Page breaks in inline runs")
struct PageBreakInlineTests {
    private let run: [Inline] = [.text("a "), .emphasis([.text("b"), .pageBreak(PageBreak(number: "7")), .strong([.pageBreak(PageBreak(number: "8"))])]),
                                 .link(url: "https://example.org", [.pageBreak(PageBreak(number: "9"))]), .pageBreak(PageBreak(number: "10"))]

    @Test("every break is found, nested ones too, in reading order")
    func found() {
        #expect(run.pageBreaks.map(\.number) == ["7", "8", "9", "10"])
    }

    @Test("every break is taken out, nested ones too, and nothing else")
    func removed() {
        let stripped = run.withoutPageBreaks
        #expect(stripped.pageBreaks.isEmpty)
        #expect(stripped.plainText == run.plainText)
        #expect(stripped == [.text("a "), .emphasis([.text("b"), .strong([])]), .link(url: "https://example.org", [])])
    }
}
