import BinderyModel
@testable import BinderyText
import Testing

/// A title page read as a cataloguer reads it: title and subtitle, credits with their roles, the imprint under them.
@Suite("Title page credits")
struct TitlePageCreditsTests {
    private let chapter = ["CHAPTER I", "", "The first paragraph of running text goes on for a while and then it ends, as they do.",
                           "A second line follows it here and the paragraph is done now."].joined(separator: "\n")

    @Test("title, subtitle, a translator and a second one, then place, publisher and year as the imprint")
    func translatedWithImprint() throws {
        let page = ["THE WORKSHOP", "A HISTORY OF A TRADE", "TRANSLATED FROM THE RUSSIAN BY", "ANNA EXAMPLE", "and Tom Example",
                    "LONDON", "JOHN MURRAY", "1920"].joined(separator: "\n\n")
        let document = try read(page + "\n\n\u{0C}\n" + chapter + "\n")
        let metadata = document.metadata
        #expect(metadata.title == "The Workshop")
        #expect(metadata.subtitle == "A History of a Trade")
        #expect(metadata.creators.map { "\($0.name) \($0.role)" } == ["Anna Example trl", "Tom Example trl"])
        #expect(metadata.sourceDescription == "London, John Murray, 1920")
        #expect(metadata.date == "1920")
    }

    @Test("a title broken after its article is one; an edition line is the imprint's; a preface's author and a translator by their roles")
    func rolesAndEditions() throws {
        let page = ["THE", "BROTHERS KARAMAZOV", "SECOND EDITION, REVISED", "Translated from the French by Jane Doe",
                    "With an Introduction by Paul Roe", "NEW YORK", "HARPER & BROTHERS", "1923"].joined(separator: "\n\n")
        let document = try read(page + "\n\n\u{0C}\n" + chapter + "\n")
        let metadata = document.metadata
        #expect(metadata.title == "The Brothers Karamazov")
        #expect(metadata.subtitle == nil)
        #expect(metadata.creators.map { "\($0.name) \($0.role)" } == ["Jane Doe trl", "Paul Roe aui"])
        #expect(metadata.sourceDescription == "Second Edition, Revised, New York, Harper & Brothers, 1923")
        // A translator and an introducer name no author: a warning says so.
        #expect(document.diagnostics.contains { $0.code == "metadata.author-missing" })
    }

    @Test("a title and its author, then the first title set off by as many blank lines as every heading: the title page ends there",
          arguments: [false, true])
    func titlePageEndsAtTheHeadingsGap(numberedParts: Bool) throws {
        var lines = ["Collected Pieces", "", "Some Author"]
        var seed = 0
        for (title, parts) in [("The Sentry", 0), ("The Chances", 0), ("Insensibility", 3), ("Futility", 0), ("Exposure", 2), ("Mental Cases", 0)] {
            lines += ["", "", "", "", title, "", ""]
            for part in ["I", "II", "III"].prefix(numberedParts ? parts : 0) { lines += ["", "", "CHAPTER \(part)", "", ""] + NumberingSchemeTests.paragraph(seed) + [""] }
            for _ in 0..<4 {
                seed += 1
                lines += NumberingSchemeTests.paragraph(seed) + [""]
            }
        }
        let document = try read(lines.joined(separator: "\n"))
        #expect(document.metadata.title == "Collected Pieces")
        #expect(document.metadata.creators.map(\.name) == ["Some Author"])
        #expect(headings(document).first { $0.level == 1 }?.text == "The Sentry", "\(headings(document))")
    }

    @Test("without a title page, a heading that is only a division's number is no title: the title is missing, and said so")
    func numberIsNoTitle() throws {
        let text = ["Chapter I", "The first paragraph of running text goes on for a while and then it ends, as they do.",
                    "Chapter II", "The second paragraph of running text goes on for a while and then it ends, as they do."].joined(separator: "\n\n")
        let document = try read(text + "\n")
        #expect(document.metadata.title == nil)
        #expect(document.diagnostics.contains { $0.code == "metadata.title-missing" })
    }

    @Test("an author's credit, then an editor's on two lines; nothing under them")
    func authorAndEditor() throws {
        let page = ["THE CONQUEST OF BREAD", "by Peter Kropotkin", "EDITED BY", "FRIENDS OF THE AUTHOR"].joined(separator: "\n\n")
        let metadata = try read(page + "\n\n\u{0C}\n" + chapter + "\n").metadata
        #expect(metadata.title == "The Conquest of Bread")
        #expect(metadata.subtitle == nil)
        #expect(metadata.creators.map { "\($0.name) \($0.role)" } == ["Peter Kropotkin aut", "Friends of the Author edt"])
        #expect(metadata.sourceDescription == nil && metadata.date == nil)
    }
}
