@testable import BinderyText
import BinderyModel
import Testing

/// A title's second line right under it, the two set apart together by blank lines, is its subtitle: in parentheses,
/// or a short title-cased line. A sentence under a title is the text's first line, not part of the title.
@Suite("Subtitles under titles")
struct SubtitleTests {
    @Test func subtitlesJoinTheirTitles() throws {
        var lines: [String] = []
        let titles = [["A Terre", "(Being the Philosophy of Many Soldiers.)"], ["Strange Meeting", "Another Version"],
                      ["The Sentry", "He was hurt badly and then they carried him away."], ["The Show"]]
        for (index, title) in titles.enumerated() {
            lines += ["", "", ""] + title + ["", ""] + NumberingSchemeTests.paragraph(index * 2) + NumberingSchemeTests.paragraph(index * 2 + 1)
        }
        let found = headings(try read(lines.joined(separator: "\n"))).map(\.text)
        #expect(found.contains("A Terre (Being the Philosophy of Many Soldiers.)"), "\(found)")
        #expect(found.contains("Strange Meeting Another Version"), "\(found)")
        #expect(found.contains("The Sentry"), "\(found)")
        #expect(!found.contains { $0.contains("carried him") }, "\(found)")
    }
}
