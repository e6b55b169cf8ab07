@testable import BinderyText
import BinderyModel
import Testing

/// Section titles in a book whose chapters are numbered through: set larger, they wrap early onto a second
/// line in pdftotext's raw text; a phrase with `by` in them is no byline; they stand one level under the
/// chapters their numbering runs through.
@Suite("Section titles")
struct SectionTitlesTests {
    /// Hard-wrapped prose at about 80 characters, no blank lines; it mentions natural selection in lower case.
    private func prose(_ seed: Int) -> [String] {
        ["Paragraph \(seed) begins here and runs across the whole measure of the page, set in"]
            + (0..<(3 + seed % 3)).map { "line \($0) of paragraph \(seed) runs on, and natural selection acts on the whole" }
            + ["the end of paragraph \(seed)."]
    }

    @Test("wrapped and phrase-bearing section titles under chapters numbered through the book")
    func sections() throws {
        var lines = ["On the Kinds of Things", "", "by Some Author", "", ""]
        var seed = 0
        for chapter in 1...4 {
            lines += ["", "\(TextShape.romanString(chapter))", "The Chapter of " + ["Beginnings", "Middles", "Turns", "Endings"][chapter - 1]]
            for section in 1...3 {
                seed += 1
                lines += prose(seed) + [""]
                switch section {
                case 1: lines += ["Complex Relations of All Animals and Plants to Each Other in the", "Struggle for Existence"]
                case 2: lines += ["Extinction Caused by Natural Selection"]
                default: lines += ["Summary of the Chapter"]
                }
                // Chapters of different lengths (numbers as evenly spaced as pages would read as folios).
                for _ in 0..<(section == 3 ? chapter * 2 : 1) {
                    seed += 1
                    lines += prose(seed)
                }
            }
        }
        let document = try read(lines.joined(separator: "\n"))
        let found = headings(document)
        #expect(found.filter { $0.text == "Complex Relations of All Animals and Plants to Each Other in the Struggle for Existence" }.count == 4, "\(found)")
        #expect(found.filter { $0.text == "Extinction Caused by Natural Selection" }.count == 4, "\(found)")
        #expect(document.metadata.creators.map(\.name) == ["Some Author"], "\(document.metadata.creators)")
        #expect(found.filter { $0.text.contains("The Chapter of") }.allSatisfy { $0.level == 1 }, "\(found)")
        #expect(found.filter { !$0.text.contains("The Chapter of") }.allSatisfy { $0.level == 2 }, "\(found)")
    }
}
