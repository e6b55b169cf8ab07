@testable import BinderyText
import BinderyModel
import Testing

/// Divisions named by a word the reader does not know (`Act`, `Scene`, `Stave`): their levels come from how the
/// book's numbering schemes nest, and the word's second scheme is not taken for an author's name.
@Suite("Named numbering schemes")
struct NamedSchemeTests {
    @Test("an outer and an inner named scheme, the inner starting again under each outer member, nest in two levels",
          arguments: [("Act", "Scene"), ("Stave", "Verse"), ("Teil", "Kapitel")])
    func outerAndInner(names: (String, String)) throws {
        var lines = ["A Play in Three Acts", "", "Some Author", "", ""]
        var seed = 0
        for outer in ["I", "II", "III"] {
            lines += ["", "", "\(names.0) \(outer)", ""]
            for inner in ["I", "II", "III"] {
                lines += ["\(names.1) \(inner)", ""]
                for _ in 0..<2 {
                    seed += 1
                    lines += NumberingSchemeTests.paragraph(seed) + [""]
                }
            }
        }
        let document = try read(lines.joined(separator: "\n"))
        let found = headings(document)
        #expect(found.filter { $0.text.hasPrefix(names.0) }.map(\.level) == [1, 1, 1], "\(found)")
        #expect(found.filter { $0.text.hasPrefix(names.1) }.map(\.level) == Array(repeating: 2, count: 9), "\(found)")
        #expect(!document.metadata.creators.contains { $0.name.hasPrefix(names.1) })
    }
}
