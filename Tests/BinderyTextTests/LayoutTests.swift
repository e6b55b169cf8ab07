@testable import BinderyText
import BinderyModel
import Testing

@Suite("Paragraph layout")
struct LayoutTests {
    static let wrapped = String(repeating: "word ", count: 16)

    @Test(arguments: [
        ("blank", "\(wrapped)\n\(wrapped)\nend.\n\n\(wrapped)\nend.\n\n\(wrapped)\nend.", ParagraphLayout.blankLineSeparated, 3),
        ("hard", "\(wrapped)\n\(wrapped)\nend.\n\(wrapped)\nshort end.\n\(wrapped)\nfinal.", ParagraphLayout.hardWrapped, 3),
        ("double", String(repeating: "\(wrapped)\n\n\(wrapped)\n\n\(wrapped)\n\nend.  \n\n", count: 6), ParagraphLayout.doubleSpaced, 6),
        ("indented", String(repeating: "    Then \(wrapped)\n\(wrapped)\n\(wrapped)word.\n", count: 8), ParagraphLayout.hardWrapped, 8),
        ("lines", String(repeating: String(repeating: "long sentence here. ", count: 12) + "\n\n", count: 3), ParagraphLayout.linePerParagraph, 3),
    ])
    func detectsAndBuilds(name: String, text: String, layout: ParagraphLayout, paragraphs: Int) {
        let lines = sourceLines(text)
        let profile = LayoutDetector().detect(lines)
        #expect(profile.layout == layout, "\(name)")
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result())
        #expect(groups.count == paragraphs, "\(name)")
    }

    /// pdftotext breaks a line where a word ran in another font or was hyphenated at the margin: the scrap (`stout`,
    /// `mar‐`, `“I`) goes on into the full line in lower case under it; a short line a sentence ends, or a short line
    /// over a short one in lower case (verse), still stands apart.
    @Test func aScrapTheExtractionBrokeGoesOn() {
        let text = [
            "He walked along quickly through the November twilight, his", "stout", "hazel stick striking the ground regularly, the fringe of the buff",
            "Mail peeping out of a pocket.", "Long Sam was sore, he said, for he was sure that he was going to be", "mar‐",
            "ried on Christmas, but he got orders to report for duty at once, and", "then it stopped.", "“I",
            "have been at him all the evening,” said Miss O’Callaghan, “and he", "told us he had a cold.”",
            "It ended there.", "and a full line going on in lower case, as one after a heading might", "then it stopped.",
            "Tyger Tyger, burning", "in the forests of the night", "then it stopped.",
        ].joined(separator: "\n")
        let lines = sourceLines(text)
        let profile = LayoutDetector().detect(lines)
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text).joined(separator: " ") }
        #expect(groups.contains { $0.hasPrefix("He walked along") && $0.contains("his stout hazel stick") && $0.hasSuffix("a pocket.") }, "\(groups)")
        #expect(groups.contains { $0.hasPrefix("Long Sam") && $0.contains("be mar‐ ried") && $0.hasSuffix("then it stopped.") }, "\(groups)")
        #expect(groups.contains { $0.hasPrefix("“I have been at him") }, "\(groups)")
        #expect(groups.contains("It ended there."), "\(groups)")
        #expect(groups.contains("Tyger Tyger, burning"), "\(groups)")
    }

    /// A dash before a line opening a quotation mark leads into a speech; before a line opening with a dash it does not.
    @Test(arguments: [("and said—", "“I am astonished at it,", true), ("and said —", "“I am astonished", false), ("and said—", "—and so on", false),
                      ("and said,", "“I am astonished", false)])
    func dashesBeforeSpeeches(previous: String, line: String, introduces: Bool) {
        #expect(ParagraphBuilder.introducesSpeech(SourceLine(number: 1, raw: previous), SourceLine(number: 2, raw: line)) == introduces)
    }

    /// pdftotext -layout keeps the first-line indent: a long one-line paragraph then another indented as deep are two
    /// paragraphs; a block quote indented as deep, whose sentence ends a line further in, stays whole.
    @Test func indentedOneLineParagraphsStandApart() {
        let paragraph = "    Then \(Self.wrapped)\n\(Self.wrapped)\n\(Self.wrapped)word.\n"
        let speeches = "    “Because you were grave and silent, and gave me no encouragement at all.”\n"
            + "    “But I was embarrassed, and you knew it, and you said nothing of it then.”\n"
        let quote = "    “I wish you joy. If you love him half as well as I do my dear husband, you\n"
            + "    must be very happy. It is a great comfort to have you so rich and so near.\n"
            + "    Any place would do, they say.”\n"
        let lines = sourceLines(String(repeating: paragraph, count: 8) + speeches + paragraph + quote + paragraph)
        let profile = LayoutDetector().detect(lines)
        #expect(profile.indentMark)
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text) }
        #expect(groups.contains { $0.count == 1 && $0[0].hasPrefix("“Because") })
        #expect(groups.contains { $0.count == 1 && $0[0].hasPrefix("“But I was") })
        #expect(groups.contains { $0.count == 3 && $0[0].hasPrefix("“I wish you joy") }, "\(groups.suffix(4))")
    }

    /// A note number glued to a sentence's end (`community.270`), or in brackets set off by a space (`progeny.” [1]`), or the
    /// mark closing italics (`_Exeunt._`), or superscript figures (`state.”⁶`) leaves the sentence ended; a decimal or a year
    /// does not.
    @Test(arguments: [("the community.270", true), ("all.”12", true), ("so it is?4", true), ("section 1.270", false),
                      ("in 1920", false), ("the year.12345", false), ("see No.1", false), ("on p.12", false), ("in vol.3", false), ("for it.246", true),
                      ("progeny.” [1]", true), ("the cases. (2)", true), ("the rock (1)", false), ("see the list [12]", false),
                      ("_Exeunt._", true), ("*so it ends…*", true), ("the _word_", false), ("a star*", false), ("***", false),
                      ("their unprotected state.”⁶", true), ("it ends.¹²", true), ("the area in m²", false),
                      ("in 1850. (2)", false), ("see p. (12)", false)])
    func aGluedNoteNumberEndsTheSentence(text: String, ends: Bool) {
        #expect(TextShape.endsSentence(text) == ends)
    }

    /// A scene break printed between two paragraphs of hard-wrapped text stands alone; a run of closing marks
    /// (`…”` wrapped onto a line of its own) is no scene break.
    @Test func ornamentsStandAlone() {
        let lines = sourceLines("\(Self.wrapped)\n\(Self.wrapped)\nthe end of it.\n***\nThen \(Self.wrapped)\n\(Self.wrapped)\nend.")
        let groups = ParagraphBuilder(profile: LayoutDetector().detect(lines)).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text) }
        #expect(groups.contains(["***"]), "\(groups)")
        #expect(!ParagraphBuilder.isOrnament(sourceLines("…”")[0]) && ParagraphBuilder.isOrnament(sourceLines("*   *   *")[0]))
        #expect(ParagraphEndOdds.endsInInitial(sourceLines("long ago M.")[0]))
        #expect(!ParagraphEndOdds.endsInInitial(sourceLines("the USA.")[0]))
    }

    /// Notes set with a hanging indent (pdftotext -layout): the number at the margin, the other lines set in. The next
    /// number back at the margin starts the next note even where the one before ends without a full stop.
    @Test func hangingIndentItemsStandApart() {
        let text = "1.    In an effort to create a complete form of the play, two editors combined parts of it\n"
            + "  from both the quarto and the folio, and the verse line is missing a word, they say —Emma Sweeney\n"
            + "2. Here we encounter another complication due to combining two versions of the play.\n"
            + "  In the folio, the text is missing almost four lines of verse, restored from the quarto."
        let lines = sourceLines(String(repeating: "\(Self.wrapped)\n\(Self.wrapped)\nend.\n", count: 30) + text)
        let groups = ParagraphBuilder(profile: LayoutDetector().detect(lines)).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text) }
        #expect(groups.suffix(2).map { $0.first?.prefix(2) } == ["1.", "2."], "\(groups)")
    }

    /// Paragraphs opening with an indent among many block quotes set in as deep (pdftotext -layout of a scholarly
    /// book): the quotes' own lines do not hide the indent habit.
    @Test func indentsAmongBlockQuotes() {
        let paragraph = "    Then \(Self.wrapped)\n\(Self.wrapped)\n\(Self.wrapped)word, and he wrote as follows:\n"
        let quote = (1...5).map { "    quoted line \($0) of the letter runs across the narrower measure of it" }.joined(separator: "\n") + "\n"
        let lines = sourceLines(String(repeating: paragraph + quote + paragraph.replacingOccurrences(of: "as follows:", with: "so on."), count: 10))
        #expect(LayoutDetector().detect(lines).indentMark)
    }

    /// Paragraphs of thirty lines, each opening with an indent after a sentence's end: too few indents for a book of
    /// short paragraphs, yet every one marks a paragraph (and a long line that ends no sentence is no end).
    @Test(arguments: [30, 40])
    func indentsOfLongParagraphs(length: Int) {
        let body = String(repeating: "\(Self.wrapped) and\n", count: length - 1)
        let lines = sourceLines(String(repeating: "    Then \(body)so it ended.\n", count: 40))
        let profile = LayoutDetector().detect(lines)
        #expect(profile.indentMark)
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result())
        #expect(groups.count == 40)
    }

    /// A short title right over the first of its notes, no blank line between, in text whose paragraphs blank lines
    /// part: the notes are not the title's paragraph.
    @Test func aNoteRightUnderItsTitleStandsApart() {
        let paragraph = "\(Self.wrapped)\n\(Self.wrapped)\nend.\n\n"
        let lines = sourceLines(String(repeating: paragraph, count: 20) + "\nNOTES\n1. Like the river: presto.\n2. Like the tortoise: lento.\n")
        let profile = LayoutDetector().detect(lines)
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text) }
        #expect(groups.suffix(3).first == ["NOTES"], "\(groups.suffix(3))")
    }

    /// Near miss of the short-title rule in justified text: a short line inside a paragraph (before a long word or
    /// a name) is not a title over its text, so the paragraph stays whole.
    @Test func aShortLineInsideAJustifiedParagraphRunsOn() {
        let filler = String(repeating: "Then \(Self.wrapped)\n\(Self.wrapped)\n\(Self.wrapped)\nend.\n", count: 80)
        let lines = sourceLines(filler + "\(Self.wrapped)\nof the old river and then the town beyond it, far away\nNobody saw it end.\n")
        let profile = LayoutDetector().detect(lines)
        #expect(profile.fullLineFloor != nil)
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text) }
        #expect(groups.last?.count == 3, "\(groups.suffix(2))")
    }

    @Test func removesAlternatingRunningHeadsAndNumbers() throws {
        let body = (1...18).map { _ in Self.wrapped }.joined(separator: "\n")
        let pages = (1...7).map { page in
            (page.isMultiple(of: 2) ? "THE TITLE OF THE BOOK" : "Ann Author") + "\n" + body + "\nand the sentence runs on to the next page\n\(page + 40)"
        }
        let document = try read(pages.joined(separator: "\n\n\n\n") + "\nend.")
        let paragraphs = document.blocks.compactMap { block -> String? in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil }
        }
        #expect(paragraphs.count == 1)
        #expect(!paragraphs.contains { $0.contains("Ann Author") || $0.contains("THE TITLE") || $0.contains(" 41 ") })
        #expect(document.pageBreaks.count == 6)
        #expect(document.pageBreaks.allSatisfy { $0.runningHead != nil })
        #expect(document.pageBreaks.count { $0.removedPageNumber != nil } >= 5)
    }

    /// A quotation whose closing mark follows a space (`acts. ”`, French `fin.\u{202F}»`) still ends its sentence,
    /// so the citation on the next line is not run into it (corpus 003, line 1068).
    @Test(arguments: ["acts. ”", "la fin.\u{202F}»", "la fin.\u{00A0}»", "a bracket. )"])
    func aCitationAfterASpacedClosingQuoteStaysApart(ending: String) throws {
        let prose = String(repeating: "A line of prose that is a paragraph of its own, as in text exported from a blog. ", count: 2)
        let text = String(repeating: prose + "\n\n", count: 6) + "“Quoted words of a witness, and the last of them: \(ending)\n(p. 288)\n\n" + prose
        let paragraphs = try read(text).blocks.compactMap { block -> String? in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil }
        }
        #expect(paragraphs.contains("(p. 288)"), "\(paragraphs)")
        #expect(paragraphs.contains { $0.hasPrefix("“Quoted words") && !$0.contains("288") })
    }

    @Test func rejoinsAParagraphSplitByAPage() throws {
        // Four pages of wrapped text; the sentence at the foot of each page runs on to the next.
        let page = (1...20).map { _ in Self.wrapped }.joined(separator: "\n")
        let text = (1...4).map { _ in page + "\nthe sentence goes on \(Self.wrapped)" }.joined(separator: "\n\n\n\n") + "\nend."
        let document = try read(text)
        let paragraphs = document.blocks.filter { if case .paragraph = $0 { true } else { false } }
        #expect(paragraphs.count == 1)
        #expect(document.pageBreaks.count == 3)
    }

    /// A notes list set with hanging indents, in a book whose paragraphs open with an indent: the next note opening a
    /// page after a full line is a note of its own, and a signature set in as deep as its note's lines stays in it.
    @Test func hangingIndentNotesAcrossAPageBreak() {
        let lines = sourceLines("""
        114. The first note's text runs on over a full line of the printed page and then it ends
            with its second line set in under the first one, as the hanging indent sets them all.
        115. Whole civilizations had thus disappeared, as is proved now by the remarkable discover‐
            ies in Mongolia, on the Orkhon and in the Lukchun depression, by the latest explorers.
        116.    If I follow the opinions of (to name modern specialists only) Nasse, Kovalevsky, and
            Vinogradov, it is because of their knowledge of the village community altogether.
            —Emma Sweeney
        """)
        let profile = LayoutProfile(layout: .hardWrapped, measure: 92, trailingSpaceMark: false, indentMark: true)
        var pages = PageFinder.Result()
        pages.breaks[4] = PageBreak(number: "170")
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: pages).map { $0.lines.map(\.text) }
        #expect(groups.map(\.count) == [2, 2, 3], "\(groups)")
    }

    /// Near miss: a paragraph set in as deep as a numbered item's other lines, after the item's last sentence, is a
    /// paragraph of its own, not the item's.
    @Test func aParagraphAfterAHangingIndentItemStandsApart() {
        let lines = sourceLines("""
        2. No woman shall sell bread in the market of the town after the bell has rung for the evening,
           on pain of the same fine as the bakers pay for it.
           So the clerk read, and the crowd in the square listened to him without a word for a long time.
        """)
        let profile = LayoutProfile(layout: .hardWrapped, measure: 96, trailingSpaceMark: false, indentMark: true)
        let groups = ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text) }
        #expect(groups.map(\.count) == [2, 1], "\(groups)")
    }

    /// A tab sets a line in to the next multiple of eight columns, as `expand` reads it: a quotation and a stanza
    /// set in by a tab among paragraphs at the margin are a block quote and verse, as when set in by spaces (two
    /// of them are enough where blank lines part the paragraphs).
    @Test(arguments: ["\t", "        ", "  "])
    func quotationAndStanzaSetInByATabOrSpaces(indent: String) throws {
        let paragraph = gutenbergWrapped((0..<4).map { "Sentence \($0) of the paragraph runs on for a while before it ends." }.joined(separator: " "))
        let quote = gutenbergWrapped((0..<3).map { "Quoted sentence \($0) runs on for a while." }.joined(separator: " "), width: 60)
            .split(separator: "\n").map { indent + $0 }.joined(separator: "\n")
        let stanza = ["He would have had his Erin famed,", "The green flag gloriously unfurled,", "Her statesmen, bards and warriors raised",
                      "Before the nations of the World."].map { indent + $0 }.joined(separator: "\n")
        let text = ([paragraph, paragraph, quote, paragraph, stanza, paragraph, paragraph]).joined(separator: "\n\n") + "\n"
        #expect(sourceLines("\t\tText\n")[0].leadingSpaces == 16 && sourceLines("  \tText\n")[0].leadingSpaces == 8)
        let blocks = try read(text).blocks
        #expect(blocks.contains { if case .blockQuote = $0 { $0.plainText.hasPrefix("Quoted sentence 0") } else { false } }, "\(blocks.map(\.plainText))")
        #expect(blocks.contains { if case .verse(let lines, _) = $0 { lines.count == 4 } else { false } }, "\(blocks.map(\.plainText))")
    }
}
