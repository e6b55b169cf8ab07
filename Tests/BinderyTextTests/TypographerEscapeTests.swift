@testable import BinderyText
import Testing

@Suite("Typography: escaped quotation marks")
struct TypographerEscapeTests {
    @Test("a backslash before a quotation mark is export debris: removed, and the mark still curls the right way", arguments: [
        (#"The Birth of the \"Soviets\""#, "The Birth of the “Soviets”"),
        (#"The \"Pause\" (1905-1917)"#, "The “Pause” (1905-1917)"),
        (#"a \ b and C:\dir"#, #"a \ b and C:\dir"#),
    ])
    func escapes(source: String, expected: String) {
        var typographer = Typographer()
        #expect(typographer.apply(source) == expected)
    }
}
