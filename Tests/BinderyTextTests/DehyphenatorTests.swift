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
}
