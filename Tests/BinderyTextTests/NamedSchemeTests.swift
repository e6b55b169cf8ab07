@testable import BinderyText
import BinderyModel
import Testing

/// Divisions named by a word the reader does not know (`Act`, `Scene`, `Stave`): their levels come from how the
/// book's numbering schemes nest, and the word's second scheme is not taken for an author's name.
@Suite("Named numbering schemes")
struct NamedSchemeTests {
    @Test("an outer and an inner named scheme, the inner starting again under each outer member, nest in two levels",
          arguments: [("Act", "Scene"), ("Stave", "Verse"), ("Teil", "Kapitel")])
    func outerAndInner(names: (String, String)) throws {
        var lines = ["A Play in Three Acts", "", "Some Author", "", ""]
        var seed = 0
        for outer in ["I", "II", "III"] {
            lines += ["", "", "\(names.0) \(outer)", ""]
            for inner in ["I", "II", "III"] {
                lines += ["\(names.1) \(inner)", ""]
                for _ in 0..<2 {
                    seed += 1
                    lines += NumberingSchemeTests.paragraph(seed) + [""]
                }
            }
        }
        let document = try read(lines.joined(separator: "\n"))
        let found = headings(document)
        #expect(found.filter { $0.text.hasPrefix(names.0) }.map(\.level) == [1, 1, 1], "\(found)")
        #expect(found.filter { $0.text.hasPrefix(names.1) }.map(\.level) == Array(repeating: 2, count: 9), "\(found)")
        #expect(!document.metadata.creators.contains { $0.name.hasPrefix(names.1) })
    }

    @Test("a chapter numbering that starts again under each of several titles is a level under them",
          arguments: [("CHAPTER", ["I.", "II.", "III."]), ("Chapter", ["1", "2", "3"]), ("Section", ["One", "Two", "Three"])])
    func chaptersStartingAgainUnderTitles(keyword: String, numbers: [String]) throws {
        var lines = ["Collected Pieces", "", "Some Author", "", ""]
        var seed = 0
        // Titles with parts numbered from the first again, and titles without parts, mixed.
        for (title, parts) in [("The Sentry", 0), ("Insensibility", 3), ("Futility", 0), ("Exposure", 2), ("Mental Cases", 0)] {
            lines += ["", "", "", title, "", ""]
            for part in numbers.prefix(parts) { lines += ["", "", "\(keyword) \(part)", "", ""] + NumberingSchemeTests.paragraph(seed) + [""] }
            for _ in 0..<4 {
                seed += 1
                lines += NumberingSchemeTests.paragraph(seed) + [""]
            }
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        #expect(found.filter { $0.text.hasPrefix(keyword) }.map(\.level) == Array(repeating: 2, count: 5), "\(found)")
        #expect(found.filter { !$0.text.hasPrefix(keyword) }.map(\.level) == Array(repeating: 1, count: 5), "\(found)")
    }

    @Test("a chapter numbering that runs through the book, or starts again in a second volume not under a title, stays the top level",
          arguments: [["Preface", "CHAPTER I.", "CHAPTER II.", "Interlude", "CHAPTER III."],
                      ["Preface", "CHAPTER I.", "CHAPTER II.", "CHAPTER III.", "The Second Book", "CHAPTER I.", "CHAPTER II."]])
    func chaptersRunningThrough(titles: [String]) throws {
        var lines = ["A Novel", "", "Some Author", "", ""]
        for (index, title) in titles.enumerated() {
            lines += ["", "", "", title, "", ""] + NumberingSchemeTests.paragraph(index) + [""]
        }
        let found = headings(try read(lines.joined(separator: "\n")))
        let chapters = found.filter { $0.text.hasPrefix("CHAPTER") }
        #expect(chapters.count == titles.count { $0.hasPrefix("CHAPTER") } && Set(chapters.map(\.level)).count == 1, "\(found)")
        #expect(chapters.first?.level == found.first { $0.text == "Preface" }?.level, "\(found)")
    }
}
