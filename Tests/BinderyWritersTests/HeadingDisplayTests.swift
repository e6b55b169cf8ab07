import BinderyArchive
import BinderyModel
import BinderyTestSupport
@testable import BinderyWriters
import Testing

/// Headings shown as a publisher would set them in the e-book, the source's form kept elsewhere.
@Suite("Heading display")
struct HeadingDisplayTests {
    private func shown(_ texts: [String]) -> [String] {
        HeadingDisplay.apply(texts.map { .heading(Heading(level: 1, inlines: [.text($0)])) }).map(\.plainText)
    }

    @Test("a closing period or colon goes; an initial's, an abbreviation's and an ellipsis's stay")
    func closingPeriod() {
        #expect(shown(["INTRODUCTION.", "CHAPTER IV.", "CHAPTER I.", "SOURCES:", "Written by John F.", "Life in the U.S.A.", "And then...", "Why?"])
            == ["INTRODUCTION", "CHAPTER IV", "CHAPTER I", "SOURCES", "Written by John F.", "Life in the U.S.A.", "And then...", "Why?"])
    }

    @Test("a numeral run into its title is set off where the neighbouring numeral heads a heading too; a lone `I` is a word")
    func numeralSeparator() {
        #expect(shown(["I The bourgeois phraseology", "II The State", "III Anarchy and Communism"])
            == ["I. The bourgeois phraseology", "II. The State", "III. Anarchy and Communism"])
        #expect(shown(["1 Beginnings", "2 Endings"]) == ["1. Beginnings", "2. Endings"])
        #expect(shown(["I Was a Spy", "The Return"]) == ["I Was a Spy", "The Return"])
        #expect(shown(["IV. Already Set Off", "V. Also"]) == ["IV. Already Set Off", "V. Also"])
    }

    @Test("the EPUB shows the display form, the TEI keeps the source's")
    func onlyInTheEPUB() throws {
        var document = Document()
        document.blocks = [.heading(Heading(level: 1, inlines: [.text("I The First.")])), .paragraph([.text("One.")]),
                           .heading(Heading(level: 1, inlines: [.text("II The Second.")])), .paragraph([.text("Two.")])]
        let reader = try ZipArchiveReader(try EPUBWriter().write(document, context: .fixture()))
        let nav = String(decoding: reader["EPUB/nav.xhtml"]?.bytes ?? [], as: UTF8.self)
        #expect(nav.contains(">I. The First</a>") && nav.contains(">II. The Second</a>"))
        let tei = String(decoding: try TEIWriter().write(document, context: .fixture()), as: UTF8.self)
        #expect(tei.contains("<head>I The First.</head>"))
    }
}
