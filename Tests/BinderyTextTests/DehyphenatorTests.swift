@testable import BinderyText
import BinderyModel
import Testing

@Suite("Words")
struct DehyphenatorTests {
    @Test(arguments: [
        ("the revolu-\ntion came; a revolution", "the revolution came; a revolution"),
        ("true self-\ngovernment and self-government", "true self-government and self-government"),
        ("the counter¬\nrevolution and the counter", "the counter-revolution and the counter"),
        // Halves met nowhere else are a word the typesetter broke, however each half reads alone at the break.
        ("he declai-\nmed it", "he declaimed it"),
        ("the open-\nmindedness of the open", "the open-mindedness of the open"),
        ("Marx-\nEngels wrote", "Marx-Engels wrote"),
        ("a dash --\nhere", "a dash -- here"),
        // A range of figures broken at its hyphen keeps it, closed up.
        ("pages 248-\n52, 253-4", "pages 248-52, 253-4"),
    ])
    func joinsOrKeeps(source: String, expected: String) {
        let lines = sourceLines(source)
        var dehyphenator = Dehyphenator(lines: lines)
        let group = LineGroup(lines: lines, blankBefore: 0)
        #expect(dehyphenator.inlines(group).plainText == expected)
    }

    /// A document that sets its em dashes closed (`word—word`) meets a line-end dash with no space; one that spaces
    /// them, or has too few to tell, keeps the space.
    @Test(arguments: [("—", "—", true), (" — ", "—", false), ("—", " —", false)])
    func closedDashesAtLineEnds(inside: String, atEnd: String, closes: Bool) {
        let sentences = (1...12).map { "the word\(inside)and another\($0)." }.joined(separator: " ")
        let lines = sourceLines("\(sentences)\nit was so\(atEnd)\nbut then")
        #expect(Dehyphenator.closedDashHabit(lines) == (inside == "—"))
        var dehyphenator = Dehyphenator(lines: lines)
        dehyphenator.closesDashes = Dehyphenator.closedDashHabit(lines)
        let text = dehyphenator.inlines(LineGroup(lines: Array(lines.suffix(2)), blankBefore: 0)).plainText
        #expect(text == (closes ? "it was so—but then" : "it was so\(atEnd) but then"))
        #expect(!Dehyphenator.closedDashHabit(sourceLines("a—b c—d")))
    }
}

/// pdftotext joins a line that ended in a hyphen-minus to the next and drops the hyphen: the compound comes out
/// closed, on a line nearly twice the measure. The reader puts the hyphen back where the document's own words
/// show a compound, and leaves a closed word it writes closed elsewhere.
@Suite("Compounds closed up by the text extraction")
struct JoinedCompoundsTests {
    static let filler = "the evening came slowly over the town and the people who had waited all day went home by the river"
        .split(separator: " ").map(String.init)

    /// A line of `first` filled to 58 characters ending in `left`, run on with `right` and more words.
    static func joined(_ left: String, _ right: String) -> String {
        var line = ""
        var position = 0
        while line.count + 1 + left.count < 58 {
            line += (line.isEmpty ? "" : " ") + filler[position % filler.count]
            position += 1
        }
        return line + " " + left + right + " and all that the people had heard of it from the others"
    }

    /// The text read back from 40 filled lines whose breaks are marked with U+2010 (`breaksMarked`) or a hyphen-minus,
    /// with `replaced` lines put in and over-long `joined` lines inserted (at their indices, in order).
    static func readBack(breaksMarked: Bool, replaced: [Int: String], joined: [(Int, String)]) throws -> String {
        let breakMark = breaksMarked ? "\u{2010}" : "-"
        var lines = RunOnVerseTests.filled(Self.filler, width: 60, lines: 40)
        for index in stride(from: 4, to: 36, by: 8) {
            lines[index] += " con\(breakMark)"
            lines[index + 1] = "siderable " + lines[index + 1]
        }
        for (index, line) in replaced { lines[index] = line }
        for (index, line) in joined { lines.insert(line, at: index) }
        lines.append("the end.")
        return try read(lines.joined(separator: "\n")).blocks.map(\.plainText).joined(separator: " ")
    }

    @Test("a compound written hyphenated elsewhere, or made of two words never written closed, is hyphenated again",
          arguments: [true, false])
    func restores(breaksMarked: Bool) throws {
        let text = try Self.readBack(breaksMarked: breaksMarked, replaced: [
            10: "they kept the rock-pigeon and an old house fashioned by hand and",
            20: "something strange was said of it by the people of the town and",
        ], joined: [(12, Self.joined("rock", "pigeon")), (24, Self.joined("old", "fashioned")), (30, Self.joined("some", "thing"))])
        #expect(text.components(separatedBy: "rock-pigeon").count == 3, "written so elsewhere")
        #expect(text.contains("old-fashioned") == breaksMarked, "two words of the document, closed nowhere else")
        #expect(text.contains("something and all"), "written closed elsewhere")
        #expect(!text.contains("some-thing"))
    }

    @Test("a half that starts or ends the document's compounds elsewhere puts the hyphen back, where breaks are marked",
          arguments: [true, false])
    func compoundElements(breaksMarked: Bool) throws {
        let text = try Self.readBack(breaksMarked: breaksMarked, replaced: [
            10: "they were half-hearted and half-asleep and the river was",
            18: "a child-like wonder and a bird-like cry and all of it was",
            26: "the overtaken travellers ate the over-ripe fruit in the night and",
        ], joined: [(12, Self.joined("half", "mockingly")), (20, Self.joined("cat", "like")), (28, Self.joined("over", "taken"))])
        #expect(text.contains("half-mockingly") == breaksMarked, "`half-` starts compounds elsewhere")
        #expect(text.contains("cat-like") == breaksMarked, "`-like` ends compounds elsewhere")
        #expect(text.contains("overtaken and all"), "written closed elsewhere")
    }

    @Test("a half seen only beside a dash written `--` is no compound's element")
    func dashIsNoElement() throws {
        let text = try Self.readBack(breaksMarked: true, replaced: [
            10: "they were half--and only half--awake when the river rose and",
            18: "a child--like any other--cried out and all of it was lost and",
        ], joined: [(12, Self.joined("half", "mockingly")), (20, Self.joined("cat", "like"))])
        #expect(text.contains("halfmockingly"), "`half--` is a word before a dash")
        #expect(text.contains("catlike"), "`--like` is a word after a dash")
    }

    @Test("a line too long for the first line's break to fall within a measure has no candidates (it trapped)")
    func veryLongLine() throws {
        var lines = RunOnVerseTests.filled(Self.filler, width: 60, lines: 40)
        // From 2.1 to 2.2 measures: the window where the first line could have ended is empty.
        for (index, width) in [(10, 127), (20, 130), (30, 132)] {
            lines[index] = String(repeating: "wordy ", count: 30).prefix(width).trimmingCharacters(in: .whitespaces)
        }
        let document = try read(lines.joined(separator: "\n"))
        #expect(document.blocks.map(\.plainText).joined().contains("wordy"))
    }
}
