@testable import BinderyText
import BinderyModel
import Testing

/// Where paragraphs open with an indent and run on without blank lines, a quoted document is set in between blank
/// lines: its one-line paragraphs (a short sentence, a signature) go with the quotation; a one-line paragraph of the
/// text, with no blank line after it, does not.
@Suite("Quotations among indented paragraphs")
struct IndentedQuotationTests {
    /// A paragraph with its first line set in four spaces, wrapped at 72.
    static func paragraph(_ seed: Int) -> String {
        let text = (0..<4).map { "Sentence \($0) of paragraph \(seed) runs on for a while before it ends." }.joined(separator: " ")
        return "    " + gutenbergWrapped("xxxx " + text, width: 72).dropFirst(5)
    }

    @Test func oneLineParagraphsOfAQuotedDocument() throws {
        let prose = (0..<12).map(Self.paragraph).joined(separator: "\n")
        let quoted = gutenbergWrapped("The responsibility for the consequences will fall entirely upon the heads of the mutineers, who were warned.", width: 70, indent: 4)
        let text = [prose, quoted, "    This warning is final.", "    Trotsky, Chairman.",
                     "    The ultimatum went unanswered.\n" + (12..<20).map(Self.paragraph).joined(separator: "\n")].joined(separator: "\n\n") + "\n"
        let document = try read(text)
        let quotes = document.blocks.compactMap { block -> String? in if case .blockQuote(let inner, _) = block { inner.map(\.plainText).joined() } else { nil } }
        #expect(quotes.count == 3, "\(quotes)")
        #expect(quotes.contains("This warning is final.") && quotes.contains("Trotsky, Chairman."), "\(quotes)")
        #expect(document.blocks.contains { if case .paragraph = $0 { $0.plainText == "The ultimatum went unanswered." } else { false } })
    }

    /// A quotation set in deeper than the paragraphs' indent that goes on with the sentence before it (`…, that,` /
    /// `“from the point of view …`): the blank line before it is no stray one inside a sentence.
    @Test(arguments: ["\t", "        "])
    func quotationGoingOnWithItsSentence(indent: String) throws {
        let prose = (0..<12).map(Self.paragraph).joined(separator: "\n")
        let lead = "    In fact, were we not taught by one of the ablest exponents of the theory,\nin a paper on the struggle for existence and its bearing upon man, that,"
        let quoted = ["“from the point of view of the moralist, the animal world is",
                      "on about the same level as a gladiators’ show. The creatures",
                      "are fairly well treated, and set to fight; whereby the",
                      "strongest and the swiftest live to fight another day.”"].map { indent + $0 }.joined(separator: "\n")
        let text = [prose, lead, quoted, (12..<20).map(Self.paragraph).joined(separator: "\n")].joined(separator: "\n\n") + "\n"
        let quotes = try read(text).blocks.compactMap { block -> String? in if case .blockQuote(let inner, _) = block { inner.map(\.plainText).joined() } else { nil } }
        #expect(quotes.count == 1 && quotes.first?.hasPrefix("“from the point of view") == true, "\(quotes)")
    }

    @Test("a quotation set in between blank lines, wrapped narrower, whose lines end sentences short of the text's measure, is one; one-line speeches after a display stay apart")
    func quotationWhoseLinesEndSentences() throws {
        let prose = (0..<12).map(Self.paragraph).joined(separator: "\n")
        // Wrapped at 66 and set in 4: its first line ends a sentence; a later one ends one shorter than 0.8 of the text's 72.
        let quoted = ["    “The feeling of friendship is known among them; it is strong.",
                      "    Weak people are usually supported; sick people are very well",
                      "    attended to, and every one of them is there for the others,",
                      "    with gulls and terns, as with snowflakes on a winter day.",
                      "    Thousands of plovers and sand-coursers run over the beach,",
                      "    searching their food, whistling, and simply enjoying life.”"].joined(separator: "\n")
        let display = "    “Caroline Bingley.”"
        let speeches = ["    “With the officers!” cried Lydia. “I wonder my aunt did not tell us of it.”",
                        "    “Dining out,” said Mrs. Bennet, “that is very unlucky.”",
                        "    “Can I have the carriage?” said Jane."].joined(separator: "\n")
        let text = [prose, quoted, (12..<20).map(Self.paragraph).joined(separator: "\n"), display,
                    speeches + "\n" + (20..<28).map(Self.paragraph).joined(separator: "\n")].joined(separator: "\n\n") + "\n"
        let document = try read(text)
        let quotes = document.blocks.compactMap { block -> String? in if case .blockQuote(let inner, _) = block { inner.map(\.plainText).joined() } else { nil } }
        #expect(quotes.first { $0.hasPrefix("“The feeling") }?.hasSuffix("simply enjoying life.”") == true, "\(quotes)")
        let paragraphs = document.blocks.compactMap { block -> String? in if case .paragraph = block { block.plainText } else { nil } }
        #expect(paragraphs.contains("“Dining out,” said Mrs. Bennet, “that is very unlucky.”"), "\(paragraphs)")
        #expect(paragraphs.contains { $0.hasPrefix("“With the officers!”") && $0.hasSuffix("of it.”") }, "\(paragraphs)")
    }

    /// Paragraphs set in two spaces and wrapped at 80, a quotation set in four and wrapped at 70: a sentence's end on
    /// one of its full lines (`Mrs.` before a name on the next) is full for the quotation's own measure, though short of
    /// four fifths of the text's.
    @Test func quotationWrappedNarrowerThanTheText() throws {
        func paragraph(_ seed: Int) -> String {
            let text = (0..<4).map { "Sentence \($0) of paragraph \(seed) runs on for quite a while longer before it ends." }.joined(separator: " ")
            return "  " + gutenbergWrapped("xx " + text, width: 80).dropFirst(3)
        }
        let quoted = ["    The disagreement subsisting between yourself and my late father",
                      "    always gave me much uneasiness, and I have frequently wished to",
                      "    heal the breach; it had always pleased him to be at variance.",
                      "    He would say so.—“There, Mrs. Bennet, there, dear Mrs.",
                      "    Bennet.”—My mind however is now made up on the subject, for having",
                      "    received ordination at Easter, I have been so fortunate."].joined(separator: "\n")
        let text = [(0..<10).map(paragraph).joined(separator: "\n"), quoted, (10..<20).map(paragraph).joined(separator: "\n")].joined(separator: "\n\n") + "\n"
        let blocks = try read(text).blocks
        let quotes = blocks.compactMap { block -> String? in if case .blockQuote(let inner, _) = block { inner.map(\.plainText).joined() } else { nil } }
        #expect(quotes.count == 1 && quotes.first?.hasSuffix("I have been so fortunate.") == true, "\(quotes) \(blocks.map(\.plainText))")
    }

    @Test("a stanza set in as deep as the paragraphs' first lines, between blank lines, is verse line by line; a quotation set in beside it stays one")
    func stanzaSetInAsDeepAsParagraphs() throws {
        let stanza = ["    He would have had his Erin famed,", "    The green flag gloriously unfurled,",
                      "    Her statesmen, bards and warriors raised", "    Before the nations of the World."]
        let quoted = gutenbergWrapped((0..<5).map { "Quoted sentence \($0) goes on for a while before it ends." }.joined(separator: " "), width: 64, indent: 4)
        let text = [(0..<8).map(Self.paragraph).joined(separator: "\n"), stanza.joined(separator: "\n"),
                    (8..<14).map(Self.paragraph).joined(separator: "\n"), quoted,
                    (14..<20).map(Self.paragraph).joined(separator: "\n")].joined(separator: "\n\n") + "\n"
        let document = try read(text)
        let verse = document.blocks.compactMap { block -> [String]? in
            if case .verse(let lines, _) = block { lines.map { $0.map(\.plainText).joined() } } else { nil }
        }
        #expect(verse == [stanza.map { $0.trimmingCharacters(in: .whitespaces) }], "\(document.blocks)")
        let quotes = document.blocks.compactMap { block -> String? in if case .blockQuote(let inner, _) = block { inner.map(\.plainText).joined() } else { nil } }
        #expect(quotes.count == 1 && quotes[0].hasPrefix("Quoted sentence 0") && quotes[0].hasSuffix("sentence 4 goes on for a while before it ends."), "\(quotes)")
    }

    @Test("in text wrapped without blank lines or indents, a quoted document's one-line paragraph set in as deep as its others is no title")
    func oneLineParagraphOfAQuotationIsNoTitle() throws {
        func prose(_ seed: Int) -> String {
            gutenbergWrapped((0..<4).map { "Sentence \($0) of paragraph \(seed) runs on for a while before it ends." }.joined(separator: " "), width: 72)
        }
        let before = gutenbergWrapped("The railway porter stated that as the train was about to start he observed a woman attempting to cross the lines, and that he ran towards her and shouted.", width: 64, indent: 4)
        let after = gutenbergWrapped("The police sergeant deposed that when he arrived he found the deceased lying on the platform, and had the body taken to the waiting-room.", width: 64, indent: 4)
        let text = ["THE INQUEST\n\n\n\nCHAPTER I.\n\n" + (0..<6).map(prose).joined(separator: "\n"), before, "    _A juror._ “You saw the lady fall?”",
                    "    _Witness._ “Yes.”", after, (6..<12).map(prose).joined(separator: "\n") + "\n\n\n\nCHAPTER II.\n\n" + (12..<18).map(prose).joined(separator: "\n")
                    + "\n\n\n\nCHAPTER III.\n\n" + (18..<24).map(prose).joined(separator: "\n")].joined(separator: "\n\n") + "\n"
        let document = try read(text)
        #expect(headings(document).map(\.text) == ["CHAPTER I.", "CHAPTER II.", "CHAPTER III."], "\(headings(document))")
        let quotes = document.blocks.compactMap { block -> String? in if case .blockQuote(let inner, _) = block { inner.map(\.plainText).joined() } else { nil } }
        #expect(quotes.contains { $0.contains("You saw the lady fall?") }, "\(quotes)")
    }

    @Test("after blank lines, set-in lines that open their own things stay apart: a letter's salutation, speeches, contents rows")
    func setInLinesThatOpenTheirOwn() throws {
        let prose = { (range: Range<Int>) in range.map(Self.paragraph).joined(separator: "\n") }
        let letter = "    MY DEAR LIZZY,\n" + Self.paragraph(90)
        let speeches = ["    “I have been used to consider poetry as the food of love, and so has every one of us,” said Darcy.",
                        "    “But—”", "    “Dining out,” said Mrs. Bennet, “that is very unlucky.”"].joined(separator: "\n")
        let contents = ["    CHAPTER I. THE BOY AT THE INN", "    CHAPTER II. THE VOYAGE OUT", "    CHAPTER III. THE ISLAND"].joined(separator: "\n")
        let text = [prose(0..<8), letter, prose(8..<12), speeches + "\n" + prose(12..<16), contents, prose(16..<22)].joined(separator: "\n\n") + "\n"
        let document = try read(text)
        #expect(!document.blocks.contains { if case .verse = $0 { true } else { false } }, "\(document.blocks)")
        let paragraphs = document.blocks.map(\.plainText)
        #expect(paragraphs.contains("MY DEAR LIZZY,"), "\(paragraphs)")
        #expect(paragraphs.contains("“But—”") && paragraphs.contains("“Dining out,” said Mrs. Bennet, “that is very unlucky.”"), "\(paragraphs)")
        #expect(!paragraphs.contains { $0.contains("INN CHAPTER II") }, "\(paragraphs)")
    }
}
