@testable import BinderyText
import Foundation
import Testing

/// The reader's byte and scalar fast paths give the answers of the character-wise code they replaced
/// (`Reference`), on generated text full of what breaks such shortcuts: combining marks, CR, singletons
/// such as the Kelvin sign, ligatures, emoji sequences, Turkish İ, Greek sigma, superscripts.
@Suite("Fast paths agree with the character-wise code")
struct FastPathTests {
    /// Pieces of text, some of them more than one scalar or one character.
    static let atoms: [String] = [
        "a", "e", "I", "V", "X", "L", "C", "l", "m", "p", "w", "t", "h", "The", "revolu", "tion", "self", "government", "by", "By",
        "Chapter", "PART", "1", "2", "12", "345", "0", " ", " ", " ", "  ", "\t", ".", ",", ";", ":", "!", "?", "-", "--", "---", "...", "....",
        "\"", "'", "\\", "(", ")", "[", "]", "’", "‘", "“", "”", "—", "–", "…", "\u{00A0}", "¬", "é", "e\u{0301}", "\u{0301}", "İ", "ß",
        "Σ", "ς", "\u{212A}", "\u{2126}", "Å", "ﬁ", "ǅ", "ª", "¹", "²", "⁴", "†", "*", "•", "\r", "\r\n", "\u{0C}", "\u{00AD}", "\u{2028}",
        "👩\u{200D}🔬", "🇫🇷", "한", "\u{1100}\u{1161}", "क्ष", "\u{20D0}", "Ω", "ωδή", "Мир", "ID", "Mr", "St.", " by ", ". By ", "http", "www.",
    ]

    /// Deterministic texts of 0–40 atoms.
    static let texts: [String] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var texts = atoms
        for _ in 0..<4000 {
            texts.append((0..<next(41)).map { _ in atoms[next(atoms.count)] }.joined())
        }
        return texts
    }()

    @Test func underscoreEmphasis() {
        for text in Self.texts + Self.texts.map({ $0.replacingOccurrences(of: "a", with: "_") }) + ["_a_", "x_é_", "é_x_", "_ɑ_1", "_1_\u{0301}", "a _b_ c"] {
            var count = 0
            #expect(EmphasisMarks.split(text, &count) == Reference.underscoreSplit(text), "\(text.debugDescription)")
        }
    }

    @Test func textShape() {
        for text in Self.texts {
            #expect(TextShape.words(text).map(String.init) == Reference.words(text).map(String.init), "words of \(text.debugDescription)")
            #expect(TextShape.finalMark(text) == Reference.finalMark(text), "finalMark of \(text.debugDescription)")
            #expect(TextShape.startsLowercase(text) == Reference.startsLowercase(text), "startsLowercase of \(text.debugDescription)")
            #expect(TextShape.startsCapitalOrDigit(text) == Reference.startsCapitalOrDigit(text), "startsCapitalOrDigit of \(text.debugDescription)")
            #expect(TextShape.isAllCaps(text) == Reference.isAllCaps(text), "isAllCaps of \(text.debugDescription)")
            #expect(TextShape.isNumber(text) == Reference.isNumber(text), "isNumber of \(text.debugDescription)")
            #expect(TextShape.isRoman(Substring(text)) == Reference.isRoman(Substring(text)), "isRoman of \(text.debugDescription)")
            for character in text {
                #expect(TextShape.isLetterOrNumber(character) == (character.isLetter || character.isNumber))
            }
        }
    }

    @Test func headingPattern() {
        for text in Self.texts {
            #expect(HeadingPattern.balanced(text) == Reference.balanced(text), "balanced of \(text.debugDescription)")
            #expect(HeadingPattern.hasInnerSentenceBreak(text) == Reference.hasInnerSentenceBreak(text), "hasInnerSentenceBreak of \(text.debugDescription)")
            #expect(HeadingPattern.widowProtected(text) == Reference.widowProtected(text), "widowProtected of \(text.debugDescription)")
            let numbered = HeadingPattern.numberedStyle(text, words: []), expected = Reference.numberedStyle(text)
            #expect(numbered?.style == expected?.style && numbered?.bare == expected?.bare && numbered?.rest == expected?.rest,
                    "numberedStyle of \(text.debugDescription)")
        }
    }

    @Test func searches() {
        for text in Self.texts {
            for pattern in [" by ", ". By ", "http", "..", "’"] {
                if !ByteSearch.mayContain(text, bytesOf: pattern) { #expect(text.firstRange(of: pattern) == nil) }
                if let ranges = ByteSearch.asciiRanges(of: pattern, in: text), pattern.utf8.allSatisfy({ $0 < 0x80 }) {
                    #expect(ranges == text.ranges(of: pattern), "ranges of \(pattern) in \(text.debugDescription)")
                }
            }
            #expect(ByteSearch.mayContainColumnGap(text) == Self.hasThreeSpaces(text), "column gap in \(text.debugDescription)")
            if ScalarFacts.isSimple(text) { #expect(text.count == text.unicodeScalars.count) }
            if ScalarFacts.isSimpleNFC(text) { #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars)) }
            if let lead = text.utf8.first, lead < 0x80, lead != 0x2D, lead != 0x2A, lead != 0x28, !(0x30...0x39).contains(lead) {
                #expect(!Reference.listMarkerStarts(text))
            }
        }
    }

    /// Three spaces together, byte by byte.
    static func hasThreeSpaces(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.indices.dropLast(2).contains { bytes[$0] == 0x20 && bytes[$0 + 1] == 0x20 && bytes[$0 + 2] == 0x20 }
    }

    @Test("a column gap (three spaces) is found wherever it starts, and two spaces are none")
    func columnGaps() {
        for prefix in ["", "a", "ab", "abc", "abcd"] {
            for suffix in ["", "x", "xy", "xyz"] {
                #expect(ByteSearch.mayContainColumnGap(prefix + "   " + suffix), "\(prefix)|\(suffix)")
                #expect(ByteSearch.mayContainColumnGap(prefix + "    " + suffix), "\(prefix)|\(suffix)")
                #expect(!ByteSearch.mayContainColumnGap(prefix + "  z" + suffix + " a  b"), "\(prefix)|\(suffix)")
            }
        }
    }

    @Test func lexicon() {
        let lines = Self.texts.enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) }
        var needed: Set<Substring> = []
        for text in Self.texts.prefix(600) {
            for word in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "." }) { needed.insert(word) }
        }
        needed.formUnion(["revolution", "self-government", "self", "government", "tion", "revolu", "the", "ωδή", "mир", "é", "e\u{0301}"])
        #expect(LexiconScan.words(in: lines, needed: needed) == Reference.lexicon(lines, needed: needed))
    }

    @Test func typography() {
        for text in Self.texts {
            var typographer = Typographer()
            let result = typographer.apply(text)
            let (expected, counts) = Reference.typography(text)
            #expect(Array(result.unicodeScalars) == Array(expected.unicodeScalars), "typography of \(text.debugDescription)")
            #expect([typographer.quotes, typographer.dashes, typographer.ellipses, typographer.escapes] == counts)
        }
    }

    @Test func sourceLines() {
        for text in Self.texts {
            let line = SourceLine(number: 1, raw: text)
            let core = text.unicodeScalars.drop(while: SourceLine.isSpace).reversed().drop(while: SourceLine.isSpace).reversed()
            #expect(Array(line.text.unicodeScalars) == Array(core))
            #expect(line.length == line.text.unicodeScalars.count)
            #expect(line.isFormFeed == (text == "\u{0C}"))
        }
    }
}
