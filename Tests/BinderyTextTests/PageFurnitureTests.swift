@testable import BinderyText
import BinderyModel
import Testing

/// Page furniture as pdftotext gives it: folios rising with the pages, running heads at either edge, a folio beside
/// a head, recto and verso heads, a head under a folio; and U+2010 line-end hyphens.
@Suite("Page furniture")
struct PageFurnitureTests {
    static let body = (1...12).map { "text line \($0) runs on across the page with enough words to fill" }

    /// Pages separated by form feeds, each wrapped by `furniture(page)` (lines above, lines below).
    static func book(_ furniture: (Int) -> (top: [String], bottom: [String])) -> String {
        (1...8).map { page in
            let edges = furniture(page)
            return (edges.top + [""] + Self.body + [""] + edges.bottom).joined(separator: "\n")
        }.joined(separator: "\n\u{0C}")
    }

    @Test("every layout of folio and head is taken out and kept on the page break", arguments: [
        "folio at the foot", "folio then head at the top (raw verso)", "head then folio at the top (raw recto)", "head and folio on one line",
    ])
    func layouts(name: String) throws {
        let text = Self.book { page in
            let head = page.isMultiple(of: 2) ? "ANN AUTHOR" : "THE BOOK TITLE"
            switch name {
            case "folio at the foot": return (["THE BOOK TITLE"], ["\(page + 20)"])
            case "folio then head at the top (raw verso)": return (["\(page + 20)", "", head], [])
            case "head then folio at the top (raw recto)": return ([head, "", "\(page + 20)"], [])
            default: return (page.isMultiple(of: 2) ? ["\(page + 20)      \(head)"] : ["\(head)      \(page + 20)"], [])
            }
        }
        let document = try read(text)
        let paragraphs = document.blocks.map { block -> String in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { "" }
        }
        #expect(!paragraphs.contains { $0.contains("ANN AUTHOR") || $0.contains("THE BOOK TITLE") }, "\(name)")
        #expect(!paragraphs.contains { $0.range(of: #"\b2[0-9]\b"#, options: .regularExpression) != nil }, "\(name)")
        #expect(document.pageBreaks.count == 7)
        #expect(document.pageBreaks.compactMap(\.number) == (2...8).map { "\($0 + 20)" }, "\(name)")
    }

    @Test("a line-end U+2010 is a break when the document uses it nowhere else; a line-end hyphen-minus is then the word's own")
    func breakHyphens() throws {
        let text = "The con‐\nsiderable rain fell on the three-\ndimensional roofs of the town, and the wea‐\nther was poor; the an‐\nimals hid.\n"
        let paragraph = try read(text).blocks.compactMap { block -> String? in
            if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil }
        }.joined()
        #expect(paragraph.contains("considerable") && paragraph.contains("three-dimensional") && paragraph.contains("weather") && paragraph.contains("animals"))
        // The same character inside a line says it is the text's own hyphen: the lexicon decides as for `-`.
        let mixed = text + "A well‐known word.\n"
        #expect(!Dehyphenator.breakHyphenHabit(sourceLines(mixed)))
    }
}
