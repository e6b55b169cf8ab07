import BinderyModel
@testable import BinderyText
import Foundation
import Testing

/// Issue 9's shortcuts in classification, note linking and the stages around them give the answers of the
/// code they replaced (`Reference`), on generated text full of what breaks byte and scalar shortcuts, and on
/// the lines of the corpus when it is there.
@Suite("Fast paths in structure recovery agree with the code they replaced")
struct FastPathStructureTests {
    /// More pieces that the structure stages look for: bylines, note markers, canonical twins of ASCII (`;`, `` ` ``, `K`).
    static let atoms: [String] = FastPathTests.atoms + [
        "K", ";", "\u{037E}", "`", "\u{1FEF}", "y", "Y", "b", "B", " by ", " BY ", " By ", "edited by ", "by ", "Emma", "Goldman", "&",
        "^^", "m", ".m", "¹²", "1.", "2)", "[3]", "p. ", "pp", "vol", "Ibid", ".1", ". 2", "—", ".—", "”-", "* ", " *", "†", ":",
        "CHAPTER", "Part", "II", "Ill", "Contents", "Notes:", "Index", "of", "the", "and", "\u{00A0}", "“", "”", "\"", "(", ")",
        "Mr", "Dr.", "St", "?", "!", "…", "wrote", "said", "The Title", "A. ", "I ", "12. ", "Σ", "İ", "é", "e\u{0301}", "\r\n", ". ”", " »", "fin. »", "\u{202F}»", ". \"",
        "\u{0387} ", "• ", "Then he ", "Chapter ", "twenty-one", "seven", "the First", "Mix ", "Book ", "half-", "-like",
        "page", "1877", "62 ", "—2", "—", "88—", "_", "._", "_”", "*", ".*", " (2)", " [4]", "⁶",
    ]

    /// Deterministic texts of 0–30 atoms, and as many of ASCII atoms only (the paths for ASCII text).
    static let texts: [String] = {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let ascii = atoms.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        var texts = atoms
        for _ in 0..<3000 { texts.append((0..<next(31)).map { _ in atoms[next(atoms.count)] }.joined()) }
        for _ in 0..<1500 { texts.append((0..<next(31)).map { _ in ascii[next(ascii.count)] }.joined()) }
        return texts
    }()

    /// The corpus lines (empty when the corpus is not there), one by one and two by two as a group joins them.
    static let corpusTexts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: CorpusTests.corpus.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        var texts: [String] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: CorpusTests.corpus.appendingPathComponent(name).path),
                  let lines = try? TextDecoder().decode(Array(data)).lines else { continue }
            let trimmed = lines.map { SourceLine(number: 0, raw: $0).text }.filter { !$0.isEmpty }
            texts += trimmed
            texts += zip(trimmed, trimmed.dropFirst()).map { $0 + " " + $1 }.filter { $0.utf8.count <= 300 }
        }
        return texts
    }()

    /// Titles that reach the late checks, ending in marks with canonical twins.
    static let titles: [String] = ["The Last Word", "The Great Change", "CHAPTER ONE", "1. Background", "Notes", "A Quiet Interlude"].flatMap { title in
        [";", "\u{037E}", ",", "!", ":", ".", "…", "?", "”", "\u{1FEF}", "K", "\u{212A}"].map { title + $0 }
    }

    @Test func headingPatterns() {
        for text in Self.titles + Self.texts + Self.corpusTexts {
            #expect(HeadingPattern.match(text) == Reference.headingPattern(text), "match of \(text.debugDescription)")
        }
    }

    @Test func textQuestions() {
        for text in Self.texts {
            let words = TextShape.words(text)
            #expect(HeadingPattern.quotesSentenceBeforeMore(text) == Reference.quotesSentenceBeforeMore(text), "quotes in \(text.debugDescription)")
            #expect(TextShape.titleCaseRatio(text) == Reference.titleCaseRatio(text), "titleCaseRatio of \(text.debugDescription)")
            #expect(TextShape.titleCaseRatio(words: words) == Reference.titleCaseRatio(text))
            #expect(HeadingPattern.plausibleTitle(text, allowPeriod: false) == Reference.plausibleTitle(text, allowPeriod: false))
            #expect(HeadingPattern.plausibleTitle(text, allowPeriod: true) == Reference.plausibleTitle(text, allowPeriod: true))
            #expect(TextShape.endsSentence(text) == Reference.endsSentence(text), "endsSentence of \(text.debugDescription)")
            for word in words { #expect(TextShape.letterCount(word) == word.count(where: \.isLetter)) }
            for character in text {
                #expect(HeadingPattern.isNoFinalMark(character) == [",", ";", "-", "–", "—", "!"].contains(character), "\(character.debugDescription)")
            }
            for mark in [",", ";", ":", ".", "&", "?", "`", " "] as [Unicode.Scalar] {
                #expect(CharacterScan.contains(text, mark) == text.contains(Character(mark)), "\(mark) in \(text.debugDescription)")
                #expect(CharacterScan.count(text, mark) == text.count(where: { $0 == Character(mark) }), "\(mark)s in \(text.debugDescription)")
            }
            for limit in [0, 1, 5, 24, 140] { #expect(CharacterScan.hasAtMost(limit, charactersIn: text) == (text.count <= limit)) }
            #expect(CharacterScan.lastSpaceSeparatedPiece(text).map(String.init) == text.split(separator: " ").last.map(String.init))
            #expect(CharacterScan.spaceSeparatedPieces(text).map(String.init) == text.split(separator: " ").map(String.init))
            #expect(Byline.name(text) == Reference.bylineName(text), "name in \(text.debugDescription)")
            #expect(Byline.name(text, requirePrefix: true) == Reference.bylineName(text, requirePrefix: true))
            #expect(Byline.split(text).map { [$0.title, $0.name] } == Reference.bylineSplit(text).map { [$0.title, $0.name] }, "split of \(text.debugDescription)")
            #expect(StructureClassifier.key(text) == Reference.headingKey(text), "key of \(text.debugDescription)")
            #expect(Byline.containsByWord(text) == Reference.containsByWord(text), "by in \(text.debugDescription)")
            #expect(ListMarker.parse(text) == Reference.listMarker(text), "list marker of \(text.debugDescription)")
            #expect(Dehyphenator.trailingWord(text[...]) == String(text.reversed().prefix(while: { $0.isLetter || $0 == "-" }).reversed()))
            #expect(Dehyphenator.leadingWord(text) == String(text.prefix(while: { $0.isLetter || $0 == "-" })), "first word of \(text.debugDescription)")
            // The shortcuts that rule a line out before it is read rule out only what reading it would.
            if NumberingSchemes.startsLikeProse(text) { #expect(NumberingSchemes.readNumbered(text, group: 0) == nil, "numbered: \(text.debugDescription)") }
            if let lead = text.unicodeScalars.first, NoteTextFinder.rulesOut(lead) { #expect(NoteTextFinder.readNumber(text) == nil, "note: \(text.debugDescription)") }
            #expect(JoinedCompounds.words(of: text).map { $0.0 } == Reference.letterRuns(text).map { $0.0 }, "words of \(text.debugDescription)")
            #expect(JoinedCompounds.words(of: text).map { $0.1 } == Reference.letterRuns(text).map { $0.1 })
            for (word, start) in JoinedCompounds.words(of: text) where word.count >= 2 {
                let candidate = JoinedCompounds.Candidate(word: word, start: start, splits: Array(1..<word.count))
                let text = { (scalars: ArraySlice<Unicode.Scalar>) in String(String.UnicodeScalarView(scalars)).lowercased() }
                #expect(candidate.lower == text(word[...]))
                #expect(candidate.halves.map { [$0.left, $0.right] } == candidate.splits.map { [text(word[..<$0]), text(word[$0...])] })
            }
            #expect(Byline.name(text, requirePrefix: true) == Byline.parsedName(text, requirePrefix: true), "byline of \(text.debugDescription)")
            // The dehyphenator looks at a text's last byte before its last character.
            if let last = text.last, last == "-" || last == "¬" { #expect(text.utf8.last == 0x2D || text.utf8.last == 0xAC) }
        }
    }

    @Test("Numbered lines that open like prose get past the shortcut")
    func numberedLinesLikeProse() {
        for text in ["Book the First", "Book the first", "Chapter twenty-one", "Chapter seven", "Part one", "Canto twelve The Descent", "Mix", "Lxv"] {
            #expect(NumberingSchemes.parse(text, group: 0)?.value == NumberingSchemes.readNumbered(text, group: 0)?.value, "\(text)")
            #expect(!NumberingSchemes.startsLikeProse(text) || NumberingSchemes.readNumbered(text, group: 0) == nil, "\(text)")
        }
        #expect(NumberingSchemes.startsLikeProse("Then he went home"))
        #expect(NumberingSchemes.parse("Chapter twenty-one", group: 0)?.value == 21)
    }

    @Test func corpusLines() {
        for text in Self.corpusTexts {
            #expect(Byline.name(text) == Reference.bylineName(text), "name in \(text.debugDescription)")
            #expect(Byline.split(text).map { [$0.title, $0.name] } == Reference.bylineSplit(text).map { [$0.title, $0.name] }, "split of \(text.debugDescription)")
            #expect(StructureClassifier.key(text) == Reference.headingKey(text), "key of \(text.debugDescription)")
            #expect(TextShape.titleCaseRatio(text) == Reference.titleCaseRatio(text), "titleCaseRatio of \(text.debugDescription)")
            #expect(TextShape.words(text).map(String.init) == Reference.words(text).map(String.init))
            #expect(text.trimming(".: ") == Reference.trimming(text, ".: "))
            #expect(ListMarker.parse(text) == Reference.listMarker(text))
        }
    }

    @Test func trimming() {
        let sets = [" .", " ,", ".", ".: ", "”’\"')", " ", "-–— []", " ]", " \u{00A0}", " .:", " \t", "K", ";", "`", "e", "\u{0301}", "é", "ab",
                    "\r\n", "\r", "\n", ". \r\n"]
        for text in Self.texts {
            for set in sets { #expect(text.trimming(set) == Reference.trimming(text, set), "\(set.debugDescription) off \(text.debugDescription)") }
        }
    }

    /// The claims the byte shortcuts rest on: among simple scalars only the Kelvin sign equals an ASCII character,
    /// and no scalar but itself equals a character of a plain trim set.
    @Test func canonicalTwins() {
        let ascii = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        for value in Array(0..<0x250) + Array(0x2000..<0x2190) {
            guard let scalar = Unicode.Scalar(UInt32(value)), ScalarFacts.flags(scalar).contains(.simple) else { continue }
            for character in ascii where Character(scalar) == character {
                #expect(scalar.value == character.unicodeScalars.first!.value || (scalar == "\u{212A}" && character == "K"))
            }
        }
        let plain = Set((0..<128).map { Unicode.Scalar(UInt8($0)) }.filter { TrimSet.isPlain(String($0)) }.map(Character.init)
            + ["\u{00A0}", "–", "—", "‘", "’", "“", "”"])
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(UInt32(value)), plain.contains(Character(scalar)) else { continue }
            #expect(plain.contains { $0.unicodeScalars.elementsEqual([scalar]) }, "U+\(String(value, radix: 16)) equals a plain character")
        }
    }

    @Test func noteMarkers() {
        let scanner = NoteMarkerScanner()
        for text in Self.texts + Self.corpusTexts {
            let scalars = Array(text.unicodeScalars)
            let expected = Reference.noteMarkers(scalars)
            #expect(scanner.scan(text) == expected, "markers in \(text.debugDescription)")
            #expect(scanner.scan(scalars) == expected)
            #expect(text.utf8.withContiguousStorageIfAvailable(ScalarDecoding.scalars) == scalars)
        }
    }

    /// Groups of one to three lines: what is asked of the joined text is answered from the first line when it can be.
    @Test func groups() {
        let lines = Self.texts.map { SourceLine(number: 1, raw: $0) }
        for (index, line) in lines.enumerated() {
            #expect(line.endsSentence == Reference.endsSentence(line.text))
            #expect(line.startsLowercase == Reference.startsLowercase(line.text))
            let group = LineGroup(lines: Array(lines[index..<min(lines.count, index + 1 + index % 3)]), blankBefore: 0)
            let text = group.plainText
            #expect(NoteTextFinder.parse(group).map { [$0.number, $0.body] } == NoteTextFinder.parse(text).map { [$0.number, $0.body] })
            #expect(ListMarker.parse(group) == ListMarker.parse(text), "list marker of \(text.debugDescription)")
            #expect(NoteLinker.numberParagraph(group) == (TextShape.isNumber(text) ? text : nil))
        }
    }

    @Test func lexiconInHalves() {
        let lines = Self.texts.enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) }
        let halves = LexiconScan.Halves(lines)
        // The over-long lines (closed-up compounds) ask their own words and are left out of the scan.
        let needed = Dehyphenator.neededWords(lines).union(halves.compounds.neededWords)
        // Both halves of a word broken at a line end are left out too.
        let texts = LexiconScan.breakFragmentsLeftOut(lines[...])
        #expect(!texts.isEmpty)
        let scanned = lines.filter { !halves.compounds.lineNumbers.contains($0.number) }.map { line in
            var line = line
            line.text = texts[line.number] ?? line.text
            return line
        }
        #expect(!needed.isEmpty)
        #expect(halves.needed == needed)
        #expect(halves.finish(lines) == LexiconScan.words(in: scanned, needed: needed))
        #expect(halves.finish(lines) == Reference.lexicon(scanned, needed: needed))
        // Needed words that all hold a hyphen are looked for on the lines with one.
        let hyphenated = needed.filter { $0.contains("-") }
        #expect(!hyphenated.isEmpty)
        #expect(LexiconScan.words(in: scanned, needed: hyphenated) == Reference.lexicon(scanned, needed: hyphenated))
    }

    @Test func typographyInHalves() {
        let blocks = Self.texts.map { Block.paragraph([.text($0)], NodeInfo()) }
        for count in [0, 1, 2, 7, blocks.count] {
            var typographer = Typographer()
            let expected = blocks.prefix(count).map { typographer.apply($0) }
            let (result, halves) = Typographer.apply(toHalvesOf: Array(blocks.prefix(count)))
            #expect(result == expected)
            let counts: [Int] = [halves.quotes, halves.dashes, halves.ellipses, halves.escapes]
            let expectedCounts: [Int] = [typographer.quotes, typographer.dashes, typographer.ellipses, typographer.escapes]
            #expect(counts == expectedCounts)
        }
    }

    @Test func lengthsSortedByCounting() {
        var state: UInt64 = 7
        for size in [0, 1, 2, 50, 3000] {
            for bound in [1, 90, 4096, 100_000] {
                let values = (0..<size).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return Int((state >> 33) % UInt64(bound))
                }
                #expect(values.sortedLengths() == values.sorted())
            }
        }
        #expect([3, -1, 2].sortedLengths() == [-1, 2, 3])
    }

    @Test func concurrentlyKeepsOrder() {
        for count in [0, 1, 2, 3, 1000] {
            #expect(Concurrently.map(count: count) { $0 * 2 } == (0..<count).map { $0 * 2 })
            #expect(Concurrently.map(count: count) { String($0) } == (0..<count).map { String($0) })
        }
        let (first, second) = Concurrently.run({ "first" }, { 2 })
        #expect(first == "first" && second == 2)
    }

    @Test func byteSearches() {
        for text in Self.texts {
            for pattern in [" by ", ". By ", " By ", " BY ", "¬", "\u{00A0}", "http", ".."] {
                #expect(ByteSearch.mayContain(text, bytesOf: pattern) == Array(text.utf8).contains(Array(pattern.utf8)), "\(pattern) in \(text.debugDescription)")
                if let ranges = ByteSearch.asciiRanges(of: pattern, in: text), pattern.utf8.allSatisfy({ $0 < 0x80 }) {
                    #expect(ranges == text.ranges(of: pattern), "ranges of \(pattern) in \(text.debugDescription)")
                }
            }
        }
    }
}
