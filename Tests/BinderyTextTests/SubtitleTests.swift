@testable import BinderyText
import BinderyModel
import Testing

/// A title's second line right under it, the two set apart together by blank lines, is its subtitle: in parentheses,
/// or a short title-cased line; a name is a byline. A sentence under a title is the text's first line, not part of the title.
@Suite("Subtitles under titles")
struct SubtitleTests {
    @Test func subtitlesJoinTheirTitles() throws {
        var lines: [String] = []
        let titles = [["A Terre", "(Being the Philosophy of Many Soldiers.)"], ["Dulce et Decorum Est", "A Gas Attack"], ["Strange Meeting", "Wilfred Owen"],
                      ["The Sentry", "He was hurt badly and then they carried him away."], ["The Show"]]
        for (index, title) in titles.enumerated() {
            lines += ["", "", ""] + title + ["", ""] + NumberingSchemeTests.paragraph(index * 2) + NumberingSchemeTests.paragraph(index * 2 + 1)
        }
        let found = headings(try read(lines.joined(separator: "\n"))).map(\.text)
        #expect(found.contains("A Terre (Being the Philosophy of Many Soldiers.)"), "\(found)")
        #expect(found.contains("Dulce et Decorum Est A Gas Attack"), "\(found)")
        #expect(!found.contains { $0.contains("Wilfred Owen") && $0.hasPrefix("Strange Meeting") }, "a name under a title is its byline: \(found)")
        #expect(found.contains("The Sentry"), "\(found)")
        #expect(!found.contains { $0.contains("carried him") }, "\(found)")
    }

    /// A subtitle in parentheses that ends in a full stop (`(Another Version of A Terre.)`) keeps its title a title
    /// though a dedication stands under it; the dedication (`To Siegfried Sassoon`) is no byline that makes the title an
    /// essay's over the others. An initialism (`S.I.W.`) is a title as they are.
    @Test func aSubtitleInParenthesesOverADedication() throws {
        var lines: [String] = []
        let titles = [["The Sentry"], ["Wild with All Regrets", "(Another Version of A Terre.)", "", "", "To Siegfried Sassoon"], ["The End"], ["S.I.W."], ["Futility"]]
        for (index, title) in titles.enumerated() {
            lines += ["", "", "", ""] + title + ["", ""] + NumberingSchemeTests.paragraph(index * 2) + NumberingSchemeTests.paragraph(index * 2 + 1)
        }
        let document = try read(lines.joined(separator: "\n"))
        let found = headings(document)
        #expect(found.map(\.text).contains("Wild with All Regrets (Another Version of A Terre.)"), "\(found)")
        // An initialism's full stop ends no sentence: it is a title, ranked as the others are.
        #expect(found.map(\.text).contains("S.I.W."), "\(found)")
        #expect(Set(found.filter { ["The Sentry", "The End", "S.I.W.", "Futility"].contains($0.text) }.map(\.level)) == [1], "\(found)")
    }

    /// In text that runs on without blank lines (pdftotext's), one blank line sets a title apart and its text starts
    /// right under it: a line in parentheses there is the title's subtitle all the same (under a title in mixed case).
    @Test func subtitlesInParenthesesInRunOnText() throws {
        let found = headings(try read(WrappedTitleTests.runOn([
            ["A Terre", "(Being the Philosophy of Many Soldiers.)"], ["Wild with All Regrets", "(Another Version of A Terre.)"],
            ["Variation Under Nature"], ["The Struggle for Existence", "(With an Account of Its Critics)"], ["KING CLAUDIUS", "(Aside to Polonius.)"],
        ]))).map(\.text)
        #expect(found.contains("A Terre (Being the Philosophy of Many Soldiers.)"), "\(found)")
        #expect(found.contains("Wild with All Regrets (Another Version of A Terre.)"), "\(found)")
        #expect(found.contains("The Struggle for Existence (With an Account of Its Critics)"), "\(found)")
        #expect(found.contains("Variation Under Nature"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("(") }, "\(found)")
        // A name in capitals over a parenthesis is a speaker over a stage direction.
        #expect(!found.contains { $0.contains("Aside") }, "\(found)")
    }

    /// A name right under the line that closes a quotation, then a blank line, signs the quotation (an epigraph's
    /// author), whether its first initial reads as a letter's number (`W. B. Yeats`) or not; it heads nothing. A title
    /// set apart from a quotation's close by a blank line is still one.
    @Test(arguments: ["W. B. Yeats", "William Butler Yeats", "Rabindranath Tagore"])
    func aNameUnderAQuotationSignsIt(name: String) throws {
        let epigraph = ["“I will to the King,", "And offer him consolation in his trouble,", "I cannot mourn him.”", name, ""]
        let document = try read(WrappedTitleTests.runOn([["Strange Meeting"], ["S.I.W."] + epigraph, ["The Show"], ["Futility"] + epigraph, ["Greater Love"]]))
        let found = headings(document).map(\.text)
        #expect(!found.contains(name), "\(found)")
        #expect(["Strange Meeting", "S.I.W.", "The Show", "Futility", "Greater Love"].allSatisfy(found.contains), "\(found)")
        #expect(document.blocks.map(\.plainText).joined(separator: "\n").components(separatedBy: name).count == 3, "the name kept in the text")
    }

    /// A title right under a paragraph that ends with a closing quotation mark, no quotation opened over it, is a title.
    @Test func aTitleUnderAParagraphEndingInAQuoteIsATitle() throws {
        let closing = ["He said it was so, and called it the “present", "day.”", "Greater Love", ""]
        let found = headings(try read(WrappedTitleTests.runOn([["Strange Meeting"], ["The Show"] + closing, ["Futility"]]))).map(\.text)
        #expect(found.contains("Greater Love"), "\(found)")
    }
}
