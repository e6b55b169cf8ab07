@testable import BinderyText
import BinderyModel
import Testing

/// The back of a book as corpus 001 prints it: an index whose entries stand one to a line, and a publisher's addresses.
@Suite("Back matter")
struct BackMatterTests {
    static let prose = String(repeating: "A sentence of the body that runs on for a while and says very little at all, as\nsentences of a body do, and then it goes on for another line or two, for there\nis more to say, as there always is in a book of this kind, until it stops.\n\n", count: 4)

    /// Entries one to a line are a paragraph each; a line going on in lower case or with a figure stays in its entry.
    @Test func indexEntriesStandApart() throws {
        let text = "THE BOOK\n\n\n\nChapter One\n\n" + Self.prose + "\n\nIndex\n\n\nA\n\n"
            + "ABC of Communism (Bukharin and Preobrazhensky), 28n5\nAnarchy and Scientific Communism (Bukharin), 13-19\n“On Authority” (Engels), 87, 101, 106\n\n"
            + "Bakunin, Mikhail: bourgeois environments, 69; German socialists and, 38-9;\nlearning through struggle, 90; Marx and, 49\nBarbes, Armand, 53\n"
            + "Bulletin of the Joint Committee For the Defense of Revolutionists Imprisoned in\nRussia (newspaper), 248-\n52, 253-4\nCafiero, Carlo, 34\n"
            + "Castoriadis, Cornelius, 3, 273-98; on the revolu-\ntion, 12\n  Opposition in, 14\nCheka, 9\n"
        let document = try read(text)
        let entries = document.blocks.compactMap { block -> String? in
            guard case .paragraph(let inlines, let info) = block, info.attributes.classes == ["index"] else { return nil }
            return inlines.plainText
        }
        #expect(entries == ["A", "ABC of Communism (Bukharin and Preobrazhensky), 28n5", "Anarchy and Scientific Communism (Bukharin), 13-19",
                            "“On Authority” (Engels), 87, 101, 106",
                            "Bakunin, Mikhail: bourgeois environments, 69; German socialists and, 38-9; learning through struggle, 90; Marx and, 49",
                            "Barbes, Armand, 53", "Bulletin of the Joint Committee For the Defense of Revolutionists Imprisoned in Russia (newspaper), 248-52, 253-4",
                            "Cafiero, Carlo, 34", "Castoriadis, Cornelius, 3, 273-98; on the revolution, 12 Opposition in, 14", "Cheka, 9"], "\(entries)")
    }

    /// A page break inside an index paragraph goes with the entry it falls in, or opens the entry after it; the line
    /// breaks of a diplomatic transcription stay inside an entry.
    @Test func entriesAcrossAPageBreak() throws {
        var group = LineGroup(lines: sourceLines("Bakunin, Mikhail, 12\nBarbes, Armand, 53\nsentences, 14\nCafiero, Carlo, 34"), blankBefore: 1)
        func entries(keepLineBreaks: Bool = false) throws -> [IndexEntries.Entry] {
            try #require(IndexEntries.split(groups: [group], roles: [.paragraph(classes: ["index"])], inlines: [[.text("")]],
                                            keepLineBreaks: keepLineBreaks, lineInlines: IndexEntries.plainLineInlines)[0])
        }
        func isPageBreak(_ inline: Inline) -> Bool { if case .pageBreak = inline { true } else { false } }
        group.pageBreaks = [2: PageBreak(number: "248")]
        var found = try entries()
        #expect(found.map(\.inlines.plainText) == ["Bakunin, Mikhail, 12", "Barbes, Armand, 53 sentences, 14", "Cafiero, Carlo, 34"])
        #expect(found.map(\.lines) == [0..<1, 1..<3, 3..<4])
        #expect(found[1].inlines.contains(where: isPageBreak))
        group.pageBreaks = [3: PageBreak(number: "249")]
        found = try entries()
        #expect(found.map(\.inlines.plainText) == ["Bakunin, Mikhail, 12", "Barbes, Armand, 53 sentences, 14", "Cafiero, Carlo, 34"])
        #expect(found[2].inlines.first.map(isPageBreak) == true)
        group.pageBreaks = [:]
        #expect(try entries(keepLineBreaks: true)[1].inlines.contains { if case .lineBreak = $0 { true } else { false } })
    }

    @Test(arguments: [
        (["AK Press", "33 Tower St."], true), (["Edinburgh EH6 7BN", "Scotland", "www.akuk.com"], true), (["370 Ryan Ave. #100", "Chico, CA 95973", "USA"], true),
        (["The Friends of AK Press", "friends@akpress.org"], true),
        (["1 Apple", "2 Pear"], false), (["Shall I compare thee", "To a summer’s day?"], false), (["12 Angry Men", "A Play"], false),
        (["The Paris Commune", "18 March 1871"], false), (["Kronstadt", "1921 And After"], false), (["You will need", "2 Eggs"], false),
        (["See our website:", "https://example.org"], false),
        (["Write to us at friends@akpress.org for more, or visit our website and see", "what else we publish."], false),
    ] as [([String], Bool)])
    func postalAddresses(lines: [String], isAddress: Bool) {
        let source = lines.enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) }
        #expect(PostalAddress.matches(source[...], measure: 80) == isAddress, "\(lines)")
    }

    /// An address keeps its lines (a block of its own, not run together and not verse); the paragraphs around stay prose.
    @Test func anAddressKeepsItsLines() throws {
        let text = "THE BOOK\n\n\n\nChapter One\n\n" + Self.prose + "AK Press\n33 Tower St.\n\nEdinburgh EH6 7BN\nScotland\nwww.akuk.com\n\n" + Self.prose
        let document = try read(text)
        let addresses = document.blocks.compactMap { block -> [String]? in
            guard case .verse(let lines, let info) = block, info.attributes.classes == ["address"] else { return nil }
            return lines.map(\.plainText)
        }
        #expect(addresses == [["AK Press", "33 Tower St."], ["Edinburgh EH6 7BN", "Scotland", "www.akuk.com"]])
        #expect(document.blocks.count { if case .verse = $0 { true } else { false } } == 2)
    }
}
