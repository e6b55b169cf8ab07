@testable import BinderyText
import BinderyModel
import Testing

/// Verse that pdftotext's raw text runs into the prose around it (no blank lines, no indents).
@Suite("Verse without blank lines")
struct RunOnVerseTests {
    /// Prose set to a narrow measure (a poetry book's page), so that verse lines are more than half of it.
    static let prose = [
        "The evening came slowly over the town and the river, and",
        "the people who had waited all day for the boats went home",
        "through the narrow streets without a word to say to anyone",
        "until the light.",
    ]

    private func blocks(_ lines: [String]) throws -> [Block] { try read(lines.joined(separator: "\n")).blocks }

    @Test("ragged lines that open with capitals after open line ends are verse, line by line")
    func poem() throws {
        let poem = ["We’d found an old dug-out, and he knew,", "And gave us hell, for shell on frantic shell",
                    "Hammered on top, but never quite burst through;", "Rain, guttering down in waterfalls of slime,",
                    "Kept slush waist high, that rising hour by hour,", "Choked up the steps with clay."]
        let found = try blocks(Self.prose + ["The Sentry"] + poem + ["Then the next page of prose began again."])
        let verse = found.compactMap { block -> [String]? in if case .verse(let lines, _) = block { lines.map(\.plainText) } else { nil } }
        #expect(Array(verse.joined()) == poem)
    }

    @Test("near miss: prose whose lines now and then open with a name stays prose")
    func prose() throws {
        let lines = Self.prose + ["He spoke of it to Mary and to the others who had come with", "Peter from the coast, and they listened until the lamps", "were lit and the tide had turned against the wind again."]
        #expect(!(try blocks(lines)).contains { if case .verse = $0 { true } else { false } })
    }
}
