@testable import BinderyText
import BinderyModel
import Testing

/// Where paragraphs run on without blank lines (pdftotext's raw text), a title stands apart: a blank line or a page
/// break before or after it. A short line in the run (a speaker named like front matter), or one at the top of a
/// page going on with the sentence the page before left open, is not one.
@Suite("Titles stand apart in run-on text")
struct TitlesApartTests {
    private func headings(_ text: String) throws -> [String] {
        try read(text).blocks.compactMap { block in
            if case .heading(let heading) = block { heading.inlines.plainText } else { nil }
        }
    }

    private func prose(_ seed: Int) -> [String] { NumberingSchemeTests.paragraph(seed, lines: 4) }

    @Test("a front-matter word in the run is no heading; set apart by a blank line, it is", arguments: [false, true])
    func matterWordInTheRun(apart: Bool) throws {
        var lines = prose(1) + prose(2)
        lines += (apart ? [""] : []) + ["Prologue", "For us, and for our tragedy,", "Here stooping to your clemency,", "We beg your hearing patiently."]
        lines += prose(3) + prose(4)
        let found = try headings(lines.joined(separator: "\n"))
        #expect(found.contains("Prologue") == apart, "\(found)")
    }

    @Test("the first line of a page, after a short line that ended the page in mid-sentence (a comma, a semicolon, a colon, a word), goes on with that sentence",
          arguments: [",", ";", ":", "", "."])
    func pageTopContinuation(end: String) throws {
        var pages: [[String]] = []
        for page in 0..<6 {
            var lines = (0..<3).flatMap { prose(page * 3 + $0) }
            if page == 2 { lines.append("The cock, that is the trumpet to the morn\(end)") }
            if page == 3 { lines.insert(contentsOf: ["Doth with his lofty and shrill-sounding throat", ""], at: 0) }
            pages.append(["RUNNING HEAD", "", ""] + lines + ["", "\(page + 1)"])
        }
        let found = try headings(pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}"))
        #expect(found.contains("Doth with his lofty and shrill-sounding throat") == (end == "."), "\(found)")
    }

    @Test("a title longer than the measure, two blank lines or more on both sides, is a heading; with one, it is not", arguments: [2, 1])
    func wideTitleSetApart(blanks: Int) throws {
        let title = "Species of the Larger Genera in Each Country Vary More Frequently Than the Species of the Smaller Genera"
        var lines = ["THE TITLE", "", "", "", "I", "", ""] + prose(1) + prose(2)
        lines += Array(repeating: "", count: blanks + 1) + ["Causes of Variability"] + Array(repeating: "", count: blanks) + prose(3) + prose(4)
        lines += Array(repeating: "", count: blanks + 1) + [title] + Array(repeating: "", count: blanks) + prose(5) + prose(6)
        let found = try headings(lines.joined(separator: "\n"))
        #expect(found.contains(title) == (blanks >= 2), "\(found)")
    }

    /// Paragraphs that open with an indent: a one-line paragraph set in as they are, before a quotation or a notice
    /// set apart by a blank line, is no title; the stories' titles, flush after blank lines, are.
    @Test func aLineSetInAsParagraphsAreIsNoTitle() throws {
        var prose = ProseGenerator(seed: 21)
        let wrapper = LineWrapper(width: 72, hyphenation: .none)
        func paragraphs(_ count: Int) -> [String] {
            (0..<count).flatMap { _ in wrapper.wrap(prose.sentences(prose.number(2...5)).joined(separator: " "), firstIndent: 4) }
        }
        let titles = ["The Sisters", "An Encounter", "Araby", "Eveline"]
        var lines: [String] = []
        for title in titles {
            lines += ["", "", "", "", title, "", ""] + paragraphs(6)
            lines += ["    Eliza Resumed the Notice:", "", "    Death of a Lady at Sydney Parade", "", "    Yesterday Evening at the Station", ""]
            lines += paragraphs(6)
        }
        #expect(try headings(lines.joined(separator: "\n")) == titles)
    }

    /// A keyword is a whole word: one ended by a no-break space or a dash (`Chapter\u{A0}I`, `CHAPTER—THE STORM`)
    /// still opens a division in run-on text; a word of other letters (`Глава`) is read as one.
    @Test func keywordsEndAtANoBreakSpaceOrADash() {
        #expect(HeadingPattern.opensWithKeyword("Chapter\u{A0}I"))
        #expect(HeadingPattern.opensWithKeyword("CHAPTER—THE STORM"))
        #expect(HeadingPattern.opensWithKeyword("Глава 3"))
        #expect(HeadingPattern.opensWithKeyword("Capítulo IV"))
        #expect(!HeadingPattern.opensWithKeyword("Chaptered\u{A0}works"))
        #expect(!HeadingPattern.opensWithKeyword("Главная улица"))
    }

    /// Where indents mark paragraphs, front and back matter set in like a paragraph is still a heading.
    @Test func matterSetInAsParagraphsIsStillAHeading() throws {
        var prose = ProseGenerator(seed: 22)
        let wrapper = LineWrapper(width: 72, hyphenation: .none)
        func paragraphs(_ count: Int) -> [String] {
            (0..<count).flatMap { _ in wrapper.wrap(prose.sentences(prose.number(2...5)).joined(separator: " "), firstIndent: 4) }
        }
        var lines = ["", "    Preface", ""] + paragraphs(8)
        for title in ["The Sisters", "An Encounter", "Araby"] { lines += ["", "", "", "", title, "", ""] + paragraphs(8) }
        #expect(try headings(lines.joined(separator: "\n")) == ["Preface", "The Sisters", "An Encounter", "Araby"])
    }
}
