@testable import BinderyText
import BinderyModel
import Testing

/// Headings from the numbering schemes a document uses, and their levels from how the schemes nest.
@Suite("Numbering schemes")
struct NumberingSchemeTests {
    /// Hard-wrapped prose with no blank lines, as pdftotext gives a justified page: full lines, then a short last one.
    static func paragraph(_ seed: Int, lines count: Int = 3) -> [String] {
        // Lengths vary from paragraph to paragraph, as a book's do (evenly spaced numbers read as folios).
        ["Paragraph \(seed) begins here and runs across the whole measure of the page, set"]
            + (0..<(count + seed % 3)).map { "line \($0) of paragraph \(seed) runs across the whole measure of the page, set as" }
            + ["the end of paragraph \(seed)."]
    }

    @Test("a bare number on its own line, then its title, in hard-wrapped text without blank lines, is one heading")
    func bareNumberAndTitle() throws {
        var lines: [String] = []
        for (number, title) in [("I", "The Log of the Voyage"), ("II", "On Firm Ground"), ("III", "In the City"), ("IV", "Moscow")] {
            lines += [number, title] + Self.paragraph(lines.count) + Self.paragraph(lines.count + 1)
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == ["I The Log of the Voyage", "II On Firm Ground", "III In the City", "IV Moscow"])
        #expect(Set(found.map(\.level)) == [1])
    }

    /// A title nearly as wide as the text's lines, right under its number with the text right under it, is the number's
    /// title where it is title-cased and ends no sentence: with blank lines over the number or not, at the margin or
    /// centred (pdftotext's `-layout`). A paragraph's first line under a number, in sentence case, stays the paragraph's.
    @Test("in hard-wrapped text, a bare number, then a title as wide as a line of text, then the text: the title is the number's",
          arguments: [(0, 0), (3, 0), (0, 8), (3, 8)])
    func wideTitleUnderABareNumber(blanks: Int, centred: Int) throws {
        let titles = [("I", "The Communist Dictatorship and the Russian Revolution"), ("II", "On Firm Ground"),
                      ("III", "Mutual-Aid Arrangements in the Villages at the Present Day"), ("IV", "The Decline of the Guilds and the Rise of the Modern State"),
                      ("V", "Mutual-Aid Arrangements in the Villages of Netherlands at the Present Day")]
        var lines: [String] = []
        for (number, title) in titles {
            lines += Array(repeating: "", count: blanks) + [String(repeating: " ", count: centred + 30) + number, String(repeating: " ", count: centred) + title]
            lines += Self.paragraph(lines.count) + Self.paragraph(lines.count + 1)
        }
        lines += ["VI", "Paragraph six begins under its number and runs across the whole measure of its page, set"] + Self.paragraph(lines.count).dropFirst()
        let found = headings(try read(lines.joined(separator: "\n"))).map(\.text)
        #expect(found == titles.map { "\($0.0) \($0.1)" } + ["VI"], "\(found)")
    }

    @Test("in hard-wrapped text, a bare number set apart by blank lines with its title right under it, the title ending in a full stop, is one heading")
    func setApartTitleEndingInAFullStop() throws {
        var lines: [String] = []
        for (number, title) in [("I", "Swarms of Butterflies, Dragonflies, etc."), ("II", "Ants and Bees."), ("III", "Birds of Passage, etc."), ("IV", "Summary")] {
            lines += ["", "", "", number, title, "", ""] + Self.paragraph(lines.count) + Self.paragraph(lines.count + 1)
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == ["I Swarms of Butterflies, Dragonflies, etc.", "II Ants and Bees.", "III Birds of Passage, etc.", "IV Summary"], "\(found)")
    }

    @Test("a bare number and its title as one two-line group, a dateline under it: every chapter at one level")
    func twoLineGroups() throws {
        var lines = ["Preface", "", "", Self.paragraph(0).joined(separator: "\n"), "", ""]
        for (index, (number, title)) in [("I", "The Log of the Voyage"), ("II", "On Firm Ground"), ("III", "In the City")].enumerated() {
            lines += ["", "", number, title, "", "", "On Board the Ship.", "", Self.paragraph(index + 1).joined(separator: "\n"), "", ""]
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == ["Preface", "I The Log of the Voyage", "II On Firm Ground", "III In the City"])
        #expect(Set(found.map(\.level)) == [1], "\(found)")
    }

    @Test("numbering that starts again inside an appendix numbers the appendix's sections, one level down")
    func appendixSections() throws {
        var lines: [String] = []
        for (index, number) in ["I", "II", "III"].enumerated() { lines += ["", "", "", number, "Chapter Title \(index)", "", Self.paragraph(index).joined(separator: "\n")] }
        lines += ["", "", "", "Appendix", ""]
        for (index, number) in ["I", "II", "III"].enumerated() { lines += ["", number, "Section Title \(index)", "", Self.paragraph(index + 5).joined(separator: "\n")] }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.filter { $0.text.contains("Chapter") || $0.text == "Appendix" }.allSatisfy { $0.level == 1 }, "\(found)")
        #expect(found.filter { $0.text.contains("Section") }.count == 3)
        #expect(found.filter { $0.text.contains("Section") }.allSatisfy { $0.level == 2 }, "\(found)")
    }

    @Test("numbers that go on from another scheme's (`IV`, then `5.`) are the same divisions, at one level, though the first form comes back later")
    func schemeChangedMidBook() throws {
        var lines: [String] = []
        for (index, number) in ["I", "II", "III", "IV"].enumerated() { lines += ["", "", "", number, "Chapter Title \(index)", "", Self.paragraph(index).joined(separator: "\n")] }
        for number in 5...8 { lines += ["", "", "", "\(number). Chapter Title \(number)", "", Self.paragraph(number).joined(separator: "\n")] }
        // The first form comes back for the last chapter's sections.
        for (index, number) in ["I", "II", "III"].enumerated() { lines += ["", "", number, "Section Title \(index)", "", Self.paragraph(index + 9).joined(separator: "\n")] }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.filter { $0.text.contains("Chapter") }.count == 8, "\(found)")
        #expect(Set(found.filter { $0.text.contains("Chapter") }.map(\.level)) == [1], "\(found)")
    }

    @Test("a number and a title wider than the measure, set apart together by blank lines, are one heading; run on, they are not",
          arguments: [true, false])
    func wideTitleUnderNumber(setApart: Bool) throws {
        let wide = "Position of the Communists in Relation to the Various Existing Opposition Parties"
        var lines: [String] = []
        for (index, (number, title)) in [("I", "Bourgeois and Proletarians"), ("II", "Proletarians and Communists"), ("III", wide)].enumerated() {
            let after = title == wide && !setApart ? [] : ["", ""]
            lines += ["", "", "", number, title] + after + Self.paragraph(index) + Self.paragraph(index + 3)
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.prefix(2).map(\.text) == ["I Bourgeois and Proletarians", "II Proletarians and Communists"], "\(found)")
        #expect(found.contains { $0.text == "III " + wide } == setApart, "\(found)")
    }

    @Test("a title under a bare number may hold a colon or semicolons: it is that chapter's title, at its level")
    func punctuatedTitlesUnderNumbers() throws {
        var lines: [String] = []
        for (number, title) in [("I", "The Log of the Voyage"), ("II", "Odessa: Life and Vision"), ("III", "Natural Selection; or the Survival"), ("IV", "Moscow")] {
            lines += ["", "", number, title, ""] + Self.paragraph(lines.count) + [""] + Self.paragraph(lines.count + 1)
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == ["I The Log of the Voyage", "II Odessa: Life and Vision", "III Natural Selection; or the Survival", "IV Moscow"])
        #expect(Set(found.map(\.level)) == [1], "\(found)")
    }

    /// pdftotext -layout keeps centring: a wide title wrapped with its rest centred under it, and a number and
    /// title centred at a page's foot with their text on the next page, are each one heading.
    @Test("centred titles: wrapped under their number, or at a page's foot")
    func centredTitles() throws {
        var seed = 0
        func paragraph() -> [String] {
            seed += 1
            var lines = Self.paragraph(seed)
            lines[0] = "   " + lines[0]
            return lines
        }
        var body: [String] { paragraph() + paragraph() + paragraph() }
        func chapter(_ number: String, _ title: [String]) -> [String] {
            ["", "                              \(number)", ""] + title + body
        }
        var lines = chapter("I", ["          The First Chapter"]) + chapter("II", ["          The Second Chapter"])
        lines += chapter("III", ["  Position of the Communists in Relation to the Various Exist\u{2010}", "                     ing Opposition Parties"])
        lines += chapter("IV", ["                          Swarms of Butterflies, Dragonflies, etc."])
        lines += ["", "", "                              V", "         The Sixth Chapter and Its Title Set at the Foot of the Page", "\u{0C}"] + Self.paragraph(99) + body
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == ["I The First Chapter", "II The Second Chapter",
                                     "III Position of the Communists in Relation to the Various Existing Opposition Parties",
                                     "IV Swarms of Butterflies, Dragonflies, etc.", "V The Sixth Chapter and Its Title Set at the Foot of the Page"])
    }

    @Test("numbering that starts again at one inside a chapter, the chapters' own numbering going on after it, is one level down")
    func restartInsideAChapter() throws {
        var lines: [String] = []
        func chapter(_ number: String, _ title: String?) {
            lines += ["", "", number] + (title.map { [$0] } ?? []) + [""] + Self.paragraph(lines.count) + [""] + Self.paragraph(lines.count + 1)
        }
        for (number, title) in [("I", "The Log of the Voyage"), ("II", "On Firm Ground")] { chapter(number, title) }
        for number in ["I", "II", "III"] { chapter(number, nil) }
        for (number, title) in [("III", "In the City"), ("IV", "Moscow")] { chapter(number, title) }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == ["I The Log of the Voyage", "II On Firm Ground", "I", "II", "III", "III In the City", "IV Moscow"])
        #expect(found.map(\.level) == [1, 1, 2, 2, 2, 1, 1], "\(found)")
    }

    /// A few sections numbered again at the very end are the last chapter's; as many as a part's chapters, they are a
    /// part's whose title went missing, and stay where the chapters stand.
    @Test("numbering that starts again for a few sections at the end is the last chapter's, one level down", arguments: [2, 3, 6])
    func restartClosingTheText(sections: Int) throws {
        var lines: [String] = []
        func chapter(_ number: String, _ title: String?) {
            lines += ["", "", number] + (title.map { [$0] } ?? []) + [""] + Self.paragraph(lines.count) + [""] + Self.paragraph(lines.count + 1)
        }
        let chapters = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
        for number in chapters { chapter(number, "Chapter Named \(number)") }
        for number in chapters.prefix(sections) { chapter(number, nil) }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == chapters.map { "\($0) Chapter Named \($0)" } + chapters.prefix(sections), "\(found)")
        #expect(found.map(\.level) == Array(repeating: 1, count: 20) + Array(repeating: sections * 10 <= 20 ? 2 : 1, count: sections), "\(found)")
    }

    @Test("three schemes nest: roman chapters, arabic sections, lettered subsections (C is a letter here)")
    func threeLevels() throws {
        var lines = ["", "", "I", "The First Chapter", "", Self.paragraph(0).joined(separator: "\n"), "", "", "II", "The Second Chapter", ""]
        for (number, letters) in [("1", ["(A)", "(B)", "(C)"]), ("2", []), ("3", [])] {
            lines += ["", "", number, "A Section Called \(number)", "", Self.paragraph(Int(number)!).joined(separator: "\n")]
            for letter in letters { lines += ["", letter, "Subsection \(letter.dropFirst().prefix(1))", "", Self.paragraph(7).joined(separator: "\n")] }
        }
        lines += ["", "", "III", "The Last Chapter", "", Self.paragraph(9).joined(separator: "\n")]
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.level) == [1, 1, 2, 3, 3, 3, 2, 2, 1], "\(found)")
    }

    @Test("parts over chapters whose numbers restart, and bare arabic aphorisms under titled chapters, nest")
    func nestedSchemes() throws {
        var parts: [String] = []
        for part in ["I", "II", "III"] {
            parts += ["Part \(part)"]
            for chapter in ["I", "II", "III"] { parts += [chapter] + Self.paragraph(parts.count) }
        }
        let partFound = headings(try read(parts.joined(separator: "\n")))
        #expect(partFound.count == 12)
        #expect(partFound.filter { $0.text.hasPrefix("Part") }.allSatisfy { $0.level == 1 })
        #expect(partFound.filter { !$0.text.hasPrefix("Part") }.allSatisfy { $0.level == 2 })

        var aphorisms: [String] = ["Preface"] + Self.paragraph(0)
        var number = 1
        for (chapter, title) in [("I", "Prejudices of Thinkers"), ("II", "The Free Spirit"), ("III", "The Religious Mood")] {
            aphorisms.append("\(chapter) \(title)")
            for _ in 0..<3 { aphorisms += ["\(number)"] + Self.paragraph(number); number += 1 }
        }
        let found = headings(try read(aphorisms.joined(separator: "\n")))
        #expect(found.filter { $0.text.first?.isNumber == true }.map(\.text) == (1...9).map(String.init))
        #expect(found.filter { $0.text.first?.isNumber == true }.allSatisfy { $0.level == 2 })
        #expect(found.filter { $0.text.contains(" ") }.allSatisfy { $0.level == 1 }, "\(found)")
    }

    @Test("near misses: a numbered list, numbers that do not rise, and folios as evenly spaced as pages stay text")
    func nearMisses() throws {
        let list = ["Do these things:", "1. Open the door", "2. Close the window", "3. Sit down", "4. Read the book"] + Self.paragraph(1)
        #expect(headings(try read(list.joined(separator: "\n"))).isEmpty)
        var scattered: [String] = []
        for number in [3, 17, 5, 12] { scattered += ["\(number)"] + Self.paragraph(number) }
        #expect(headings(try read(scattered.joined(separator: "\n"))).isEmpty)
        var pages: [String] = []
        let page = (0..<28).map { "line \($0) of a page of running text that fills the whole measure of the page," }
        for number in 1...6 { pages += ["Page \(number) opens with a sentence that runs across the whole measure of it"] + page + ["\(number + 10)"] }
        #expect(headings(try read(pages.joined(separator: "\n"))).isEmpty)
    }

    @Test("a dateline or signature ending in a period, right above a heading, is not a heading")
    func signatureAboveHeading() throws {
        var lines: [String] = []
        for (index, number) in ["I", "II", "III"].enumerated() {
            lines += ["", "", "", number, "", ""] + [Self.paragraph(index).joined(separator: "\n")] + ["", "Alexander Berkman."]
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == ["I", "II", "III"])
    }
}

/// A title offered under a bare number is taken where the scheme's members usually have one, or where it is
/// title-cased; a poem's numbered parts open on verse lines, one or two of which could pass for titles.
@Suite("Titles under bare numbers")
struct TitlesUnderNumbersTests {
    private func headings(_ lines: [String]) throws -> [String] {
        try read(lines.joined(separator: "\n")).blocks.compactMap { block in
            if case .heading(let heading) = block { heading.inlines.plainText } else { nil }
        }
    }

    /// A stanza of hard-wrapped verse (no blank lines), its first line given.
    private func stanza(_ first: String) -> [String] {
        [first, "Along the wire where the evening gathers slow,", "Under the rain and the long grey weight of it,",
         "Nobody tells what the morning came to know.", "And so the lamps went out along the road."]
    }

    @Test("a poem's parts: bare numerals over verse, two of whose first lines are short, stay bare")
    func versePartsStayBare() throws {
        // Hard-wrapped prose around the poem, as in pdftotext's raw text of a book of poems with an introduction.
        var lines = (0..<6).flatMap { NumberingSchemeTests.paragraph($0) } + ["", "Insensible"]
        let firsts = ["Happy are men who yet before they are killed", "And some cease feeling", "Happy are these who lose imagination,",
                      "And terror’s first constriction over,", "We wise, who with a thought besmirch", "But cursed are dullards whom no cannon stuns,"]
        for (index, first) in firsts.enumerated() {
            lines += ["", TextShape.romanString(index + 1)] + stanza(first)
        }
        lines += [""] + (6..<9).flatMap { NumberingSchemeTests.paragraph($0) }
        let found = try headings(lines)
        #expect(found == ["Insensible", "I", "II", "III", "IV", "V", "VI"], "\(found)")
    }

    @Test("one title-cased title among bare numbers is kept; a sentence-cased one is not")
    func titleCasedMinority() throws {
        var lines: [String] = []
        for number in 1...8 {
            lines.append("\(number)")
            if number == 5 { lines.append("Seven Sayings for Travellers") }
            if number == 7 { lines.append("And then the end") }
            lines += NumberingSchemeTests.paragraph(number)
        }
        let found = try headings(lines)
        #expect(found.contains("5 Seven Sayings for Travellers"), "\(found)")
        #expect(!found.contains { $0.contains("And then the end") }, "\(found)")
    }
}
