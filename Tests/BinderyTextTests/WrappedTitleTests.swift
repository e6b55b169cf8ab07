@testable import BinderyText
import BinderyModel
import Testing

/// In text that runs on without blank lines (pdftotext's), a title too long for one line goes on, right under it, in
/// title-cased lines that end no sentence: they are the title's. A line there that reads as a name is the essay's
/// byline only where the text never writes its words in lower case (`Natural Selection` is written "natural
/// selection" in the text; `Emma Goldman` never "emma goldman").
@Suite("Titles wrapped in run-on text")
struct WrappedTitleTests {
    /// A paragraph of lines about 95 characters wide, as a page set in a smaller type than its titles gives them.
    static func paragraph(_ seed: Int) -> [String] {
        ["Paragraph \(seed) begins here and runs across the whole measure of the page, set as a printer sets it"]
            + (0..<(2 + seed % 3)).map { "line \($0) of paragraph \(seed) runs across the whole measure of the page, set as a printer set" }
            + ["the end of paragraph \(seed)."]
    }

    /// Groups of a run-on text: a body that writes `natural selection` in lower case, a title after a blank line, the
    /// lines under it (each a group, as run-on text groups short lines), then the body again.
    static func groups(title: String, under: [String]) -> [LineGroup] {
        var number = 0
        func group(_ text: String, blankBefore: Int = 0) -> LineGroup {
            number += 1
            return LineGroup(lines: [SourceLine(number: number, raw: text)], blankBefore: blankBefore)
        }
        let body = "the work of natural selection in the lowest known fossiliferous strata, and the having of restricted ranges."
        return [group(body), group(title, blankBefore: 1)] + under.map { group($0) } + [group(body)]
    }

    /// The title's pattern after `mergeWrappedTitles`, in a document of `layout`.
    static func merged(title: String, under: [String], layout: ParagraphLayout = .hardWrapped) -> String? {
        let groups = groups(title: title, under: under)
        var patterns: [HeadingPattern?] = groups.indices.map { $0 == 1 ? HeadingPattern.match(title) : nil }
        var roles = [GroupRole](repeating: .paragraph(classes: []), count: groups.count)
        let classifier = StructureClassifier(profile: LayoutProfile(layout: layout, measure: 95, trailingSpaceMark: false, indentMark: false))
        classifier.mergeWrappedTitles(groups, patterns: &patterns, roles: &roles, lowerCase: LowerCaseUsage(groups))
        return patterns[1]?.text
    }

    @Test("run-on text: title-cased lines under a title that end no sentence and name no one are the title's")
    func wrappedLinesJoin() {
        #expect(Self.merged(title: "Circumstances Favourable for the Production of New Forms Through", under: ["Natural Selection"])
                == "Circumstances Favourable for the Production of New Forms Through Natural Selection")
        #expect(Self.merged(title: "Many of the Species Included Within the Larger Genera Resemble",
                            under: ["Varieties in Being Very Closely, but Unequally, Related to Each Other, and in", "Having Restricted Ranges"])
                == "Many of the Species Included Within the Larger Genera Resemble Varieties in Being Very Closely, but Unequally, Related to Each Other, and in Having Restricted Ranges")
    }

    @Test("not the title's: a name the text never writes in lower case, a sentence, a lower-case line, a text with blank lines")
    func otherLinesStay() {
        let title = "On the Sudden Appearance of Groups of Allied Species"
        #expect(Self.merged(title: title, under: ["Emma Goldman"]) == title)
        #expect(Self.merged(title: title, under: ["It Was a Long Time Ago."]) == title)
        #expect(Self.merged(title: title, under: ["there was another and allied difficulty"]) == title)
        #expect(Self.merged(title: title, under: ["Known Fossiliferous Strata"], layout: .blankLineSeparated) == title)
        #expect(Self.merged(title: title, under: ["Known Fossiliferous Strata"]) == title + " Known Fossiliferous Strata")
    }

    /// A run-on text of words drawn from the titles' own (so that they stand in lower case too), lines about 95 wide,
    /// each title after a blank line with its wrapped lines under it.
    static func runOn(_ titles: [[String]]) -> String {
        let words = ["natural", "selection", "known", "fossiliferous", "strata", "having", "restricted", "ranges", "among", "many",
                     "species", "the", "of", "in", "and", "work", "over", "time"]
        var state: UInt64 = 42
        func word() -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return words[Int((state >> 33) % UInt64(words.count))]
        }
        func paragraph() -> [String] {
            var lines = (0..<4).map { _ in (0..<15).map { _ in word() }.joined(separator: " ") }
            lines[0] = lines[0].prefix(1).uppercased() + lines[0].dropFirst()
            return lines + ["\(word()) \(word()) \(word())."]
        }
        var lines = paragraph()
        for title in titles {
            lines += [""] + title
            lines += paragraph() + paragraph()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("a title wrapped over three lines is one heading, its lines written once; front matter under a title stays its own")
    func wrappedEndToEnd() throws {
        let document = try read(Self.runOn([
            ["On the Geological Succession of Organic Beings Considered", "Restricted Ranges", "Among Many Species"],
            ["On the Imperfection of the Geological Record Considered", "Introduction"],
            ["Variation Under Nature"],
        ]))
        let found = headings(document).map(\.text)
        #expect(found.contains("On the Geological Succession of Organic Beings Considered Restricted Ranges Among Many Species"), "\(found)")
        #expect(!found.contains { $0.hasSuffix("Considered Introduction") }, "\(found)")
        let text = document.blocks.map(\.plainText).joined(separator: "\n")
        #expect(text.components(separatedBy: "Among Many Species").count == 2, "written once")
        #expect(text.components(separatedBy: "Restricted Ranges").count == 2, "written once")
    }

    /// A long title wrapped in two lines that end no sentence, set apart above and run into its text below, is one
    /// heading even with semicolons in it (`… of Parts; Correlated Variation;` / `Inheritance`); a pair of lines of prose
    /// with semicolons, not title-cased, stays a paragraph, and so does an address's pair of short title-cased lines.
    @Test("a title wrapped in two lines, semicolons and all, is one heading; two lines of prose are not")
    func wrappedTitleWithSemicolons() throws {
        let document = try read(Self.runOn([
            ["Effects of Habit and of the Use or Disuse of Parts; Correlated Variation;", "Inheritance"],
            ["Variation Under Nature"],
            ["the species of the plain; the strata of the hills; and so on among", "the many"],
            ["The Old Mill House; Riverside Lane", "Ashford"],
        ]))
        let found = headings(document).map(\.text)
        #expect(found.contains("Effects of Habit and of the Use or Disuse of Parts; Correlated Variation; Inheritance"), "\(found)")
        #expect(found.contains("Variation Under Nature"), "\(found)")
        #expect(!found.contains { $0.contains("the strata of the hills") }, "\(found)")
        #expect(!found.contains { $0.contains("Riverside Lane") }, "an address's short lines: \(found)")
    }

    /// Under a bare chapter number, a title-cased title wrapped in two lines (a word broken at the end of the first with
    /// U+2010) is the chapter's title; a couplet under a part's number stays verse or text.
    @Test("a bare number and a title wrapped in two lines under it are one heading; a couplet is not a title")
    func wrappedTitleUnderANumber() throws {
        let document = try read(Self.runOn([
            ["I", "Mutual Affinities of Organic Beings: Morphology—Embryology—Rudimentary Organs—Classi\u{2010}", "fication"],
            ["II", "Recapitulation and Conclusion of the Whole Work Over Many Species and Their Restricted", "Ranges"],
            ["III", "Move him into the sun, for its touch awoke him once at home and so on over", "the fields of the work"],
        ]))
        let found = headings(document).map(\.text)
        #expect(found.contains("I Mutual Affinities of Organic Beings: Morphology—Embryology—Rudimentary Organs—Classification"), "\(found)")
        #expect(found.contains("II Recapitulation and Conclusion of the Whole Work Over Many Species and Their Restricted Ranges"), "\(found)")
        #expect(!found.contains { $0.contains("Move him into the sun") }, "\(found)")
    }

    @Test("under a title, a name never written in lower case is the essay's byline; a phrase the text writes in lower case is not")
    func bylines() throws {
        let essays = [["The Conquest of Bread", "Peter Kropotkin"], ["Anarchism and Other Essays", "Emma Goldman"], ["The Ego and Its Own", "Max Stirner"],
                      ["The Struggle for Existence", "Natural Selection"]]
        // Paragraphs between blank lines, each essay's title after three and its byline under it after one.
        var parts = [Self.paragraph(99).joined(separator: "\n")]
        for (index, essay) in essays.enumerated() {
            parts.append("\n\n" + essay[0] + "\n\n" + essay[1])
            parts += (0..<2).map { Self.paragraph(index * 2 + $0).joined(separator: "\n") }
            parts.append("in the \(index + 1)th essay too the work of natural selection goes on.")
        }
        let document = try read(parts.joined(separator: "\n\n") + "\n")
        let found = headings(document).map(\.text)
        for essay in essays.dropLast() { #expect(found.contains(essay[0]), "\(found)") }
        let people = document.metadata.creators + document.metadata.contributors
        #expect(Set(people.map(\.name)) == ["Peter Kropotkin", "Emma Goldman", "Max Stirner"], "\(people)")
    }

    @Test("the lower-case evidence: every word written in lower case somewhere, as a word of its own")
    func lowerCaseUsage() {
        let groups = [LineGroup(lines: [SourceLine(number: 1, raw: "the natural selection of strata, unnaturally")], blankBefore: 0)]
        let usage = LowerCaseUsage(groups)
        #expect(usage.writesInLowerCase(phrase: "Natural Selection"))
        #expect(!usage.writesInLowerCase(phrase: "Selection Natural"), "two words count as a phrase only")
        #expect(usage.writesInLowerCase(phrase: "Natural Strata Selection"), "three words, each written")
        #expect(!usage.writesInLowerCase(phrase: "Natural Strata Selections"), "`selections` is not written")
        #expect(!usage.writesInLowerCase(phrase: "Natural"), "one word says nothing")
        #expect(!usage.writesInLowerCase("Unnatural"), "not inside another word")
        #expect(usage.writesInLowerCase("Unnaturally"))
    }
}
