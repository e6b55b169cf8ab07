@testable import BinderyText
import BinderyModel
import Testing

@Suite("Notes")
struct NotesTests {
    @Test(arguments: [
        ("waited for the Messiah.1 Then", 1), ("revealing.” 1 We might", 1), ("repeat it.— Then", nil), ("Marxism.- Then", nil),
        ("the idea^^ more", nil), ("with superscript¹ here", 1), ("in 1917 there", -1), ("see p. 12 here", -1),
        ("of _Ethik_4), the", 4), ("a file_2 here", -1), ("a snake_case then _Ethik_4 on", 4), ("a_b_2 here", -1),
        ("to the same questioner:88— Now", 88), ("So haply slander—2", -1), ("in 1914—18 the", -1), ("in (1914)—18 the", -1),
        ("on a preceding page.84 And", 84), ("see page 84 here", -1), ("see p.84 here", -1), ("in 1877.62 Competition", -1),
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

    /// A number after a number's full stop may be a decimal, and one after a dash a range's end: candidates trusted only
    /// as the very number expected (the decimal only where a sentence follows).
    @Test(arguments: [("in 1877.62 Competition", [62]), ("it cost 3.50 a day", []), ("it cost 3.50", [50]), ("So haply slander—2", [2]), ("see pp. xii—15 here", [15])])
    func numbersAfterAFigureAreWeak(text: String, numbers: [Int]) {
        let markers = NoteMarkerScanner().scan(Array(text.unicodeScalars))
        #expect(markers.compactMap(\.number) == numbers, "\(text)")
        #expect(markers.allSatisfy { $0.weak }, "\(text)")
    }

    /// A number set off by spaces (`back, 4 years ago`) is no marker where the same number follows glued to a word
    /// before the next note's marker: it neither takes the note nor makes the notes between lose theirs.
    @Test func aNumberGluedToItsWordWinsOverTheSameNumberSetOffBySpaces() throws {
        let text = "The Book\n\nI\n\nThe law of old.1 They came back, 4 years ago, to it. The clan.2 The land.3 And the serfs4) were few.\n\n"
            + "Notes\n\n1. First note.\n\n2. Second note.\n\n3. Third note.\n\n4. Fourth note.\n"
        let document = try read(text)
        var before: [String: String] = [:]
        var prose = ""
        for case .paragraph(let inlines, _) in document.blocks {
            prose += inlines.plainText
            var text = ""
            for inline in inlines {
                if case .note(let note) = inline { before[note.number] = text }
                text += inline.plainText
            }
        }
        #expect(prose.contains("came back, 4 years ago"))
        for (number, word) in ["1": "law of old.", "2": "The clan.", "3": "The land.", "4": "And the serfs"] {
            #expect(before[number]?.hasSuffix(word) == true, "note \(number): \(before[number] ?? "not linked")")
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

    /// A document that titles its notes keeps them under that title: a numbered list from one in the body, closing
    /// its section, stays a list and does not take the markers of the notes.
    @Test func aBodyListIsNotNotesWhenTheDocumentTitlesItsNotes() throws {
        let prose = "A sentence of the body that runs on for a while and says very little at all.\n\n"
        let text = "The Book\n\n\n\nI\n\n" + prose + "The society1 of the age and the guild.2 And more.\n\n"
            + "The measures are these:\n\n    1. Abolition of property in land.\n\n    2. A heavy progressive income tax.\n\n\n\n"
            + "II\n\n" + prose + "The restoration period3 had gone.\n\n" + prose + "\n\nNotes\n\n"
            + "1. That is, all written history.\n\n2. Guildmaster, a full member of a guild.\n\n3. Not the English Restoration.\n"
        let document = try read(text)
        var notes: [String] = []
        for case .paragraph(let inlines, _) in document.blocks {
            for case .note(let note) in inlines { notes.append(note.blocks.map(\.plainText).joined()) }
        }
        #expect(notes == ["That is, all written history.", "Guildmaster, a full member of a guild.", "Not the English Restoration."])
    }
    /// OCR reads a superscript as `m`; set off by a space after a sentence's end, it is a wildcard marker with its space.
    @Test(arguments: [("the Soviets of Deputies.” m", true), ("what its tasks were.” m In short", true), ("it was 5 m long", false),
                      ("a film.” m and more", false)])
    func spacedOCRMarkers(text: String, isMarker: Bool) {
        let markers = NoteMarkerScanner().scan(Array(text.unicodeScalars)).filter { $0.number == nil }
        #expect(markers.count == (isMarker ? 1 : 0), "\(text)")
        if isMarker, let marker = markers.first {
            #expect(String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(marker.range.lowerBound).prefix(marker.range.count))) == " m")
        }
    }

    /// Corpus 001's introduction: one note, `1.` at the end, its marker set off after a quotation (`revealing.” 1 We`); and
    /// a spaced OCR `m` takes the note its place in the count says, so the notes after it keep theirs.
    @Test func aLoneNoteAndSpacedOCRMarkersLink() throws {
        let prose = String(repeating: "A sentence of the body that runs on for a while and says very little at all, as\nsentences of a body do, and then it goes on for another line or two, for there\nis more to say, as there always is in a book of this kind, until it stops.\n\n", count: 3)
        let text = "THE BOOK\n\n\n\nIntroduction\n\n" + prose
            + "“Of all the failures it was the most revealing.” 1 We might quibble about the word,\nbut the point remains.\n\n" + prose
            + "1. All quotations in this introduction are taken from the essays in this book, as\nthey were printed there.\n\n\n\n"
            + "The First Essay\n\n" + prose + "The state, the state of the Soviets of Workers’ and Soldiers’\nDeputies.” m\n\n"
            + "Its presidium “scarcely knew what its tasks were.” m In short: more of the same.\n\n"
            + "And “On Authority”— in which he ridicules the muddled ideas of the others.\n\n" + prose
            + "1. Lenin, Works, 380.\n\n2. Ibid., 381.\n\n3. For a critique of the article, see H.4.\n"
        let document = try read(text)
        var before: [String: String] = [:]
        var joined = ""
        for case .paragraph(let inlines, _) in document.blocks {
            var text = ""
            for inline in inlines {
                if case .note(let note) = inline { before[note.blocks.map(\.plainText).joined()] = text }
                text += inline.plainText
            }
            joined += text + "\n"
        }
        #expect(before["All quotations in this introduction are taken from the essays in this book, as they were printed there."]?.hasSuffix("the most revealing.”") == true)
        #expect(before["Lenin, Works, 380."]?.hasSuffix("Soldiers’ Deputies.”") == true)
        #expect(before["Ibid., 381."]?.hasSuffix("what its tasks were.”") == true)
        #expect(before["For a critique of the article, see H.4."]?.hasSuffix("“On Authority”") == true)
        #expect(!joined.contains("” m"))
    }

    /// A numbered title at a division's end (`5. Threats, Bribes and Skirmishes`) is no note though the text shows a 5,
    /// and a list of two closing a division is a list, though the text before it shows 1 and 2.
    @Test func aNumberedTitleOrAShortListIsNoLoneNote() throws {
        let prose = "A sentence of the body that runs on for a while and says very little at all.\n\n"
        let text = "The Book\n\n\n\nIntroduction\n\n" + prose + "It was the fifth.” 5 And more.\n\n" + prose
            + "5. Threats, Bribes and Skirmishes\n\nThreats and Bribes\n\n" + prose + "The first,” 1 and the second.” 2 Then:\n\n"
            + "1. To produce an effect abroad and so on.\n\n2. To deceive the masses and calm them.\n\n\n\nThe Next Essay\n\n" + prose
        let document = try read(text)
        var notes = 0
        for case .paragraph(let inlines, _) in document.blocks { notes += inlines.count { if case .note = $0 { true } else { false } } }
        #expect(notes == 0)
    }
}
