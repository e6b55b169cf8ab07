@testable import BinderyText
import BinderyModel
import Testing

/// Notes in verse go back on the line, and at the place, where their markers stood, in every marker form.
@Suite("Verse notes")
struct VerseNoteTests {
    static let note = Note(number: "2", blocks: [.paragraph([.text("A note.")], NodeInfo())])

    @Test(arguments: [
        ("So haply slander—2", "So haply slander—", ""), ("And either master2 the devil,", "And either master", " the devil,"),
        ("Now cracks a noble heart. 2", "Now cracks a noble heart.", ""), ("Good night, sweet prince,[2] and", "Good night, sweet prince,", " and"),
        ("The rest is silence.² Then", "The rest is silence.", " Then"),
    ])
    func noteGoesWhereItsMarkerStood(line: String, before: String, after: String) {
        let lines = sourceLines("Whose whisper o’er the world’s diameter,\n\(line)\nAs level as the canon to his blank,")
        // The joined text as the linker leaves it: the marker taken out, the note in its place.
        let joined = lines.map(\.text).joined(separator: " ")
        let start = lines[0].text.count + 1 + before.count
        let marker = line.count - before.count - after.count
        let inlines: [Inline] = [.text(String(joined.prefix(start))), .note(Self.note), .text(String(joined.dropFirst(start + marker)))]
        let verse = VerseLines.lines(lines[...], inlines: inlines)
        let expected: [Inline] = [.text(before), .note(Self.note), .text(after)].filter { $0 != .text("") }
        #expect(verse[1] == expected, "\(verse[1])")
        #expect(verse[0] == [.text(lines[0].text)] && verse[2] == [.text(lines[2].text)])
    }

    /// A speech's lines after its speaker: the speaker's name comes first in the joined text.
    @Test func aSpeechCountsFromItsFirstLineOfVerse() {
        let lines = sourceLines("KING.\nAnd what’s untimely done. So haply slander—2\nWhose whisper o’er the world’s diameter,")
        let inlines: [Inline] = [.text("KING. And what’s untimely done. So haply slander—"), .note(Self.note), .text(" Whose whisper o’er the world’s diameter,")]
        let verse = VerseLines.lines(lines.dropFirst(), inlines: inlines, leading: lines[0].text.unicodeScalars.count + 1)
        #expect(verse[0] == [.text("And what’s untimely done. So haply slander—"), .note(Self.note)])
    }

    /// Two notes on one line and six in a stanza, each back on its own marker, with a year beside one: nothing lost,
    /// no figure of the year taken, no marker left in the text.
    @Test func manyNotesInAStanza() {
        let source = ["Move him into the sun, a master1 and then a mourner2", "Gently its touch awoke him once,3 at home,",
                      "Whispering of fields half-sown.4 Always it woke him,", "even in France, in 1915, him5 until this morning",
                      "and this snow.6 If anything might rouse him now"]
        let lines = sourceLines(source.joined(separator: "\n"))
        func note(_ number: String) -> Inline { .note(Note(number: number, blocks: [])) }
        // The joined text with each marker taken out and its note in its place, as the linker leaves it.
        let inlines: [Inline] = [
            .text("Move him into the sun, a master"), note("1"), .text(" and then a mourner"), note("2"),
            .text(" Gently its touch awoke him once,"), note("3"), .text(" at home, Whispering of fields half-sown."), note("4"),
            .text(" Always it woke him, even in France, in 1915, him"), note("5"), .text(" until this morning and this snow."), note("6"),
            .text(" If anything might rouse him now"),
        ]
        let verse = VerseLines.lines(lines[...], inlines: inlines)
        let numbers = verse.map { $0.compactMap { inline -> String? in if case .note(let note) = inline { note.number } else { nil } } }
        #expect(numbers == [["1", "2"], ["3"], ["4"], ["5"], ["6"]], "\(verse)")
        let text = verse.map { $0.map(\.plainText).joined() }
        #expect(text == ["Move him into the sun, a master and then a mourner", "Gently its touch awoke him once, at home,",
                         "Whispering of fields half-sown. Always it woke him,", "even in France, in 1915, him until this morning",
                         "and this snow. If anything might rouse him now"], "\(text)")
    }

    /// A marker the line does not show where the note stood goes at the end of the last line: no text is dropped.
    @Test func aMarkerNotFoundKeepsTheText() {
        let lines = sourceLines("First line of it,\nAnd the second one.")
        let verse = VerseLines.lines(lines[...], inlines: [.text("First line of it,"), .note(Self.note), .text(" And the second one.")])
        #expect(verse == [[.text("First line of it,")], [.text("And the second one."), .note(Self.note)]])
    }
}
