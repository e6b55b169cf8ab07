@testable import BinderyText
import BinderyModel
import Testing

/// Endnote lists as pdftotext prints them: the number on a line of its own, its text under it, or all the
/// numbers first and all the texts after them (raw reading order).
@Suite("Note lists with bare numbers")
struct BareNumberNotesTests {
    static let body = [
        "The first chapter cites an old book,1 and goes on for a while with more",
        "words to fill the line, then cites a second,2 and a third one.3",
        "",
        "Notes",
        "",
    ]

    private func notes(_ text: String) throws -> [String] {
        var found: [String] = []
        func collect(_ inlines: [Inline]) {
            for inline in inlines {
                if case .note(let note) = inline { found.append(note.blocks.map { if case .paragraph(let content, _) = $0 { content.plainText } else { "" } }.joined()) }
            }
        }
        for block in try read(text).blocks { if case .paragraph(let inlines, _) = block { collect(inlines) } }
        return found
    }

    @Test("each number with its text under it")
    func numberThenText() throws {
        let text = Self.body + ["1.", "", "Smith, The Old Book, p. 3.", "2.", "", "Jones, Another, p. 9.", "3.", "", "Brown, A Third, p. 12."]
        #expect(try notes(text.joined(separator: "\n")) == ["Smith, The Old Book, p. 3.", "Jones, Another, p. 9.", "Brown, A Third, p. 12."])
    }

    @Test("all the numbers, then all the texts, paired in order")
    func columns() throws {
        let text = Self.body + ["1.", "2.", "3.", "", "Smith, The Old Book, p. 3.", "", "Jones, Another, p. 9.", "", "Brown, A Third, p. 12."]
        #expect(try notes(text.joined(separator: "\n")) == ["Smith, The Old Book, p. 3.", "Jones, Another, p. 9.", "Brown, A Third, p. 12."])
    }

    @Test("a column of numbers whose texts are short title-like lines: still notes, and no number becomes a heading")
    func columnsOfShortTexts() throws {
        let text = Self.body + ["1.", "2.", "3.", "", "Statue of Peter the Great", "", "Master.", "", "Well-to-do peasants."]
        let document = try read(text.joined(separator: "\n"))
        #expect(try notes(text.joined(separator: "\n")) == ["Statue of Peter the Great", "Master.", "Well-to-do peasants."])
        #expect(!document.blocks.contains { if case .heading(let heading) = $0 { heading.inlines.plainText.first?.isNumber == true } else { false } })
    }

    @Test("notes numbered from one under the notes heading are notes even when the list does not end its division")
    func listUnderNotesHeadingRunsOn() throws {
        let text = Self.body + ["1. Smith wrote of it at length in his second volume.", "", "2. Jones agreed with him about the river and the town.", "",
                                "3. Brown did not, and said so plainly in a letter.", "", "A closing paragraph that follows the notes and runs on for a while."]
        #expect(try notes(text.joined(separator: "\n")).count == 3)
    }

    /// b01's raw notes pages: a column of numbers with its texts, then each number over its text, the last one a
    /// short line that reads like a heading; all of them one list whose markers are found in order.
    @Test("a column of numbers, then numbers each over its text: one list, every marker linked")
    func columnThenNumbersOverTexts() throws {
        let body = ["The first chapter cites an old book,1 and goes on for a while with more words",
                    "to fill the line, then cites a second,2 a third,3 and a fourth one.4", "", "Notes", ""]
        let text = body + ["1.", "2.", "", "Statue of Peter the Great", "Master.", "3.", "", "Well-to-do peasants of the old village.", "4.", "", "Lenin."]
        #expect(try notes(text.joined(separator: "\n")) == ["Statue of Peter the Great", "Master.", "Well-to-do peasants of the old village.", "Lenin."])
    }

    @Test("numbers without a full stop, each over its text, right under the notes heading")
    func stoplessNumbersUnderNotesHeading() throws {
        let text = Self.body + ["1", "Smith, The Old Book, p. 3.", "2", "Jones, Another, p. 9.", "3", "Brown, A Third, p. 12."]
        #expect(try notes(text.joined(separator: "\n")) == ["Smith, The Old Book, p. 3.", "Jones, Another, p. 9.", "Brown, A Third, p. 12."])
    }

    @Test("near miss: numbers without a full stop under a title that is not a notes heading are no notes")
    func stoplessNumbersUnderAnotherTitle() throws {
        let body = Array(Self.body.dropLast(2)) + ["Of the Prejudices", ""]
        let text = body + ["1", "Smith wrote of it at length in his second volume, and more.", "2", "Jones agreed with him, and said so."]
        #expect(try notes(text.joined(separator: "\n")).isEmpty)
    }

    @Test("near miss: after notes with no notes heading, the body on the next page is no part of the last note")
    func bodyAfterUntitledNotesAndAPageBreak() throws {
        let body = ["The first chapter cites an old book,1 and goes on for a while with more words", "to fill the line, and a second.2", ""]
        let notes = ["1. Smith, The Old Book, p. 3.", "", "2. Jones, Another, p. 9.", "\u{0C}", "The body goes on here with a paragraph of its own that runs across the line.", "", "II", ""]
        let found = try self.notes((body + notes + body).joined(separator: "\n"))
        #expect(found.count == 2 && !found[1].contains("body goes on"), "\(found)")
    }

    @Test("near miss: numbers that do not start at one after a title are left as text")
    func nearMiss() throws {
        let text = Self.body + ["4.", "", "Smith, The Old Book, p. 3.", "5.", "", "Jones, Another, p. 9."]
        #expect(try notes(text.joined(separator: "\n")).isEmpty)
        #expect(try read(text.joined(separator: "\n")).blocks.contains { if case .paragraph(let inlines, _) = $0 { inlines.plainText == "4." } else { false } })
    }
}
