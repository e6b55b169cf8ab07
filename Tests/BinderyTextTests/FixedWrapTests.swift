@testable import BinderyText
import BinderyModel
import BinderyTestSupport
import Foundation
import Testing

/// Text wrapped by a program at a fixed width with no blank lines and no indents: a paragraph ends where its last
/// line left room for the next word; a first-line indent or an unwrapped line marks a paragraph among verse.
@Suite("Fixed-width wrap, indents and unwrapped lines")
struct FixedWrapTests {
    /// The paragraphs found in `text` by the layout stages.
    static func paragraphs(_ text: String) -> (found: Set<String>, profile: LayoutProfile) {
        let lines = sourceLines(text)
        let profile = LayoutDetector().detect(lines)
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result())
        return (Set(groups.map { $0.lines.map(\.text).joined(separator: " ") }), profile)
    }

    @Test(arguments: [(60, false), (72, true), (80, false), (72, false)])
    func paragraphsEndWhereTheNextWordWouldHaveFitted(width: Int, dialogue: Bool) {
        let book = ParagraphEndOddsTests.book(dialogue: dialogue, lostIndent: 0, width: width, seed: 31)
        let (found, profile) = Self.paragraphs(book.text)
        #expect(profile.wrapWidth == width)
        // A boundary is decidable when the last line before it had room for the first word after it.
        let wrapper = LineWrapper(width: width, hyphenation: .none)
        let decidable = book.paragraphs.indices.dropLast().map { index in
            wrapper.wrap(book.paragraphs[index]).last!.count + 1 + book.paragraphs[index + 1].prefix { $0 != " " }.count <= width
        }
        let clear = book.paragraphs.indices.filter { ($0 == 0 || decidable[$0 - 1]) && ($0 == book.paragraphs.count - 1 || decidable[$0]) }
        #expect(clear.count * 10 >= book.paragraphs.count * 7)
        let missed = clear.filter { !found.contains(book.paragraphs[$0]) }
        #expect(missed.isEmpty, "\(missed.count) of \(clear.count) paragraphs with clear ends not found, e.g. \(missed.first.map { book.paragraphs[$0].prefix(60) } ?? "")")
    }

    /// A hyphenating wrap: a line broken inside a word says nothing of the room left, and the wrap is still found.
    @Test func hyphenatedWrapIsFoundAndBrokenWordsRunOn() {
        var prose = ProseGenerator(seed: 4)
        let wrapper = LineWrapper(width: 66, hyphenation: .hyphenMinus)
        let paragraphs = (0..<300).map { _ in prose.sentences(prose.number(2...6)).joined(separator: " ") }
        let lines = paragraphs.flatMap { wrapper.wrap($0) }
        let (found, profile) = Self.paragraphs(lines.joined(separator: "\n"))
        #expect(profile.wrapWidth == 66)
        // Groups hold the printed lines: a broken word ends a line with its hyphen and never ends a group.
        #expect(found.allSatisfy { !$0.hasSuffix("-") })
    }

    /// pdftotext of a justified page in a proportional face: lines fill the measure in width, not in characters,
    /// and many leave room for a short word, so no fixed wrap is read.
    @Test func justifiedProportionalTextIsNoFixedWrap() throws {
        let url = PackagePaths.shared.appendingPathComponent("books/b01-pdf.txt")
        guard FileManager.default.fileExists(atPath: url.path) || PackagePaths.isCI else { return }
        let lines = sourceLines(try String(contentsOf: url, encoding: .utf8))
        let profile = LayoutDetector().detect(lines, removed: PageFinder().find(lines).removed)
        #expect(profile.wrapWidth == nil)
        // Its full lines agree better in printed width than in characters: the odds measure them in width.
        #expect(profile.endOdds?.widthUnit != nil)
    }

    @Test func monospacedTextIsMeasuredInCharacters() {
        let book = ParagraphEndOddsTests.book(dialogue: true, lostIndent: 2, width: 72, seed: 18)
        let lines = sourceLines(book.text)
        let continuing = lines.indices.dropLast().filter { !lines[$0].isBlank && lines[$0 + 1].startsLowercase }
        #expect(ParagraphEndOdds.widthUnit(lines, continuing) == nil)
    }

    /// Prose among verse: its paragraphs open with an indent between flush lines, too few for the document's habit.
    @Test func anIndentBetweenFlushLinesOpensAParagraphAmongVerse() throws {
        var prose = ProseGenerator(seed: 9)
        let wrapper = LineWrapper(width: 70, hyphenation: .none)
        let paragraphs = (0..<4).map { _ in prose.sentences(prose.number(3...6)).joined(separator: " ") }
        var lines = ["Introduction", "", ""] + paragraphs.flatMap { wrapper.wrap($0, firstIndent: 4) }
        for number in 1...40 {
            lines += ["", "", "Poem \(number)", ""]
            for _ in 0..<3 {
                lines += (0..<4).map { _ in "    " + prose.sentence().split(separator: " ").prefix(6).joined(separator: " ") } + [""]
            }
        }
        let document = try read(lines.joined(separator: "\n"))
        let texts = document.blocks.compactMap { block -> String? in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil }
        }
        for paragraph in paragraphs { #expect(texts.contains(paragraph), "\(paragraph.prefix(50))") }
    }

    /// Prose among verse, a paragraph to a line: lines far over the measure are paragraphs of their own.
    @Test func unwrappedLinesAmongVerseAreParagraphs() throws {
        var prose = ProseGenerator(seed: 12)
        let paragraphs = (0..<5).map { _ in prose.sentences(prose.number(4...7)).joined(separator: " ") }
        var lines = ["Foreword", "", ""] + paragraphs
        for number in 1...30 {
            lines += ["", "", "Poem \(number)", ""]
            lines += (0..<8).map { _ in prose.sentence().split(separator: " ").prefix(6).joined(separator: " ") }
        }
        #expect(paragraphs.allSatisfy { $0.count > 250 })
        let document = try read(lines.joined(separator: "\n"))
        let texts = document.blocks.compactMap { block -> String? in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil }
        }
        for paragraph in paragraphs { #expect(texts.contains(paragraph), "\(paragraph.prefix(50))") }
    }
}
