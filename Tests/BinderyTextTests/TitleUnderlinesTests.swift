@testable import BinderyText
import BinderyModel
import Testing

/// Titles underlined by a row of one repeated mark: the row reads as a blank line, so the title stands apart.
@Suite("Title underlines")
struct TitleUnderlinesTests {
    @Test("a row of one mark as long as the line above it (within two) is an underline; a scene break or a rule is not; a short title takes a row of its own length")
    func rows() {
        let lines = ["Chapter One", "===========", "", "Causes of Variety", "-----------------", "", "Some text.", "", "* * *",
                     "", "A sentence that runs on.", "----", "", "  Centred Title  ", "   ~~~~~~~~~~~~~   ", "", "1.", "==", "",
                     "IV", "-", "", "I", "-", "", "2.", "**"]
        #expect(TitleUnderlines.find(lines) == [1, 4, 14, 17, 23])
    }

    @Test("underlined chapters and sections are headings at two levels; the notes title underlined keeps its notes",
          arguments: ["=", "~"])
    func underlinedDocument(mark: String) throws {
        var lines = ["THE BOOK OF EXAMPLES", "", "", "by Some Author", ""]
        var seed = 0
        var notes: [String] = []
        let sections = ["Causes of Variety", "The Breeds Compared", "Selection by Man", "Effects of Habit", "Correlated Growth", "Doubtful Species"]
        for chapter in 1...3 {
            let title = "Chapter \(chapter): The Title of It"
            lines += ["", "", title, String(repeating: mark, count: title.count), "", ""]
            for section in sections[(chapter - 1) * 2..<chapter * 2] {
                lines += ["", section, String(repeating: "-", count: section.count), ""]
                seed += 1
                lines += NumberingSchemeTests.paragraph(seed).dropLast() + ["the end of paragraph \(seed).[\(seed)]", ""]
                notes.append("The note of paragraph \(seed).")
                lines += NumberingSchemeTests.paragraph(seed + 100) + [""]
            }
        }
        lines += ["", "", "NOTES", "-----", ""] + notes.enumerated().flatMap { ["[\($0.offset + 1)] \($0.element)", ""] }
        let document = try read(lines.joined(separator: "\n"))
        let found = headings(document)
        #expect(found.filter { $0.text.hasPrefix("Chapter") }.map(\.level) == [1, 1, 1], "\(found)")
        #expect(found.filter { sections.contains($0.text) }.map(\.level) == Array(repeating: 2, count: 6), "\(found)")
        #expect(!found.contains { $0.text.contains(mark + mark) || $0.text.contains("--") }, "\(found)")
        var linked: [String] = []
        for case .paragraph(let inlines, _) in document.blocks {
            for case .note(let note) in inlines { linked.append(note.blocks.map(\.plainText).joined()) }
        }
        #expect(linked == notes)
    }
}
