@testable import BinderyText
import BinderyModel
import Testing

@Suite("Words")
struct DehyphenatorTests {
    @Test(arguments: [
        ("the revolu-\ntion came; a revolution", "the revolution came; a revolution"),
        ("true self-\ngovernment and self-government", "true self-government and self-government"),
        ("the counter¬\nrevolution", "the counter-revolution"),
        ("Marx-\nEngels wrote", "Marx-Engels wrote"),
        ("a dash --\nhere", "a dash -- here"),
    ])
    func joinsOrKeeps(source: String, expected: String) {
        let lines = sourceLines(source)
        var dehyphenator = Dehyphenator(lines: lines)
        let group = LineGroup(lines: lines, blankBefore: 0)
        #expect(dehyphenator.inlines(group).plainText == expected)
    }

    /// A document that sets its em dashes closed (`word—word`) meets a line-end dash with no space; one that spaces
    /// them, or has too few to tell, keeps the space.
    @Test(arguments: [("—", "—", true), (" — ", "—", false), ("—", " —", false)])
    func closedDashesAtLineEnds(inside: String, atEnd: String, closes: Bool) {
        let sentences = (1...12).map { "the word\(inside)and another\($0)." }.joined(separator: " ")
        let lines = sourceLines("\(sentences)\nit was so\(atEnd)\nbut then")
        #expect(Dehyphenator.closedDashHabit(lines) == (inside == "—"))
        var dehyphenator = Dehyphenator(lines: lines)
        dehyphenator.closesDashes = Dehyphenator.closedDashHabit(lines)
        let text = dehyphenator.inlines(LineGroup(lines: Array(lines.suffix(2)), blankBefore: 0)).plainText
        #expect(text == (closes ? "it was so—but then" : "it was so\(atEnd) but then"))
        #expect(!Dehyphenator.closedDashHabit(sourceLines("a—b c—d")))
    }
}
