@testable import BinderyText
import BinderyModel
import Foundation
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

    @Test("a poem whose sentences end every two or three lines, cut there into short groups, is verse as a whole")
    func shortSentences() throws {
        let poem = ["We’d found an old dug-out, and he knew,", "And gave us hell, for shell on frantic shell", "Hammered on top.",
                    "Rain, guttering down in waterfalls of slime", "Kept slush waist high, that rising hour by hour,", "Choked up the steps with clay.",
                    "What murk of air remained stank old, and sour", "With fumes of whizz-bangs, and the smell of men.",
                    "There we herded from the blast", "Of whizz-bangs, but one found our door at last."]
        let found = try blocks(Self.prose + ["The Sentry"] + poem + ["", "Then the next page of prose began again."])
        let verse = found.compactMap { block -> [String]? in if case .verse(let lines, _) = block { lines.map(\.plainText) } else { nil } }
        #expect(Array(verse.joined()) == poem)
    }

    @Test("near miss: prose whose lines now and then open with a name stays prose")
    func prose() throws {
        let lines = Self.prose + ["He spoke of it to Mary and to the others who had come with", "Peter from the coast, and they listened until the lamps", "were lit and the tide had turned against the wind again."]
        #expect(!(try blocks(lines)).contains { if case .verse = $0 { true } else { false } })
    }

    /// Lines of `words` filled to `width` characters: a justified page's full lines.
    static func filled(_ words: [String], width: Int, lines count: Int) -> [String] {
        var lines: [String] = [], current = "", position = 0
        while lines.count < count {
            let word = words[position % words.count]
            position += 1
            if current.count + 1 + word.count > width { lines.append(current); current = word } else { current += current.isEmpty ? word : " " + word }
        }
        return lines
    }

    /// A book mostly of verse: the 90th percentile of its line lengths falls among the verse lines, so only the
    /// prose lines that wrap (the next one opening in lower case) tell the width of a full line.
    @Test("a book mostly of verse: long verse lines stay lines and a prose paragraph ending on a verse-long line ends there")
    func verseBook() throws {
        let words = "the long road went down through the fields and over the river where the old men sat in the evening and spoke of the war that had taken their sons away".split(separator: " ").map(String.init)
        var lines: [String] = []
        var expectedProse: [String] = []
        for paragraph in 0..<8 {
            var body = Self.filled(words.shuffled(seed: paragraph), width: 62, lines: 6)
            body[0] = "Paragraph" + body[0].dropFirst(body[0].prefix { $0 != " " }.count)
            // The last line is as long as a long verse line: short for prose, long for this book.
            body.append("and so paragraph \(paragraph) comes to its end at last.")
            expectedProse.append(body.joined(separator: " "))
            lines += body
        }
        let openings = ["Courage", "Wisdom", "Under", "Along", "Nobody", "Happy", "Over", "Beyond"]
        var verse: [String] = []
        for poem in 0..<40 {
            lines += ["", "Song \(["Of", "For", "In"][poem % 3]) the \(openings[poem % 8]) Hours"]
            for line in 0..<14 {
                // Lengths from 38 to 56: the longest verse lines reach nine tenths of the prose measure.
                let source = openings[(poem + line) % 8] + " was mine and I had mastery of the grey hours that ran along the shore"
                let length = 38 + (line * 5 + poem) % 19
                let text = String(source.prefix(length)).trimmingCharacters(in: .whitespaces) + (line % 4 == 3 || line == 13 ? "." : ",")
                verse.append(text)
                lines.append(text)
            }
        }
        let blocks = try read(lines.joined(separator: "\n")).blocks
        let verseLines = blocks.flatMap { block -> [String] in if case .verse(let lines, _) = block { lines.map(\.plainText) } else { [] } }
        let paragraphs = blocks.compactMap { block -> String? in if case .paragraph(let inlines, _) = block { inlines.plainText } else { nil } }
        #expect(verseLines.count * 100 >= verse.count * 95, "\(verseLines.count) of \(verse.count) verse lines kept")
        #expect(expectedProse.allSatisfy(paragraphs.contains), "\(paragraphs.prefix(3))")
    }
}

private extension Array {
    /// The same order for the same seed: a fixed rotation.
    func shuffled(seed: Int) -> [Element] {
        let start = (seed * 7) % count
        return Array(self[start...]) + Array(self[..<start])
    }
}
