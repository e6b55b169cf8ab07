import Foundation
@testable import BinderyText
import BinderyModel
import Testing

@Suite("Structure")
struct StructureTests {
    static func headings(_ document: Document) -> [String] {
        document.blocks.compactMap { block in
            if case .heading(let heading) = block { "\(heading.level) \(heading.inlines.plainText)" } else { nil }
        }
    }

    let body = "This is an ordinary paragraph of running text that goes on for a while and ends here."

    @Test func booksPartsAndChaptersNest() throws {
        let text = ["Book I: The Start", "Part I: Early", "CHAPTER 1: One", body, "CHAPTER 2: Two", body, "Part II: Later", "CHAPTER 1: Three", body,
                    "Book II: The End", "Part I: Last", "CHAPTER 1: Four", body].joined(separator: "\n\n")
        #expect(Self.headings(try read(text)).prefix(4) == ["1 Book I: The Start", "2 Part I: Early", "3 CHAPTER 1: One", "3 CHAPTER 2: Two"])
    }

    @Test func chapterNumberWithTitleOnTheNextLine() throws {
        let text = ["CHAPTER IV.", "The Long Road", body, "CHAPTER V.", "The End", body, "CHAPTER VI.", "Again", body].joined(separator: "\n\n")
        #expect(Self.headings(try read(text)) == ["1 CHAPTER IV. The Long Road", "1 CHAPTER V. The End", "1 CHAPTER VI. Again"])
    }

    @Test("`Il` and `Ill` heading a numbered series are read as II and III, and each correction is recorded with its line")
    func numeralCorrectionsRecorded() throws {
        let text = ["I The First", body, "Il The Second", body, "Ill The Third", body, "IV The Fourth", body].joined(separator: "\n\n")
        let document = try read(text)
        #expect(Self.headings(document).map { $0.drop { $0 != " " }.dropFirst() } == ["I The First", "II The Second", "III The Third", "IV The Fourth"])
        let corrections = document.editorial.filter { $0.category == .correction }.map(\.text).joined()
        #expect(corrections.contains("2 heading numeral(s) misread by text recognition were corrected"), "\(corrections)")
        #expect(corrections.contains("“Il” at the head of a heading read as the roman numeral II (line 5)"), "\(corrections)")
        #expect(corrections.contains("“Ill” at the head of a heading read as the roman numeral III (line 9)"), "\(corrections)")
    }

    @Test func essayTitlesWithBylines() throws {
        let text = ["The First Essay", "Ida Mett", body, "1. Background", body, "Analysis of Things", body, "The Second Essay", "Paul Mattick", body].joined(separator: "\n\n")
        let document = try read(text)
        #expect(Self.headings(document) == ["1 The First Essay", "2 1. Background", "3 Analysis of Things", "1 The Second Essay"])
        let bylines = document.blocks.filter { $0.info.attributes.classes.contains("byline") }
        #expect(bylines.count == 2)
        // The first essay's byline is the book's author; the other essays' are contributors.
        #expect(document.metadata.creators.map { $0.name } == ["Ida Mett"])
        #expect(document.metadata.contributors.map { $0.name } == ["Paul Mattick"])
    }

    @Test func scenesListsAndContents() throws {
        let text = ["Contents", "First Chapter", "Second Chapter", "First Chapter", body, "*>!=>!=", body, "• one item", "• two item", "Second Chapter", body]
            .joined(separator: "\n\n")
        let document = try read(text)
        #expect(Self.headings(document) == ["1 Contents", "1 First Chapter", "1 Second Chapter"])
        #expect(document.blocks.contains { if case .sceneBreak = $0 { true } else { false } })
        #expect(document.blocks.contains { if case .list = $0 { true } else { false } })
        #expect(document.blocks.filter { $0.info.attributes.classes.contains("toc") }.count == 2)
    }

    @Test func contentsWithPageNumbersAreEntries() throws {
        let entries = ["CHAPTER I. The Beginning ..... 1", "CHAPTER II. The Middle ..... 9", "CHAPTER III. The End ..... 20"]
        let chapters = ["CHAPTER I.", "THE BEGINNING", body, "CHAPTER II.", "THE MIDDLE", body, "CHAPTER III.", "THE END", body]
        let document = try read((["CONTENTS"] + entries + chapters).joined(separator: "\n\n"))
        #expect(Self.headings(document) == ["1 CONTENTS", "1 CHAPTER I. THE BEGINNING", "1 CHAPTER II. THE MIDDLE", "1 CHAPTER III. THE END"])
        #expect(document.blocks.filter { $0.info.attributes.classes.contains("toc") }.count == 3)
    }

    @Test func typographyAndSourceLines() throws {
        let document = try read("He said \"yes\" -- and 'no'...\n")
        guard case .paragraph(let inlines, let info)? = document.blocks.first else { Issue.record("no paragraph"); return }
        #expect(inlines.plainText == "He said “yes” — and ‘no’…")
        #expect(info.source == SourceRange(line: 1))
        #expect(document.editorial.contains { $0.category == .quotation })
    }
}

@Suite("Options")
struct ReaderOptionsTests {
    @Test func olderSettingsDecodeWithDefaults() throws {
        let options = try JSONDecoder().decode(ReaderOptions.self, from: Data(#"{"typography":false,"maximumBytes":10}"#.utf8))
        #expect(options == ReaderOptions(typography: false, maximumBytes: 10))
    }

    @Test func forcedLayoutIsObeyed() throws {
        let document = try read("One line\nAnother line\n", options: ReaderOptions(paragraphLayout: .linePerParagraph))
        #expect(document.blocks.count == 2)
    }
}

@Suite("Other blocks")
struct OtherBlocksTests {
    static let body = "This is an ordinary paragraph of running text that goes on for a while and then\nends with a second line here."

    @Test func versesAndIndentedQuotations() throws {
        let verse = "Tyger Tyger, burning bright,\nIn the forests of the night;\nWhat immortal hand or eye"
        let prose = "Soon the younger generation will be\nconsigning us to the archives, will\nthey not?"
        let quote = "        An indented quotation that runs on for a while\n        and ends on its own second line."
        let document = try read([Self.body, verse, Self.body, quote, Self.body, prose, Self.body].joined(separator: "\n\n"))
        #expect(document.blocks.count { if case .verse(let lines, _) = $0 { lines.count == 3 } else { false } } == 1)
        #expect(document.blocks.contains { if case .blockQuote = $0 { true } else { false } })
    }
}
