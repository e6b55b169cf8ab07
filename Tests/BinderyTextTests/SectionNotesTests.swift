import BinderyModel
@testable import BinderyText
import Testing

/// Notes listed under a `NOTES` title after each section (or chapter) that cites them, numbered again from 1 in
/// every list: generated in each combination of section numbering, note form and list length.
@Suite("Notes after each section")
struct SectionNotesTests {
    /// No sections, sections numbered through the book, or roman sections numbered again in each chapter (a chapter
    /// whose number goes on from the last ends the notes before it).
    enum Sections: CaseIterable { case none, runningArabic, restartingRoman }
    enum NoteForm: CaseIterable { case dotted, bracketed }

    static let prose = "A sentence of the body that runs on for a while and says very little at all, as bodies do.\n"

    /// The document, its heading texts (titles of notes lists left out) and its note texts in order.
    static func document(_ sections: Sections, _ form: NoteForm, notesPerList: Int) -> (text: String, headings: [String], notes: [String]) {
        var text = "THE BOOK OF TESTS\n\nby A. Writer\n\n\n\n"
        var headings: [String] = [], notes: [String] = []
        var running = 0
        func list(_ place: String) {
            text += "\n\nNOTES\n\n"
            for number in 1...notesPerList {
                let note = "The note \(number) of \(place), a sentence."
                notes.append(note)
                text += (form == .dotted ? "\(number). " : "[\(number)] ") + note + "\n\n"
            }
        }
        func body(_ place: String) {
            text += prose + prose + "\n"
            text += "A claim made here" + (1...notesPerList).map { "[\($0)] and more" }.joined() + ".\n" + prose + "\n"
            list(place)
        }
        for chapter in ["I", "II", "III", "IV"] {
            text += "\n\n\nCHAPTER \(chapter).\n\n"
            headings.append("CHAPTER \(chapter).")
            switch sections {
            case .none:
                body("chapter \(chapter)")
            case .runningArabic, .restartingRoman:
                for section in ["I", "II", "III"] {
                    running += 1
                    let number = sections == .runningArabic ? "\(running)" : section
                    text += "\n\n\(number)\n\n"
                    headings.append(number)
                    body("section \(running)")
                }
            }
        }
        return (text, headings, notes)
    }

    static let cases: [(Sections, NoteForm, Int)] = Sections.allCases.flatMap { sections in
        NoteForm.allCases.flatMap { form in [1, 2].map { (sections, form, $0) } }
    }

    @Test(arguments: cases)
    func sectionsNotesAndLevelsComeBack(sections: Sections, form: NoteForm, notesPerList: Int) throws {
        let (text, expected, notes) = Self.document(sections, form, notesPerList: notesPerList)
        let document = try read(text)
        let found = headings(document)
        #expect(found.map(\.text).filter { $0 != "NOTES" } == expected, "\(found)")
        var linked: [String] = []
        for case .paragraph(let inlines, _) in document.blocks {
            for case .note(let note) in inlines { linked.append(note.blocks.map(\.plainText).joined()) }
        }
        #expect(linked == notes)
        // A notes title holds its notes, never the divisions after it.
        for (position, heading) in found.enumerated() where heading.text == "NOTES" && position + 1 < found.count {
            #expect(found[position + 1].level <= heading.level, "\(found)")
        }
    }

    /// Endnotes numbered by bare numbers under a notes title (`1`, then its text) stay notes, even where their
    /// numbers go on from the sections' (`1`–`3` in the body, then notes `1`–`5`).
    @Test func bareNumberEndnotesStayNotes() throws {
        var text = "THE BOOK OF TESTS\n\nby A. Writer\n\n\n\n"
        for section in 1...3 { text += "\n\n\(section)\n\n" + Self.prose + "A claim.\(section) And more.\n" + Self.prose }
        text += "\n\n\nNOTES\n\n"
        for note in 1...5 { text += "\(note)\n\nThe text of note \(note), a sentence of some length.\n\n" }
        let found = headings(try read(text))
        #expect(found.map(\.text) == ["1", "2", "3", "NOTES"], "\(found)")
    }

    /// Endnotes in one section at the end, their bare numbers alone on their lines: under chapter subheadings after an
    /// introductory paragraph, or with a number missing, none of them becomes a heading.
    @Test(arguments: [true, false])
    func bareNumberEndnotesUnderSubheadingsOrWithAGap(subheadings: Bool) throws {
        var text = "THE BOOK OF TESTS\n\nby A. Writer\n\n\n\n"
        for chapter in 1...3 { text += "\n\n\(chapter)\n\n" + Self.prose + "A claim.1 And more.2 Still more.3\n" + Self.prose }
        text += "\n\n\nNOTES\n\nThe notes are numbered afresh in each chapter, as the list above says.\n\n"
        for chapter in 1...3 {
            if subheadings { text += "\nCHAPTER \(chapter)\n\n" }
            for note in subheadings ? [1, 2, 3] : [1, 2, 4, 5, 6, 7].filter({ _ in chapter == 1 }) {
                text += "\(note)\n\nThe text of note \(note), a sentence of some length.\n\n"
            }
        }
        let found = headings(try read(text)).map(\.text)
        #expect(found.prefix(4) == ["1", "2", "3", "NOTES"], "\(found)")
        #expect(!found.dropFirst(4).contains { $0.first?.isNumber == true }, "\(found)")
    }

    /// A notes section's own numbered subheadings (`1. The Dawn`, then `[1] …`) stay headings, not one-note runs.
    @Test func numberedSubheadingsOfANotesSectionStayHeadings() throws {
        var text = "THE BOOK OF TESTS\n\nby A. Writer\n\n\n\n"
        for chapter in ["ONE", "TWO", "THREE"] { text += "\n\n\nCHAPTER \(chapter)\n\n" + Self.prose + "A claim.[1] And more.[2]\n" + Self.prose }
        text += "\n\n\nNOTES\n\n"
        for (number, title) in [(1, "The Dawn"), (2, "The Noon"), (3, "The Dusk")] {
            text += "\n\n\(number). \(title)\n\n[1] The first note to part \(number), a sentence.\n\n[2] The second note to part \(number).\n\n"
        }
        let found = headings(try read(text)).map(\.text)
        #expect(found.contains("1. The Dawn") && found.contains("2. The Noon"), "\(found)")
    }

    /// Aphorisms numbered through named chapters, notes after each chapter, then a new title set apart whose parts are
    /// numbered from 1 again: the title ends the last notes section, and its numbers are its parts, not notes. (Most
    /// paragraphs stand right under a number, after its gap: the paragraphs' own gap is the one between two of them.)
    @Test func aTitleAfterTheLastNotesEndsThem() throws {
        var text = "THE BOOK OF TESTS\n\nby A. Writer\n\n\n\n"
        var aphorism = 0
        for chapter in ["I", "II", "III"] {
            text += "\n\n\nCHAPTER \(chapter).\n\n\n"
            for _ in 1...4 {
                aphorism += 1
                text += "\n\n\(aphorism)\n\n\n" + Self.prose + Self.prose + "A claim.[1] And more.\n" + Self.prose
                if aphorism % 3 == 0 { text += "\n" + Self.prose + Self.prose }
            }
            text += "\n\nNOTES\n\n[1] The note to chapter \(chapter), a sentence.\n"
        }
        text += "\n\n\n\nFrom the Heights\n\n\n"
        for part in 1...3 { text += "\(part)\n\n" + Self.prose + Self.prose + "\n" }
        let found = headings(try read(text))
        let title = try #require(found.firstIndex { $0.text == "From the Heights" }, "\(found)")
        #expect(found[(title + 1)...].map(\.text) == ["1", "2", "3"], "\(found)")
        #expect(found[(title + 1)...].allSatisfy { $0.level > found[title].level }, "\(found)")
    }
}
