import BinderyModel
@testable import BinderyText
import Testing

/// Project Gutenberg's notes: `[n]` markers, a NOTES section of `[n] text` items, `[Footnote n: …]` blocks.
extension Note {
    /// The note's reading text.
    var text: String { blocks.map(\.plainText).joined(separator: " ") }
}

@Suite("Gutenberg notes")
struct GutenbergNotesTests {
    /// Every note placed at a marker, in reading order (block quotes and verse included).
    static func notes(_ blocks: [Block]) -> [Note] {
        var notes: [Note] = []
        func walk(_ inlines: [Inline]) { for case .note(let note) in inlines { notes.append(note) } }
        for block in blocks {
            switch block {
            case .paragraph(let inlines, _): walk(inlines)
            case .heading(let heading): walk(heading.inlines)
            case .blockQuote(let inner, _): notes += Self.notes(inner)
            default: break
            }
        }
        return notes
    }

    static func filler(_ word: String, _ count: Int = 3) -> String {
        (0..<count).map { _ in "This is a sentence of ordinary running prose about the \(word) that fills a line." }.joined(separator: " ")
    }

    @Test(arguments: [("the rough Finnish rock,[1] about", 1), ("of the grain.”[18] True", 18), ("_Capital_[3] says", 3), ("*Capital*[3] says", 3), ("the rock [1] about", -1), ("the rock,(1) about", 1), ("see item [12] below", -1), ("the array a[2] is", 2), ("page[12a] here", -1)] as [(String, Int)])
    func scansBracketedMarkers(text: String, number: Int) {
        let markers = NoteMarkerScanner().scan(text).filter { !$0.weak }
        if number < 0 { #expect(markers.isEmpty, "\(text)") } else { #expect(markers.map(\.number) == [number], "\(text)") }
    }

    @Test func linksANotesSectionWithIndentedParagraphsAndAMarkerInABlockQuote() throws {
        let text = """
        THE BOOK


        by Some Author



        I


        \(gutenbergWrapped("The statue stood on the rock,[1] about to leap. " + Self.filler("statue")))

        He quoted the letter:

            The committee has decided.[2] We shall meet again at the usual
            place and hour, and discuss the matters that were left open at
            the last meeting of the whole committee, as agreed before.

        \(gutenbergWrapped("And the story went on.[3] " + Self.filler("story")))



        NOTES


        [1] Statue of Peter the Great.

        [2] The letter was never sent.

            It was found later among his papers.

        [3] Master.
        """
        let document = try read(text)
        let notes = Self.notes(document.blocks)
        #expect(notes.map(\.number) == ["1", "2", "3"])
        #expect(notes.count == 3 && notes[1].text.contains("among his papers"))
        let headings = document.blocks.compactMap { if case .heading(let heading) = $0 { heading.inlines.plainText } else { nil } }
        #expect(!headings.contains { $0.hasPrefix("[") })
        #expect(!document.blocks.contains { if case .paragraph(let inlines, _) = $0 { inlines.plainText.hasPrefix("[") } else { false } })
        // Every note moved to its marker: the NOTES heading, with nothing left under it, is left out, and the record says so.
        #expect(!headings.contains("NOTES"), "\(headings)")
        #expect(document.diagnostics.contains { $0.code == "notes.section-emptied" && $0.message.contains("NOTES") })
    }

    @Test("a notes section that keeps a note no marker took keeps its heading")
    func aNotesSectionWithAnUnplacedNoteKeepsItsHeading() throws {
        let text = """
        THE BOOK


        I


        \(gutenbergWrapped("The statue stood on the rock,[1] about to leap. " + Self.filler("statue")))



        NOTES


        [1] Statue of Peter the Great.

        [2] A note whose marker the text lost.
        """
        let document = try read(text)
        let headings = document.blocks.compactMap { if case .heading(let heading) = $0 { heading.inlines.plainText } else { nil } }
        #expect(headings.contains("NOTES"), "\(headings)")
        #expect(document.blocks.contains { $0.plainText.contains("marker the text lost") })
        #expect(!document.diagnostics.contains { $0.code == "notes.section-emptied" })
    }

    @Test func aBracketedListInTheBodyIsNoNotesSection() throws {
        let text = """
        The plan had three points, which the meeting took in turn and at length.

        [1] First, the land to those who work it.

        [2] Second, the factories to the workers.

        \(gutenbergWrapped("And the meeting went on after that to other business. " + Self.filler("meeting")))
        """
        let document = try read(text)
        #expect(Self.notes(document.blocks).isEmpty)
        #expect(document.blocks.contains { $0.plainText.contains("First, the land") })
    }

    @Test func linksFootnoteBlocksWhoseNumberingRestartsPerChapter() throws {
        let text = """
        CHAPTER I


        \(gutenbergWrapped("The first claim stands here.[1] " + Self.filler("claim")))

        [Footnote 1: The first chapter's note.]

        \(gutenbergWrapped("More text in the chapter.[2] " + Self.filler("chapter")))

        [Footnote 2: Its second note, over two
        lines.]



        CHAPTER II


        \(gutenbergWrapped("The next claim stands here.[1] " + Self.filler("next claim")))

        [Footnote 1: The second chapter's note.

        It runs on over a second paragraph.]
        """
        let document = try read(text)
        let notes = Self.notes(document.blocks)
        #expect(notes.map(\.number) == ["1", "2", "1"])
        #expect(notes.map { $0.text.hasSuffix("]") } == [false, false, false])
        #expect(notes.last?.text.contains("second paragraph") == true)
        #expect(!document.blocks.contains { $0.plainText.contains("[Footnote") })
    }

    /// A marker set off from its word by a space (`claim [1]`) links as a glued one does, and goes with its space; so do
    /// markers and notes in parentheses (`claim (1)`, `(1) Note one.`).
    @Test(arguments: [("", "[", "]"), (" ", "[", "]"), ("", "(", ")"), (" ", "(", ")")])
    func linksBracketedMarkersGluedOrSetOffByASpace(space: String, open: String, close: String) throws {
        let text = """
        CHAPTER I


        \(gutenbergWrapped("The first claim\(space)\(open)1\(close) and the second.\(space)\(open)2\(close) " + Self.filler("first")))



        CHAPTER II


        \(gutenbergWrapped("The third claim\(space)\(open)3\(close) stands. " + Self.filler("third")))



        NOTES


        \(open)1\(close) Note one.

        \(open)2\(close) Note two.

        \(open)3\(close) Note three.
        """
        let document = try read(text)
        #expect(Self.notes(document.blocks).map(\.text) == ["Note one.", "Note two.", "Note three."])
        let paragraphs = document.blocks.map(\.plainText)
        #expect(paragraphs.contains { $0.hasPrefix("The first claim and the second. This is") }, "\(paragraphs)")
        #expect(paragraphs.contains { $0.hasPrefix("The third claim stands.") }, "\(paragraphs)")
    }

    /// A marker set off by a space that the wrap carried to a line's start (`… this responsibility.` / `[2] And finally`)
    /// stays in its paragraph, where blank lines part paragraphs: no note opens there.
    @Test(arguments: [("[", "]"), ("(", ")")])
    func aMarkerCarriedToALinesStartStaysInItsParagraph(open: String, close: String) throws {
        let text = """
        CHAPTER I


        \(gutenbergWrapped("The first claim \(open)1\(close) stands here. " + Self.filler("first")))
        the whole city was responsible for the debts of each of its merchants.
        \(open)2\(close) And finally we have the remarkable Ipswich document to tell it.

        \(gutenbergWrapped("The third claim \(open)3\(close) stands here. " + Self.filler("second") + " And the fourth \(open)4\(close) too."))



        NOTES


        \(open)1\(close) Note one.

        \(open)2\(close) Note two.

        \(open)3\(close) Note three.

        \(open)4\(close) Note four.
        """
        let document = try read(text)
        #expect(Self.notes(document.blocks).map(\.text) == ["Note one.", "Note two.", "Note three.", "Note four."])
        #expect(document.blocks.contains { $0.plainText.hasSuffix("its merchants. And finally we have the remarkable Ipswich document to tell it.") },
                "\(document.blocks.map(\.plainText))")
    }

    /// Notes listed under their title without blank lines, each under a note's full line: a number in brackets opening a
    /// line is a note there (a list's next), not a marker the wrap carried.
    @Test func notesListedWithoutBlankLines() throws {
        let text = """
        CHAPTER I


        \(gutenbergWrapped("The first claim.[1] And the second.[2] " + Self.filler("first")))



        CHAPTER II


        \(gutenbergWrapped("The third claim.[3] And the fourth.[4] " + Self.filler("third")))



        NOTES

        [1] Note one, which runs on over the whole of a line and a little of the next one
        to its end, and this line is as long as the full lines of the text are.
        [2] Note two, which runs on over the whole of a line and a little of the next one
        to its end, and this line is as long as the full lines of the text are.
        [3] Note three, which runs on over the whole of a line and a little of the next one
        to its end, and this line is as long as the full lines of the text are.
        [4] Note four.
        """
        let notes = Self.notes(try read(text).blocks)
        #expect(notes.map(\.number) == ["1", "2", "3", "4"], "\(notes.map(\.text))")
    }

    /// Items numbered in parentheses (`(1) First, …`) answer to no marker of another kind: notes in parentheses link only
    /// to markers in parentheses.
    @Test func itemsInParenthesesTakeNoGluedMarkers() throws {
        let text = """
        CHAPTER I


        \(gutenbergWrapped("The first claim.1 And the second.2 " + Self.filler("first")))

        (1) First, the land to those who work it.

        (2) Second, the factories to the workers.



        CHAPTER II


        \(gutenbergWrapped(Self.filler("second")))
        """
        #expect(Self.notes(try read(text).blocks).isEmpty)
    }

    @Test func linksChapterNotesSectionsNumberedFromOneEach() throws {
        let text = """
        CHAPTER I


        \(gutenbergWrapped("The first claim.[1] And the second.[2] " + Self.filler("first")))



        NOTES


        [1] Chapter one, note one.

        [2] Chapter one, note two.



        CHAPTER II


        \(gutenbergWrapped("The third claim.[1] " + Self.filler("third")))



        NOTES


        [1] Chapter two, note one.
        """
        let notes = Self.notes(try read(text).blocks)
        #expect(notes.map { $0.text } == ["Chapter one, note one.", "Chapter one, note two.", "Chapter two, note one."])
    }

    @Test func oneNotesSectionWithNumberingRestartingPerChapter() throws {
        let text = """
        CHAPTER I


        \(gutenbergWrapped("The first claim.[1] And the second.[2] " + Self.filler("first")))



        CHAPTER II


        \(gutenbergWrapped("The third claim.[1] " + Self.filler("third")))



        NOTES


        [1] Chapter one, note one.

        [2] Chapter one, note two.

        [1] Chapter two, note one.
        """
        let notes = Self.notes(try read(text).blocks)
        #expect(notes.map { $0.text } == ["Chapter one, note one.", "Chapter one, note two.", "Chapter two, note one."])
    }
}

@Suite("Gutenberg notes in verse and wrapped numbers")
struct GutenbergNotesInVerseTests {
    @Test func aNoteInAStanzaStaysOnItsLine() throws {
        let text = """
        I


        \(gutenbergWrapped(GutenbergNotesTests.filler("play")))

            Come, Gertrude, we’ll call up our wisest friends;
            And let them know, both what we mean to do,
            And what’s untimely done. So haply slander—[1]
            Whose whisper o’er the world’s diameter,



        NOTES


        [1] A line is missing here in the early texts.
        """
        let document = try read(text)
        let verse = document.blocks.compactMap { if case .verse(let lines, _) = $0 { lines } else { nil } }.first
        #expect(verse?.count == 4)
        #expect(verse?[2].plainText == "And what’s untimely done. So haply slander—")
        #expect(verse?[2].contains { if case .note = $0 { true } else { false } } == true)
    }

    @Test func aWrappedLineBeginningWithANumberRunsOn() throws {
        let wrapped = """
        been by reason of death or sickness, not by fraud” (_The Life and Work
        of the Seventh Earl of Shaftesbury_, by Edwin Hodder, vol. iii, p.
        322. London, 1885–86). Several more facts in point in Ch. Booth’s
        _Life and Labour in London_, vol. i; and so on.
        """
        let document = try read(gutenbergWrapped(GutenbergNotesTests.filler("intro")) + "\n\n" + wrapped + "\n\n" + gutenbergWrapped(GutenbergNotesTests.filler("end")) + "\n")
        #expect(document.blocks.contains { $0.plainText.hasPrefix("been by reason") && $0.plainText.hasSuffix("and so on.") })
    }

    @Test func aNumberedListAfterAShortLineStaysAList() throws {
        let text = gutenbergWrapped(GutenbergNotesTests.filler("intro")) + "\n\nThe rules:\n1. Keep the lines.\n2. Keep the blanks.\n"
        let document = try read(text)
        #expect(!document.blocks.contains { $0.plainText.contains("The rules: 1.") })
    }
}
