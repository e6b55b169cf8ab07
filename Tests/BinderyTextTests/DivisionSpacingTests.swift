import BinderyModel
@testable import BinderyText
import Testing

/// Unnumbered titles (a story collection) that the document sets apart with more blank lines than its paragraphs:
/// a short line with only a paragraph's spacing (`Eliza resumed:`, a newspaper headline quoted in a story) is not
/// one of them, and the first title, right under the byline, is not part of the title page.
@Suite("Division spacing without numbers")
struct DivisionSpacingTests {
    static let prose = "The evening came down over the town and the river, and nobody in the house said a word about\n"
        + "it until the lamps were lit and the supper was laid on the table by the window."

    static func book(gapBefore: Int, gapAfter: Int) -> String {
        let titles = ["The Sisters", "An Encounter", "Araby", "Eveline"]
        var text = "\n\nTHE COLLECTION\n\n\nby Ann Author\n"
        for (index, title) in titles.enumerated() {
            text += String(repeating: "\n", count: gapBefore + 1) + title + String(repeating: "\n", count: gapAfter + 1) + prose + "\n\n"
            if index == 0 { text += "Eliza resumed:\n\n“So then, of course, they saw it.”\n\n" + prose + "\n\n" }
            if index == 2 { text += "Death of a Lady at Sydney Parade\n\n    A report of the inquest, set in as a quotation, and\n    running on for two lines.\n\n" }
            text += prose + "\n"
        }
        return text
    }

    @Test(arguments: [(3, 2), (4, 2), (4, 1), (2, 2)])
    func titlesAreTheWidelySpacedLines(gapBefore: Int, gapAfter: Int) throws {
        let document = try read(Self.book(gapBefore: gapBefore, gapAfter: gapAfter))
        let headings = document.blocks.compactMap { if case .heading(let heading) = $0 { heading.inlines.plainText } else { nil } }
        #expect(headings == ["The Sisters", "An Encounter", "Araby", "Eveline"])
        #expect(document.metadata.creators.map(\.name) == ["Ann Author"])
    }

    /// pdftotext -layout keeps centring: where the named divisions are centred, a short line standing alone at a
    /// text's indent (a stage direction, a verse line going on after a page break) is not a title.
    @Test func whereDivisionsAreCentredATextIndentedLineIsNoTitle() throws {
        let speech = (0..<6).map { "               A line of verse that the speaker says, number \($0)," }.joined(separator: "\n")
        var text = ""
        for act in ["I", "II", "III"] {
            text += "\n\n\n                                       Act \(act)\n\n\(speech)\n\n\n          Reenter Ophelia.\n\n\(speech)\n"
            text += "\n\n                 In which the majesty of buried Denmark\n\n\(speech)\n"
        }
        let document = try read(text)
        let headings = document.blocks.compactMap { if case .heading(let heading) = $0 { heading.inlines.plainText } else { nil } }
        #expect(headings == ["Act I", "Act II", "Act III"])
    }

    /// Centred titles long enough to come near the margin are centred on the divisions' column: titles, still; a
    /// line of verse that sits on that column has its stanza under it at its indent.
    @Test func aLongTitleCentredLikeTheDivisionsIsATitle() throws {
        func centred(_ title: String) -> String { String(repeating: " ", count: max(0, (72 - title.count) / 2)) + title }
        let prose = (0..<4).map { "Running text of the chapter, plain and long enough to fill the measure, line \($0)" }.joined(separator: "\n")
        let titles = ["Breeds of the Domestic Pigeon, Their Differences and Their Origin", "Unconscious Selection",
                      "Circumstances Favourable to the Power of Selection in Man"]
        var text = "", expected: [String] = []
        for (number, chapter) in ["I", "II", "III"].enumerated() {
            text += "\n\n\n\(centred(chapter))\n\n\n\(prose)\n"
            expected.append(chapter)
            for title in titles {
                text += "\n\n\n\(centred(title))\n\n\n\(prose)\n"
                expected.append(title)
            }
            // A stanza whose first line is as wide as a long title, centred by chance.
            let verse = "Two thousand souls and twenty thousand ducats of gold \(number)"
            let indent = String(repeating: " ", count: (72 - verse.count) / 2)
            text += "\n\n\n" + ([verse, "Will not debate the question of this straw", "This is the imposthume of much wealth"].map { indent + $0 }.joined(separator: "\n")) + "\n\n\(prose)\n"
        }
        let document = try read(text)
        let headings = document.blocks.compactMap { if case .heading(let heading) = $0 { heading.inlines.plainText } else { nil } }
        #expect(headings == expected)
    }
}
