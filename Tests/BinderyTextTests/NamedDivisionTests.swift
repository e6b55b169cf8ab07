@testable import BinderyText
import BinderyModel
import Testing

/// Divisions named by a keyword (`CHAPTER I.`, `Chapter Twenty-One`, `Book the First`) in texts whose paragraphs are
/// set apart by blank lines: sections set apart by more blank lines stay headings under them, chapters numbered
/// again under each part are not a play's speakers, and numbers written as words number them.
@Suite("Named divisions")
struct NamedDivisionTests {
    static let chapterStyles = ["CHAPTER I.", "Chapter 1", "CHAPTER ONE"]

    /// A chapter heading in the convention `style` names, for its number (1-based).
    static func chapterHeading(_ style: String, _ number: Int) -> String {
        switch style {
        case "CHAPTER I.": "CHAPTER \(roman(number))."
        case "Chapter 1": "Chapter \(number)"
        default: "CHAPTER \(spelled(number).uppercased())"
        }
    }

    static func roman(_ number: Int) -> String {
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][number - 1]
    }

    static func spelled(_ number: Int) -> String {
        let units = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]
        let teens = ["Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"]
        switch number {
        case 1...9: return units[number - 1]
        case 10...19: return teens[number - 10]
        default:
            let tens = ["Twenty", "Thirty", "Forty"][number / 10 - 2]
            return number % 10 == 0 ? tens : "\(tens)-\(units[number % 10 - 1])"
        }
    }

    static func paragraphs(_ seed: inout Int, count: Int) -> [String] {
        var lines: [String] = []
        for _ in 0..<count {
            seed += 1
            lines += NumberingSchemeTests.paragraph(seed) + [""]
        }
        return lines
    }

    @Test("unnumbered sections set apart by more blank lines than paragraphs stay headings under named chapters",
          arguments: chapterStyles, [false, true])
    func sectionsUnderNamedChapters(style: String, titled: Bool) throws {
        let heading = { Self.chapterHeading(style, $0) }
        let sections = ["Causes of Variety", "The Breeds Compared", "Selection by Man", "Effects of Habit", "Correlated Growth",
                        "Doubtful Species", "Wide Ranges", "Common Species", "The Larger Genera", "Geometrical Increase",
                        "Checks to Increase", "Struggle for Life"]
        var lines = ["THE BOOK OF EXAMPLES", "", "", "by Some Author", ""]
        var seed = 0
        for chapter in 1...4 {
            lines += ["", "", "", heading(chapter)] + (titled ? ["The Title of Chapter \(Self.spelled(chapter))"] : []) + ["", ""]
            lines += Self.paragraphs(&seed, count: 2)
            for section in sections[(chapter - 1) * 3..<chapter * 3] {
                lines += ["", "", section, "", ""]
                lines += Self.paragraphs(&seed, count: 2)
            }
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        let chapters = found.filter { $0.text.hasPrefix(heading(1).prefix(4)) }
        #expect(chapters.count == 4, "\(found)")
        #expect(chapters.allSatisfy { $0.level == 1 }, "\(found)")
        let sectionHeadings = found.filter { sections.contains($0.text) }
        #expect(sectionHeadings.count == 12, "\(found)")
        #expect(sectionHeadings.allSatisfy { $0.level == 2 }, "\(found)")
    }

    @Test("chapters numbered again under each part (`CHAPTER I.` six times) are chapters, not a play's speaker labels")
    func chaptersRestartingUnderParts() throws {
        var lines = ["A LONG NOVEL", "", "", "by Some Author", ""]
        var seed = 0
        for part in 1...4 {
            lines += ["", "", "", "Part \(Self.roman(part))", "", "", ""]
            for chapter in 1...4 {
                lines += ["CHAPTER \(Self.roman(chapter)).", "", ""]
                lines += Self.paragraphs(&seed, count: 2) + ["", ""]
            }
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.filter { $0.text.hasPrefix("Part") }.map(\.level) == [1, 1, 1, 1], "\(found)")
        #expect(found.filter { $0.text.hasPrefix("CHAPTER") }.map(\.level) == Array(repeating: 2, count: 16), "\(found)")
    }

    @Test("chapters numbered in words past twelve, hyphenated or not, are one scheme at one level")
    func chaptersInWords() throws {
        var lines = ["A LONG NOVEL", "", "", "by Some Author", ""]
        var seed = 0
        for chapter in 1...24 {
            lines += ["", "", "", "Chapter \(Self.spelled(chapter))", "", ""]
            lines += Self.paragraphs(&seed, count: 2)
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.map(\.text) == (1...24).map { "Chapter \(Self.spelled($0))" }, "\(found)")
        #expect(Set(found.map(\.level)) == [1], "\(found)")
    }

    @Test("`Book the First` numbers books, with their chapters inside them")
    func booksTheFirst() throws {
        var lines = ["A LONG NOVEL", "", "", "by Some Author", ""]
        var seed = 0
        for book in ["First", "Second", "Third"] {
            lines += ["", "", "", "Book the \(book)", "", ""]
            for chapter in 1...3 {
                lines += ["", "", "Chapter \(Self.roman(chapter))", "", ""]
                lines += Self.paragraphs(&seed, count: 2)
            }
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.filter { $0.text.hasPrefix("Book") }.map(\.level) == [1, 1, 1], "\(found)")
        #expect(found.filter { $0.text.hasPrefix("Chapter") }.map(\.level) == Array(repeating: 2, count: 9), "\(found)")
    }

    @Test("number words: cardinals, ordinals and hyphenated pairs to ninety-nine; other words are none")
    func numberWords() {
        #expect(NumberWords.value("Twenty-One") == 21)
        #expect(NumberWords.value("THIRTEENTH") == 13)
        #expect(NumberWords.value("ninety-ninth") == 99)
        #expect(NumberWords.value("Fortieth") == 40)
        #expect(NumberWords.value("twentieth-one") == nil)
        #expect(NumberWords.value("twenty-ten") == nil)
        #expect(NumberWords.value("Theme") == nil)
    }
}
