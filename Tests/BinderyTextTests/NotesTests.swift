@testable import BinderyText
import BinderyModel
import Testing

@Suite("Notes")
struct NotesTests {
    @Test(arguments: [
        ("waited for the Messiah.1 Then", 1), ("revealing.” 1 We might", 1), ("repeat it.— Then", nil), ("Marxism.- Then", nil),
        ("the idea^^ more", nil), ("with superscript¹ here", 1), ("in 1917 there", -1), ("see p. 12 here", -1),
    ] as [(String, Int?)])
    func scansMarkers(text: String, number: Int?) {
        let markers = NoteMarkerScanner().scan(Array(text.unicodeScalars)).filter { !$0.weak }
        if number == -1 {
            #expect(markers.isEmpty, "\(text)")
        } else {
            #expect(markers.count == 1, "\(text)")
            #expect(markers.first?.number == number, "\(text)")
        }
    }

    @Test(arguments: [("1. See Marx, p. 3.", "1"), (" 12. Ibid.", "12"), ("22- Ibid., 336.", "22"), ("168 . Remington, 91.", "168"), ("¹ also known", "1"), ("* Note text", "*")])
    func parsesNoteTexts(text: String, number: String) {
        #expect(NoteTextFinder.parse(text.trimming(" "))?.number == number)
    }

    @Test func linksNotesAtTheEndOfAnEssay() throws {
        let text = """
        An Essay Title

        The first claim.1 And a second one.— And more text here.

        Another Essay

        1. See Bakunin, p. 3.

        2. Ibid., p. 4.
        """
        let document = try read(text)
        var notes: [Note] = []
        for case .paragraph(let inlines, _) in document.blocks {
            for case .note(let note) in inlines { notes.append(note) }
        }
        #expect(notes.map(\.number) == ["1", "2"])
        #expect(!document.blocks.contains { if case .paragraph(let inlines, _) = $0 { inlines.plainText.hasPrefix("1. See") } else { false } })
    }
}
