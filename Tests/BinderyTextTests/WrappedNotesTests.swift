@testable import BinderyText
import BinderyModel
import Testing

/// Notes in texts whose paragraphs run on without blank lines (set in by an indent, or ended only by a short line):
/// a bracketed marker after a sentence's end, a note list of `[n] text` paragraphs, a citation's page number
/// wrapped to the head of a line, and chapters numbered `1.` that stand apart like divisions, not like notes.
@Suite("Notes in run-on text")
struct WrappedNotesTests {
    /// A paragraph of `sentences` generated sentences and `marker`, wrapped to 70 columns; a flush one (no indent)
    /// cut short, so that its last line ends it.
    static func paragraph(_ prose: inout ProseGenerator, sentences: Int, marker: String = "", indent: Int) -> [String] {
        var words = prose.sentences(sentences).joined(separator: " ").dropLast().split(separator: " ")
        while true {
            let lines = LineWrapper(width: 70, hyphenation: .none).wrap(words.joined(separator: " ") + "." + marker, firstIndent: indent)
            if indent > 0 || lines.last!.count <= 40 || words.count < 8 { return lines }
            words.removeLast()
        }
    }

    /// Chapters of indented (or flush, wrapped) paragraphs, each chapter's paragraphs ending in notes `[n]`, then a
    /// NOTES section of `[n] text` paragraphs, separated by blank lines or not.
    static func book(indent: Int, blankBetweenNotes: Bool) -> (text: String, notes: [String]) {
        var prose = ProseGenerator(seed: 7)
        var lines = ["THE TITLE", "", "", ""]
        var number = 0
        var notes: [String] = []
        for chapter in ["I", "II", "III"] {
            lines += ["", "", chapter, "", ""]
            for position in 0..<4 {
                let marked = position % 2 == 0
                if marked { number += 1 }
                lines += paragraph(&prose, sentences: 3 + position, marker: marked ? "[\(number)]" : "", indent: indent)
            }
        }
        lines += ["", "", "NOTES", "", ""]
        for note in 1...number {
            // Every other note a citation whose page number the wrapping carries to the head of the next line.
            let text = note % 2 == 0
                ? "Some Author, A Book of Reference upon Things, London, 1879, p.\n\(130 + note). See also the powerful description of the islands by a traveller, and nearly\nall books of travel."
                : "A remark upon the text, which runs on for a sentence or two.\nIt says no more about it."
            lines += [String(repeating: " ", count: indent) + "[\(note)] " + text] + (blankBetweenNotes ? [""] : [])
            notes.append(text.replacingOccurrences(of: "\n", with: " "))
        }
        return (lines.joined(separator: "\n"), notes)
    }

    static func linkedNotes(_ document: BinderyModel.Document) -> [String] {
        var notes: [String] = []
        func visit(_ inlines: [Inline]) {
            for case .note(let note) in inlines { notes.append(note.blocks.map(\.plainText).joined(separator: " ")) }
        }
        for block in document.blocks {
            if case .paragraph(let inlines, _) = block { visit(inlines) }
        }
        return notes
    }

    @Test("a sentence ending in a bracketed note marker (`progeny.”[1]`) ends its sentence")
    func bracketedMarkerEndsSentence() {
        #expect(TextShape.endsSentence("success in leaving progeny.”[1]"))
        #expect(TextShape.endsSentence("the end of it.[12]"))
        #expect(!TextShape.endsSentence("see the list [12]"))
        #expect(!TextShape.endsSentence("a reference to p.[12]"))
    }

    @Test("indented paragraphs ending in `[n]` stay apart, and every note links, whatever the note list's spacing",
          arguments: [4, 0], [true, false])
    func notesLink(indent: Int, blankBetweenNotes: Bool) throws {
        let (text, expected) = Self.book(indent: indent, blankBetweenNotes: blankBetweenNotes)
        let document = try read(text)
        #expect(Self.linkedNotes(document) == expected, "\(Self.linkedNotes(document))")
        let paragraphs = document.blocks.filter { if case .paragraph = $0 { true } else { false } }
        #expect(paragraphs.count == 12, "\(paragraphs.count) paragraphs")
    }

    /// Markers set off by a space (`members. [7]`): a line ending in one ends its sentence, so an indent or a short
    /// line after it opens the next paragraph; one the wrap carried to a line's start (`[7] And finally`) stays in
    /// its paragraph instead of opening a note there.
    @Test(arguments: [4, 0])
    func markersSetOffByASpace(indent: Int) throws {
        var prose = ProseGenerator(seed: 11)
        var lines = ["THE TITLE", "", "", "", "", "I", "", ""]
        for number in 1...6 { lines += Self.paragraph(&prose, sentences: 4, marker: " [\(number)]", indent: indent) }
        lines += [String(repeating: " ", count: indent) + "The city was answerable for the debts of each and every one of the",
                  "many merchants, and the guilds of the town for the debts of each man.",
                  "[7] And finally we have the Ipswich document."]
        for number in 8...9 { lines += Self.paragraph(&prose, sentences: 4, marker: " [\(number)]", indent: indent) }
        lines += ["", "", "NOTES", "", ""] + (1...9).map { "[\($0)] The note numbered \($0)." }
        let document = try read(lines.joined(separator: "\n"))
        #expect(Self.linkedNotes(document) == (1...9).map { "The note numbered \($0)." }, "\(Self.linkedNotes(document))")
        let paragraphs = document.blocks.compactMap { block -> String? in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil }
        }
        #expect(paragraphs.count == 9, "\(paragraphs)")
        #expect(paragraphs.contains { $0.hasSuffix("of each man. And finally we have the Ipswich document.") }, "\(paragraphs)")
    }

    /// Paragraphs one to a line, markers in parentheses (`word (2)`), and the notes listed right under their title without
    /// blank lines (`NOTES` / `(1) text`): the list is notes, not a numbered list, in brackets as in parentheses.
    @Test(arguments: [("(", ")"), ("[", "]")])
    func notesUnderTheirTitleInTextOneParagraphToALine(open: String, close: String) throws {
        var prose = ProseGenerator(seed: 13)
        var lines = ["THE TITLE", "", "", "", "I", "", ""]
        for number in 1...8 {
            let marker = number.isMultiple(of: 2) ? " \(open)\(number / 2)\(close)" : ""
            lines.append(prose.sentences(4).joined(separator: " ").dropLast() + "." + marker + " " + prose.sentences(2).joined(separator: " "))
        }
        lines += ["", "", "", "NOTES"] + (1...4).map { "\(open)\($0)\(close) The note numbered \($0)." }
        let document = try read(lines.joined(separator: "\n"))
        #expect(Self.linkedNotes(document) == (1...4).map { "The note numbered \($0)." }, "\(document.blocks)")
    }

    /// Items numbered in parentheses under a short title that names no notes, at a chapter's end, stay items, even where the
    /// text before them holds the same numbers in parentheses.
    @Test func itemsInParenthesesUnderATitleStayAList() throws {
        var prose = ProseGenerator(seed: 17)
        var lines = ["THE TITLE", "", "", "", "I", "", ""]
        for _ in 0..<4 { lines += Self.paragraph(&prose, sentences: 4, indent: 4) }
        lines += ["    The engine is set out in this chapter (1) and its valve gear (2) as well."]
        lines += ["", "", "Exercises", "", "(1) Name the parts of the engine.", "", "(2) Draw the valve gear.", "", "", "", "II", "", ""]
        for _ in 0..<4 { lines += Self.paragraph(&prose, sentences: 4, indent: 4) }
        let document = try read(lines.joined(separator: "\n"))
        let notes = Self.linkedNotes(document)
        #expect(notes.isEmpty, "\(notes)")
        #expect(document.blocks.contains { $0.plainText.contains("Name the parts of the engine.") }, "\(document.blocks)")
    }

    @Test("a note whose page number wraps to the head of its next line (`p.` / `135. See also`) stays one note")
    func citationNumberRunsOn() throws {
        var prose = ProseGenerator(seed: 5)
        var lines = ["THE TITLE", "", ""]
        for number in 1...4 { lines += Self.paragraph(&prose, sentences: 4, marker: "[\(number)]", indent: 4) }
        lines += ["", "", "NOTES", "", ""]
        lines += ["    [1] Some Author, A Book of Reference upon Things, London, 1879, vol.", "",
                  "    [2] Another Author, The Voyages of Somebody Famous, London, 1879, p.",
                  "135. See also the powerful description of the islands by a traveller of",
                  "the time, and nearly all books of travel.",
                  "    [3] See the appendix.", "",
                  "    [4] A remark upon the text."]
        let notes = Self.linkedNotes(try read(lines.joined(separator: "\n")))
        #expect(notes.count == 4, "\(notes)")
        #expect(notes.dropFirst().first?.hasSuffix("p. 135. See also the powerful description of the islands by a traveller of the time, and nearly all books of travel.") == true, "\(notes)")
    }

    @Test("a numbered list after `…in the next chapter.` and a citation `[12] showed that` after `et al.` are read as before")
    func listsAndCitationsAreNotNotes() throws {
        var prose = ProseGenerator(seed: 9)
        var lines = ["THE TITLE", "", ""]
        for _ in 0..<5 { lines += Self.paragraph(&prose, sentences: 4, indent: 4) }
        lines += ["    The measures are set out in full, one by one and at length, in the next chapter.",
                  "1. Abolition of property in land.",
                  "2. A heavy progressive or graduated income tax.",
                  "    The same was found by the second of the two studies, Smith et al.",
                  "[12] showed that the rule holds for the larger towns as well as the small."]
        for _ in 0..<5 { lines += Self.paragraph(&prose, sentences: 4, indent: 4) }
        let document = try read(lines.joined(separator: "\n"))
        var items: [String] = []
        var paragraphs: [String] = []
        for block in document.blocks {
            if case .list(let list) = block { items += list.items.map { $0.map(\.plainText).joined() } }
            if case .paragraph(let inlines, _) = block { paragraphs.append(inlines.plainText) }
        }
        #expect(items == ["1. Abolition of property in land.", "2. A heavy progressive or graduated income tax."], "\(document.blocks)")
        #expect(paragraphs.contains { $0.hasSuffix("Smith et al. [12] showed that the rule holds for the larger towns as well as the small.") }, "\(paragraphs)")
    }

    @Test("speakers numbered as kings are (`KING HENRY IV.`, `V.`, `VI.`) stay speakers; a numbering that starts again does not")
    func numberedSpeakers() {
        #expect(SpeakerLabels.numberedSequences(["KING HENRY IV", "KING HENRY V", "KING HENRY VI", "KING HENRY V"]).isEmpty)
        #expect(SpeakerLabels.numberedSequences(["CHAPTER I", "CHAPTER II", "CHAPTER III", "CHAPTER I", "CHAPTER II"]) == ["CHAPTER"])
        #expect(SpeakerLabels.numberedSequences(["II", "III", "IV", "II", "HAMLET"]) == [""])
    }

    /// Chapters numbered `I.`, `II.`, … alone on their lines, starting again under each of five parts: the numbers recur
    /// as a play's speakers do (`II.` five times), yet they are chapters, not speakers.
    @Test func bareRomanChaptersWithFullStopsAreNoSpeakers() throws {
        var prose = ProseGenerator(seed: 5)
        var lines = ["THE TITLE", "", ""]
        let numerals = ["I", "II", "III", "IV", "V", "VI"]
        for part in numerals.prefix(5) {
            lines += ["", "", "", "Part \(part)", ""]
            for (chapter, numeral) in numerals.enumerated() {
                lines += ["", "", "", numeral + ".", "", ""]
                for _ in 0..<(2 + chapter % 3) { lines += Self.paragraph(&prose, sentences: 4, indent: 4) }
            }
        }
        let headings = try read(lines.joined(separator: "\n")).blocks.compactMap { block -> String? in
            if case .heading(let heading) = block { heading.inlines.plainText } else { nil }
        }
        #expect(headings.count == 35, "\(headings)")
        #expect(headings.filter { $0 == "IV." }.count == 5, "\(headings)")
    }

    @Test("chapters numbered `1.`, `2.` on lines set apart by blank lines, starting again under each part, are headings, not notes")
    func setApartNumbersAreChapters() throws {
        var prose = ProseGenerator(seed: 3)
        var lines = ["THE TITLE", "", ""]
        for part in ["I", "II", "III"] {
            lines += ["", "", "", "Part \(part)", "", "", ""]
            for chapter in 1...3 {
                lines += ["\(chapter).", "", ""]
                for position in 0..<3 {
                    lines += Self.paragraph(&prose, sentences: 3 + position, indent: 0)
                }
                lines += ["", "", ""]
            }
        }
        let document = try read(lines.joined(separator: "\n"))
        let found = headings(document)
        #expect(found.filter { $0.text.hasPrefix("Part") }.map(\.level) == [1, 1, 1], "\(found)")
        #expect(found.filter { $0.text.first?.isNumber == true }.map(\.text) == Array(repeating: ["1.", "2.", "3."], count: 3).flatMap { $0 }, "\(found)")
        #expect(Self.linkedNotes(document).isEmpty)
    }
}
