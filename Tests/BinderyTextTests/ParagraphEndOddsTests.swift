@testable import BinderyText
import BinderyModel
import Testing

/// Justified text with no blank lines and no indents (pdftotext of a typeset book): a paragraph whose last line
/// happens to be full is told from a sentence that ends a line inside a paragraph by the document's own habits.
@Suite("Paragraph ends on full lines")
struct ParagraphEndOddsTests {
    /// A generated book of `count` paragraphs: some speeches in quotation marks, and first lines set
    /// `lostIndent` characters shorter (the indent that extraction dropped).
    static func book(dialogue: Bool, lostIndent: Int, width: Int, seed: UInt64) -> (text: String, paragraphs: [String], fullEnds: Set<String>) {
        var prose = ProseGenerator(seed: seed)
        let wrapper = LineWrapper(width: width, hyphenation: .none)
        var lines: [String] = [], paragraphs: [String] = [], fullEnds: Set<String> = []
        for _ in 0..<400 {
            var paragraph = prose.sentences(prose.number(1...7)).joined(separator: " ")
            if dialogue, prose.chance(40) {
                // A speech; a third of them go on after the speaker, as a narrated sentence.
                let speech = prose.sentences(prose.number(1...3)).joined(separator: " ")
                paragraph = "“\(speech.dropLast()),” \(prose.sentence().prefix { $0 != " " }.lowercased()) said."
                if prose.chance(35) { paragraph += " " + prose.sentence() }
            }
            let set = wrapper.wrap(paragraph, firstIndent: lostIndent).map { String($0.drop { $0 == " " }) }
            if set.count > 1, set.last!.count >= width - 8 { fullEnds.insert(paragraph) }
            lines += set
            paragraphs.append(paragraph)
        }
        return (lines.joined(separator: "\n") + "\n", paragraphs, fullEnds)
    }

    /// The paragraphs the layout stage finds in `text`, with the odds or (`odds: false`) with the line-length floor alone.
    static func recovered(_ text: String, odds: Bool = true) -> Set<String> {
        let lines = sourceLines(text)
        var profile = LayoutDetector().detect(lines)
        // The books are wrapped by character count, which the fit test reads (`FixedWrapTests`): here they stand in
        // for a justified page, whose extraction leaves no such evidence, and the odds are measured as for one.
        profile.wrapWidth = nil
        profile.endOdds = odds ? ParagraphEndOdds.measure(lines, text: lines.indices.filter { !lines[$0].isBlank }) : nil
        #expect(profile.endOdds != nil || !odds)
        return Set(ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text).joined(separator: " ") })
    }

    @Test(arguments: [(true, 2, 72), (true, 0, 72), (false, 2, 72), (true, 3, 60), (false, 3, 90)])
    func fullLastLinesEndTheirParagraphs(dialogue: Bool, lostIndent: Int, width: Int) {
        let book = Self.book(dialogue: dialogue, lostIndent: lostIndent, width: width, seed: 18)
        let found = Self.recovered(book.text), foundByLength = Self.recovered(book.text, odds: false)
        let whole = book.paragraphs.count { found.contains($0) }, wholeByLength = book.paragraphs.count { foundByLength.contains($0) }
        // The line-length floor alone joins every paragraph that ends on a full line to the next one.
        let fullWhole = book.fullEnds.count { found.contains($0) }
        #expect(book.fullEnds.count >= 20)
        #expect(book.fullEnds.count { foundByLength.contains($0) } == 0)
        #expect(fullWhole * 3 >= book.fullEnds.count, "\(fullWhole) of \(book.fullEnds.count) ending on full lines")
        #expect(whole > wholeByLength + book.fullEnds.count / 3, "\(whole) whole, \(wholeByLength) by line length alone")
        // Before a speech, the quotation mark settles it (the paragraph may still have lost its own start).
        let beforeSpeech = zip(book.paragraphs, book.paragraphs.dropFirst()).filter { book.fullEnds.contains($0.0) && $0.1.hasPrefix("“") }
        #expect(beforeSpeech.count { found.contains($0.0) } * 10 >= beforeSpeech.count * 8)
    }

    /// A paragraph that leads into a speech with a dash against its word (`and then he said—`) ends there though no full
    /// stop closes it, on a short line or a long one; a dash inside a paragraph (`the others—`, a lower-case line after)
    /// does not end it. (b02's Austen: its PDF rendering's paragraphs exact 0.964 → 0.994.)
    @Test func aDashBeforeASpeechEndsItsParagraph() {
        var prose = ProseGenerator(seed: 24)
        let wrapper = LineWrapper(width: 72, hyphenation: .none)
        var lines: [String] = [], paragraphs: [String] = []
        var previousLeads = false
        for _ in 0..<400 {
            var paragraph = prose.sentences(prose.number(1...6)).joined(separator: " ")
            if previousLeads {
                paragraph = "“\(paragraph.dropLast()),” she answered."
            } else if prose.chance(25) {
                paragraph = paragraph.dropLast() + ", and then he said—"
            } else if prose.chance(30) {
                paragraph = paragraph.dropLast() + " and the others— who " + prose.sentence().lowercased()
            }
            previousLeads = paragraph.hasSuffix("—")
            lines += wrapper.wrap(paragraph, firstIndent: 2).map { String($0.drop { $0 == " " }) }
            paragraphs.append(paragraph)
        }
        let found = Self.recovered(lines.joined(separator: "\n") + "\n")
        let leading = paragraphs.filter { $0.hasSuffix("—") }
        #expect(leading.count >= 60)
        #expect(leading.count { found.contains($0) } * 10 >= leading.count * 9, "\(leading.count { found.contains($0) }) of \(leading.count)")
        // No paragraph is cut at a dash that a lower-case line goes on from.
        #expect(paragraphs.count { $0.contains("— who") } >= 40)
        #expect(!found.contains { $0.hasSuffix("the others—") })
    }

    /// With no clue at all (no quotations, no indent), the odds stay with the run-on: sentences that end full lines
    /// inside paragraphs do not shatter them.
    @Test func noClueKeepsParagraphsWhole() {
        let book = Self.book(dialogue: false, lostIndent: 0, width: 72, seed: 7)
        let found = Self.recovered(book.text), foundByLength = Self.recovered(book.text, odds: false)
        let whole = book.paragraphs.count { found.contains($0) }, wholeByLength = book.paragraphs.count { foundByLength.contains($0) }
        #expect(whole * 100 >= wholeByLength * 98, "\(whole) whole, \(wholeByLength) by line length alone")
    }

    /// Section titles over their text with no blank line under them, and chapter titles under a bare number that
    /// read like lists (`Natural Selection; or the Survival of the Fittest`): only a paragraph's last line falls short
    /// of the floor of justified lines, so the title ends where it does.
    @Test func shortTitlesOverTheirTextAreHeadings() throws {
        var prose = ProseGenerator(seed: 5)
        let wrapper = LineWrapper(width: 84, hyphenation: .none)
        var lines: [String] = []
        let chapters = [("I", "Variation Under Domestication; Its Causes"), ("II", "Variation Under Nature, Wide-Ranging, Common, and Diffused"),
                        ("III", "Struggle for Existence; or the Check to Increase")]
        let sections = ["Breeds of the Domestic Pigeon, Their Differences and Origin", "Extinction Through Natural Selection",
                        "Organs of Little Apparent Importance"]
        for (number, title) in chapters {
            lines += ["", number, title]
            for section in sections {
                for _ in 0..<6 { lines += wrapper.wrap(prose.sentences(prose.number(3...6)).joined(separator: " ")) }
                lines += ["", section]
            }
            lines += wrapper.wrap(prose.sentences(5).joined(separator: " "))
        }
        let document = try read(lines.joined(separator: "\n"))
        let headings = document.blocks.compactMap { if case .heading(let heading) = $0 { heading.inlines.plainText } else { nil } }
        let expected = chapters.flatMap { ["\($0.0) \($0.1)"] + sections }
        #expect(headings == expected)
    }

    @Test func countsSentencesMeetingInsideLines() {
        let counts = InlineSentences.count(["He went. “Come,” she said. Then… he left!” And so", "no. more here. the end"])
        #expect(counts.total == 3)
        #expect(counts.opened == 1)
        #expect(counts.closed == 1)
    }
}
