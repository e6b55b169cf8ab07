import BinderyModel
@testable import BinderyText
import Testing

/// Plays (speaker labels in capitals) and indented verse, in Project Gutenberg's layout.
@Suite("Gutenberg plays and verse")
struct GutenbergPlayAndVerseTests {
    static func headings(_ document: Document) -> [String] {
        document.blocks.compactMap { if case .heading(let heading) = $0 { heading.inlines.plainText } else { nil } }
    }

    static func verseLines(_ document: Document) -> [String] {
        document.blocks.flatMap { block -> [String] in
            if case .verse(let lines, _) = block { return lines.map(\.plainText) }
            return []
        }
    }

    @Test func speakerLabelsAreNotHeadingsAndSpeechesKeepTheirLines() throws {
        var speeches: [String] = []
        for turn in 0..<8 {
            speeches.append("BERNARDO.\nWho’s there, in the cold of turn \(turn)?")
            speeches.append("FRANCISCO.\nNay, answer me: stand, and unfold yourself.\nLong live the king, and all his house!\nYou come most carefully upon your hour.")
        }
        speeches.append("FRANCISCO.\nFarewell! _Exit Reynaldo._\n\n _Enter Ophelia._\n\nHow now, Ophelia! what’s the matter?")
        speeches.append("PROLOGUE.\nFor us, and for our tragedy,\nHere stooping to your clemency,")
        let text = "Act I\n\n\n\nScene I\n\n\nA platform before the castle.\n\n _Enter Bernardo._\n\n" + speeches.joined(separator: "\n\n") + "\n\n\n\nAct II\n\n\nA room.\n"
        let document = try read(text)
        let headings = Self.headings(document)
        #expect(!headings.contains { $0.contains("BERNARDO") || $0.contains("Who’s there") || $0.contains("Enter") || $0.contains("Ophelia") || $0.contains("PROLOGUE") })
        #expect(headings.contains("Act II"))
        #expect(Self.verseLines(document).contains("Long live the king, and all his house!"))
        #expect(Self.verseLines(document).contains("You come most carefully upon your hour."))
    }

    /// A play's notes wrapped at the text's width, where the document's habit is that a sentence ending a full line
    /// opens the next line's paragraph (its verse): a note's sentence ending where the next word could not fit runs on
    /// in its note; one that left room ends the note's paragraph; the next note opens its own. In justified text (no
    /// width it was wrapped at) the habit decides, as for any paragraph.
    @Test(arguments: [("[2]", true), ("2.", true), ("2.", false)])
    func aNoteRunsOnOverASentenceEndingAtAFullLine(number: String, wrapped: Bool) {
        let note = gutenbergWrapped(number + " The two early printings part ways at this place, and neither of them gives the whole of the speech as it must once have stood on the stage. Editors have offered a dozen readings and settled on none of them at all. Another guess is given in the margin of one copy.", width: 72)
        #expect(note.contains("stood on the stage.\nEditors"), "the sentence ends where the next word could not fit")
        let next = number == "2." ? "3." : "[3]"
        let text = note + "\nA second paragraph of that note opens here, after a line that left room.\n\(next) The next note, its own paragraph.\n"
        var profile = LayoutProfile(layout: .hardWrapped, measure: 70, trailingSpaceMark: false, indentMark: false)
        profile.wrapWidth = wrapped ? 72 : nil
        profile.endOdds = ParagraphEndOdds(prior: 5, closedQuote: 0, notClosedQuote: 0, openedQuote: 0, notOpenedQuote: 0,
                                           nextLength: Array(repeating: 0, count: 17), endingLength: Array(repeating: 0, count: 17),
                                           usualLength: 68, floorLength: 40)
        let groups = ParagraphBuilder(profile: profile).build(sourceLines(text), pages: PageFinder.Result())
        let openings = groups.map { $0.lines.first!.text.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(openings == [number + " The"] + (wrapped ? [] : ["Editors have"]) + ["A second", next + " The"])
    }

    @Test func capitalisedTitlesThatDoNotRecurAreNoSpeakers() {
        let text = (1...14).map { "CHAPTER \($0).\nThe chapter begins here with a sentence." }.joined(separator: "\n\n")
        let groups = ParagraphBuilder(profile: LayoutProfile(layout: .blankLineSeparated, measure: 70, trailingSpaceMark: false, indentMark: false))
            .build(sourceLines(text), pages: PageFinder.Result())
        #expect(SpeakerLabels.find(groups).isEmpty)
        #expect(SpeakerLabels.label(sourceLines("HAMLET.")[0]) == "HAMLET")
        #expect(SpeakerLabels.label(sourceLines("Hamlet.")[0]) == nil)
    }

    static let prose = gutenbergWrapped((0..<6).map { _ in "A sentence of ordinary running prose, long enough to fill most of a line of text." }.joined(separator: " "))

    @Test func indentedStanzasAreVerseAndIndentedWrappedProseIsAQuote() throws {
        let text = """
        \(Self.prose)

            I have made fellowships—
            Untold of happy lovers in old song.
            For love is not the binding of fair lips
            With the soft silk of eyes that look and long,

            By Joy, whose ribbon slips—
            But wound with war’s hard wire whose stakes are strong;

        \(Self.prose)

            “If you are not so compassionate as to dine today with Louisa
            and me, we shall be in danger of hating each other for the
            rest of our lives, for a whole day’s tête-à-tête between two
            women can never end without a quarrel. Come as soon as you can
            on the receipt of this.

        \(Self.prose)
        """
        let document = try read(text)
        let lines = Self.verseLines(document)
        #expect(lines.contains("I have made fellowships—"))
        #expect(lines.contains("With the soft silk of eyes that look and long,"))
        #expect(lines.contains("But wound with war’s hard wire whose stakes are strong;"))
        #expect(!lines.contains { $0.contains("Louisa") })
        #expect(document.blocks.contains { if case .blockQuote(let inner, _) = $0 { inner.first?.plainText.contains("Louisa and me") == true } else { false } })
    }

    @Test func indentsSetLinesApartOnlyInTextsWithoutFirstLineIndentsOrThePagesLayout() {
        let plain = LayoutProfile(layout: .blankLineSeparated, measure: 70, trailingSpaceMark: false, indentMark: false)
        #expect(LineShape.indentsSetApart(plain, keepsPageLayout: false))
        #expect(!LineShape.indentsSetApart(plain, keepsPageLayout: true))
        #expect(!LineShape.indentsSetApart(LayoutProfile(layout: .hardWrapped, measure: 70, trailingSpaceMark: false, indentMark: true), keepsPageLayout: false))
        #expect(LineShape.indentsSetApart(LayoutProfile(layout: .linePerParagraph, measure: 300, trailingSpaceMark: false, indentMark: false), keepsPageLayout: false))
        // A play set out by `pdftotext -layout` (each speaker beside the speech) keeps its page's layout; indented verse does not.
        let table = (0..<12).map { "       Bernardo    Who’s there, for the \($0) time?\n                   Stand and unfold yourself." }.joined(separator: "\n")
        #expect(LineShape.keepsPageLayout(sourceLines(table)))
        let verse = (0..<12).map { "    Who’s there, for the \($0) time?\n    Stand and unfold yourself.\n\n       *       *       *\n" }.joined(separator: "\n")
        #expect(!LineShape.keepsPageLayout(sourceLines(verse)))
        let contents = (1...12).map { "    CHAPTER \($0).   The Title of Chapter \($0)   \($0 * 12)" }.joined(separator: "\n")
        #expect(!LineShape.keepsPageLayout(sourceLines(contents + "\n\n" + verse)))
    }

    /// Indented verse in a text cut into pages (a typescript's folios at each foot) is verse as it is without pages.
    @Test func versePagedIsVerse() throws {
        let stanza = ["    He is dead. Our Uncrowned King is dead.", "    O, Erin, mourn with grief and woe", "    For he lies dead whom the fell gang",
                      "    Of modern hypocrites laid low.", ""]
        var lines: [String] = []
        for turn in 0..<12 { lines += ["The words of this paragraph \(turn) run on for a while, as the words of a", "book do, and then at last they stop.", ""] + stanza + stanza }
        let paged = stride(from: 0, to: lines.count, by: 30).map { Array(lines[$0..<min(lines.count, $0 + 30)]) + ["", "", "                - \($0 / 30 + 1) -", "", ""] }
        let document = try read(paged.joined().joined(separator: "\n"))
        #expect(document.pageBreaks.count >= lines.count / 30 - 1)
        #expect(!Self.headings(document).contains { $0.contains("lies dead") || $0.contains("Uncrowned") })
        #expect(Self.verseLines(document).filter { $0 == "For he lies dead whom the fell gang" }.count >= 20)
    }

    @Test("a lone set-in line is a quotation only at an indent where the document sets blocks in", arguments: [true, false])
    func aLoneSetInLine(documentSetsBlocksIn: Bool) throws {
        let block = gutenbergWrapped("“We shall be in danger of hating each other for the rest of our lives, for a whole day together can never end without a quarrel.”",
                                     width: 66, indent: 4)
        let text = [Self.prose, "    Elsinore. A platform before the castle.", Self.prose, documentSetsBlocksIn ? block : Self.prose, Self.prose]
            .joined(separator: "\n\n") + "\n"
        let document = try read(text)
        let quoted = document.blocks.contains { if case .blockQuote(let inner, _) = $0 { inner.first?.plainText.hasPrefix("Elsinore.") == true } else { false } }
        let paragraph = document.blocks.contains { if case .paragraph = $0 { $0.plainText == "Elsinore. A platform before the castle." } else { false } }
        #expect(quoted == documentSetsBlocksIn)
        #expect(paragraph == !documentSetsBlocksIn)
    }

    @Test func aQuotationAfterASentenceThatRunsOnStaysAQuotation() throws {
        let text = Self.prose + "\nin a paper on the “Struggle for Existence,” that,\n\n" + gutenbergWrapped(
            "“from the point of view of the moralist, the animal world is on about the same level as a gladiators’ show. The creatures are fairly well treated, and set to fight.”",
            width: 66, indent: 4) + "\n\n" + Self.prose + "\n"
        let document = try read(text)
        #expect(document.blocks.contains { if case .blockQuote(let inner, _) = $0 { inner.first?.plainText.hasPrefix("“from the point of view") == true } else { false } })
    }

    @Test func aCoupletBetweenStanzasIsVerseButNotBesideProse() throws {
        let stanza = "    My arms have mutinied against me—brutes!\n    My fingers fidget like ten idle brats,\n    My back’s been stiff for hours, damned hours."
        let couplet = "    With him they buried the muzzle his teeth had kissed and more,\n    And truthfully wrote the Mother “Tim died smiling.”"
        let document = try read(Self.prose + "\n\n" + stanza + "\n\n" + couplet + "\n\n" + stanza + "\n\n" + Self.prose + "\n\n" + couplet + "\n\n" + Self.prose + "\n")
        let verses = document.blocks.filter { if case .verse = $0 { true } else { false } }
        #expect(verses.count == 3)
        #expect(verses.filter { $0.plainText.contains("Tim died smiling") }.count == 1)
    }
}
