@testable import BinderyText
import BinderyModel
import Testing

/// A document that wraps its paragraphs leaves its titles unwrapped: one line wider than the wrap, set apart by blank
/// lines, is a title however many words, commas and semicolons it holds; a sentence left unwrapped is not.
@Suite("Unwrapped titles")
struct UnwrappedTitleTests {
    static let titles = [
        "Effects of Habit and of the Use or Disuse of Parts; Correlated Variation; Inheritance",
        "Many of the Species Included Within the Larger Genera Resemble Varieties in Being Very Closely, but Unequally, Related to Each Other, and in Having Restricted Ranges",
    ]
    static let sentence = "The observations recorded here were made over many seasons, in several countries, and by more than one observer."

    static let shortTitles = ["Summary of the Chapter", "Variation Under Nature", "On the Imperfection of the Record"]

    /// Wrapped paragraphs between blank lines (`blankLines`), or run on without them, under each title; the titles
    /// that fit the measure `centred` on it, each under a centred chapter number.
    static func document(blankLines: Bool, centred: Bool = false) -> String {
        // A paragraph first: the document's first line would be read as its title page.
        var parts = [gutenbergWrapped(NumberingSchemeTests.paragraph(99).joined(separator: " "), width: 72)]
        for (index, title) in (titles + shortTitles).enumerated() {
            // Centred, each title opens a chapter whose number is centred over it.
            if centred { parts.append("\n\n\n" + String(repeating: " ", count: 30) + "Chapter \(index + 1)\n\n") }
            let indent = centred ? String(repeating: " ", count: max(0, (72 - title.count) / 2)) : ""
            parts.append("\n\n\n" + indent + title + "\n\n")
            let paragraphs = (0..<3).map { NumberingSchemeTests.paragraph(index * 3 + $0).joined(separator: " ") }
            let wrapped = paragraphs.map { gutenbergWrapped($0, width: 72) }
            parts.append(wrapped.joined(separator: blankLines ? "\n\n" : "\n"))
            if index == 0 { parts.append("\n\n" + sentence + "\n\n" + gutenbergWrapped(paragraphs[0], width: 72)) }
        }
        return parts.joined(separator: "\n") + "\n"
    }

    @Test("a wide line set apart is a title, a wide sentence is not; where titles are centred, one too wide to centre too",
          arguments: [(true, false), (false, false), (true, true)])
    func wideTitles(blankLines: Bool, centred: Bool) throws {
        let found = headings(try read(Self.document(blankLines: blankLines, centred: centred))).map(\.text)
        // (Under a chapter's number the title is that chapter's: `Chapter 1 Effects of Habit …`.)
        for title in Self.shortTitles { #expect(found.contains { $0.hasSuffix(title) }, "\(found)") }
        for title in Self.titles { #expect(found.contains { $0.hasSuffix(title) }, "\(found)") }
        #expect(!found.contains(Self.sentence), "\(found)")
    }

    /// Chapters numbered in centred lines, and sections in them whose titles are centred too, in a text wrapped at 60 columns
    /// without blank lines between paragraphs: a title as wide as the column stands at the margin (or a space in), and is
    /// a title still, not a line set apart that ignores the centring.
    @Test func titlesAsWideAsTheColumnUnderCentredChapters() throws {
        let titles = ["Breeds of the Domestic Pigeon, Their Differences and Origin", "Specific Characters More Variable Than Generic Characters",
                      "Inherited Changes of Habit or Instinct in Domesticated Life", "Wide-Ranging, Much Diffused, and Common Species Vary Most"]
        var parts = [gutenbergWrapped(NumberingSchemeTests.paragraph(99).joined(separator: " "), width: 60)]
        for (index, title) in titles.enumerated() {
            parts.append("\n\n\n" + String(repeating: " ", count: 24) + "CHAPTER \(index + 1)\n\n")
            parts.append(gutenbergWrapped(NumberingSchemeTests.paragraph(index).joined(separator: " "), width: 60))
            parts.append("\n\n\n" + String(repeating: " ", count: (60 - title.count) / 2) + title + "\n\n")
            parts.append((0..<3).map { gutenbergWrapped(NumberingSchemeTests.paragraph(index * 3 + $0).joined(separator: " "), width: 60) }.joined(separator: "\n"))
        }
        let found = headings(try read(parts.joined(separator: "\n") + "\n")).map(\.text)
        for title in titles { #expect(found.contains { $0.hasSuffix(title) }, "\(found)") }
    }
}
