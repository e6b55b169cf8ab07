import BinderyModel
@testable import BinderyText
import Testing

/// `_italics_`, `[Illustration…]` and the licence header and footer of Project Gutenberg texts.
@Suite("Gutenberg markup")
struct GutenbergMarkupTests {
    static let prose = gutenbergWrapped((0..<4).map { _ in "A sentence of ordinary running prose, long enough to fill most of a line." }.joined(separator: " "))

    @Test func underscoresBecomeEmphasisAndIdentifiersStay() {
        var count = 0
        #expect(EmphasisMarks.split("the _Strange Meeting_ poem", &count) == [.text("the "), .emphasis([.text("Strange Meeting")]), .text(" poem")])
        #expect(EmphasisMarks.split("(_sic_).", &count) == [.text("("), .emphasis([.text("sic")]), .text(").")])
        #expect(count == 2)
        for plain in ["snake_case_name here", "a _ b _ c", "x__y", "an_open one"] {
            #expect(EmphasisMarks.split(plain, &count) == [.text(plain)], "\(plain)")
        }
        #expect(count == 2)
    }

    /// Asterisks mark italics as underscores do; a star after a word (a note's marker), a scene break's stars and a
    /// product (`2*3*4`) stay as they are.
    @Test func asterisksBecomeEmphasisAsUnderscoresDo() throws {
        var count = 0
        #expect(EmphasisMarks.split("a copy of *The Halfpenny Marvel*.", mark: 0x2A, &count)
                == [.text("a copy of "), .emphasis([.text("The Halfpenny Marvel")]), .text(".")])
        for plain in ["the word* and its note", "*   *   *", "2*3*4", "a * b * c"] {
            #expect(EmphasisMarks.split(plain, mark: 0x2A, &count) == [.text(plain)], "\(plain)")
        }
        // A paragraph opening with a dateline in italics is no star note.
        let text = "I\n\n\n\(Self.prose)\n\n\nHe wrote *Strange Meeting* and _Exposure_ too. \(Self.prose)\n\n*December 24.*—Rough sea. \(Self.prose)\n"
        let document = try read(text)
        #expect(document.blocks.contains { if case .paragraph(let inlines, _) = $0 { inlines.first == .emphasis([.text("December 24.")]) } else { false } })
        let paragraph = document.blocks.first { $0.plainText.hasPrefix("He wrote") }
        guard case .paragraph(let inlines, _) = paragraph else { Issue.record("no paragraph"); return }
        #expect(inlines.contains(.emphasis([.text("Strange Meeting")])) && inlines.contains(.emphasis([.text("Exposure")])), "\(inlines)")
        #expect(document.editorial.contains { $0.text.hasPrefix("3 passage(s) between underscores or asterisks") })
    }

    /// An italic run over a page's end is one emphasis holding the page break; `_` pairs that do not open before
    /// the break and close after it are left as they were.
    @Test func emphasisOverAPageBreak() {
        var count = 0
        let page = Inline.pageBreak(PageBreak(number: "15"))
        #expect(EmphasisMarks.inlines([.text("small beside _winter"), page, .text(" of_ village")], &count)
                == [.text("small beside "), .emphasis([.text("winter"), page, .text(" of")]), .text(" village")])
        #expect(count == 1)
        for (before, after) in [("a _closed_ pair", " then_ more"), ("snake_case", "_tail"), ("open _ spaced", " x_ y"), ("a _word", " _other_")] {
            let inlines = EmphasisMarks.inlines([.text(before), page, .text(after)], &count)
            #expect(!inlines.contains { if case .emphasis(let inner) = $0 { inner.contains(page) } else { false } }, "\(before) | \(after)")
        }
    }

    @Test func emphasisInParagraphsAndHeadings() throws {
        let text = "I\n\n\n\(Self.prose)\n\n\n\n_Anthem for Doomed Youth_\n\n\nHe wrote _Strange Meeting_ and more. \(Self.prose)\n"
        let document = try read(text)
        #expect(!document.blocks.contains { $0.plainText.contains("_") })
        let emphasised = document.blocks.contains { block in
            if case .paragraph(let inlines, _) = block { inlines.contains(.emphasis([.text("Strange Meeting")])) } else { false }
        }
        #expect(emphasised)
    }

    @Test func illustrationsAreCaptionsOrRecorded() throws {
        let text = "\(Self.prose)\n\n[Illustration: The castle at\nnight]\n\n\(Self.prose)\n\n[Illustration]\n\n\(Self.prose)\n\n[Illustration] was the word the printer used for a picture.\n"
        let document = try read(text)
        let captions = document.blocks.filter { $0.info.attributes.classes.contains("caption") }.map(\.plainText)
        #expect(captions == ["The castle at night"])
        #expect(!document.blocks.contains { $0.plainText.hasPrefix("[Illustration") && $0.plainText.hasSuffix("]") })
        #expect(document.blocks.contains { $0.plainText.hasPrefix("[Illustration] was the word") })
        let lines = text.components(separatedBy: "\n")
        let placeHolders = lines.indices.filter { lines[$0] == "[Illustration]" || lines[$0].hasPrefix("[Illustration:") }.map { $0 + 1 }
        #expect(document.diagnostics.filter { $0.code == "illustration" }.compactMap(\.line) == placeHolders)
    }

    static let header = """
        The Project Gutenberg eBook of The Sample Book

        This ebook is for the use of anyone anywhere in the United States and
        most other parts of the world at no cost and with almost no restrictions
        whatsoever.

        Title: The Sample Book
               A Second Line of Title

        Author: Jane Writer

        Release date: March 3, 2004 [eBook #11543]
                        Most recently updated: October 28, 2024

        Language: French

        Credits: Produced by volunteers


        *** START OF THE PROJECT GUTENBERG EBOOK THE SAMPLE BOOK ***
        """

    static let footer = """
        End of the Project Gutenberg EBook of The Sample Book, by Jane Writer

        *** END OF THE PROJECT GUTENBERG EBOOK THE SAMPLE BOOK ***



        Updated editions will replace the previous one—the old editions will
        be renamed.

        Section 1. General Terms of Use and Redistributing Project Gutenberg™
        electronic works
        """

    @Test func licenceHeaderAndFooterGoToMetadata() throws {
        let text = Self.header + "\n\n\n\nTHE SAMPLE BOOK\n\n\nby Jane Writer\n\n\n\nI\n\n\n" + Self.prose + "\n\n\n\n" + Self.footer + "\n"
        let document = try read(text)
        #expect(document.metadata.title == "The Sample Book A Second Line of Title")
        #expect(document.metadata.creators.map(\.name) == ["Jane Writer"])
        #expect(document.metadata.language == "fr")
        #expect(document.metadata.identifier == "https://www.gutenberg.org/ebooks/11543")
        #expect(document.metadata.date == "March 3, 2004")
        #expect(!document.blocks.contains { $0.plainText.localizedCaseInsensitiveContains("gutenberg") || $0.plainText.contains("Section 1") })
        #expect(document.blocks.contains { $0.plainText.hasPrefix("A sentence of ordinary") })
        #expect(document.diagnostics.contains { $0.code == "gutenberg.licence" })
    }

    @Test func starredLinesOfOtherTextsStay() throws {
        let text = Self.prose + "\n\n*** START OF THE SECOND PART ***\n\n" + Self.prose + "\n"
        let document = try read(text)
        #expect(GutenbergLicence.find(text.components(separatedBy: "\n")) == nil)
        #expect(document.blocks.contains { $0.plainText.contains("SECOND PART") })
    }
}
