@testable import BinderyText
import BinderyTestSupport
import Testing

/// Justified text in a proportional face, extracted with no blank lines and no indents (pdftotext of a typeset book):
/// the characters' widths fitted to the document's own lines tell a paragraph that ends on a line full by its
/// character count, but with room left for the next word as printed, from a sentence ending inside a paragraph.
@Suite("Character widths fitted to justified text")
struct FittedWidthsTests {
    /// A face unlike the book face `PrintedWidth` knows: each small letter's width pulled up or down by as much as
    /// 30 %, each capital's by 10 % (what the fit learns for the frequent letters, and takes from the book face for rare ones).
    static func faceWidth(_ scalar: Unicode.Scalar) -> Double {
        let base = Double(PrintedWidth.of(scalar))
        guard scalar.properties.isAlphabetic else { return base }
        return base * (1 + (scalar.properties.isUppercase ? 0.1 : 0.3) * Double(Int(scalar.value) % 7 - 3) / 3)
    }

    static func faceWidth(_ text: String) -> Double { text.unicodeScalars.reduce(0) { $0 + faceWidth($1) } }

    /// A book of 400 paragraphs of made-up words set justified at `measure` (thousandths of an em) with a first-line
    /// indent of `indent`, each line filled while the next word fits; then extracted: lines flush, no blank between
    /// paragraphs. (Made-up words, as many as a real book's: the fit needs lines of varied letters.)
    static func book(measure: Double, indent: Double, seed: UInt64, ragged: Bool = false) -> (text: String, paragraphs: [String]) {
        var random = SeededGenerator(seed: seed)
        func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        let letters = Array("etaoinshrdlucmfwypvbgkjqxz".unicodeScalars)
        func word() -> String {
            // Frequent letters more often, as in a language.
            String(String.UnicodeScalarView((0..<number(1...10)).map { _ in letters[min(number(0...25), number(0...25))] }))
        }
        func sentence() -> String {
            let words = (0..<number(4...16)).map { _ in word() }.enumerated().map { $0.offset > 0 && number(0...9) == 0 ? $0.element + "," : $0.element }
            return words[0].prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + (number(0...9) == 0 ? "?" : ".")
        }
        var lines: [String] = [], paragraphs: [String] = []
        let space = faceWidth(" ")
        for _ in 0..<400 {
            let paragraph = (0..<number(1...6)).map { _ in sentence() }.joined(separator: " ")
            paragraphs.append(paragraph)
            var line = "", capacity = measure - indent
            for word in paragraph.split(separator: " ").map(String.init) {
                // A ragged text (verse-like) breaks before the line is full, now and then.
                let full = line.isEmpty ? false : faceWidth(line) + space + faceWidth(word) > capacity || (ragged && number(0...9) < 3)
                if full {
                    lines.append(line)
                    line = word
                    capacity = measure
                } else {
                    line = line.isEmpty ? word : line + " " + word
                }
            }
            lines.append(line)
        }
        return (lines.joined(separator: "\n") + "\n", paragraphs)
    }

    /// The paragraphs the layout stage finds, with the fitted widths or (`widths: false`) without them.
    static func recovered(_ text: String, widths: Bool) -> Set<String> {
        let lines = sourceLines(text)
        var profile = LayoutDetector().detect(lines)
        #expect(profile.fittedWidths != nil)
        if !widths { profile.fittedWidths = nil }
        return Set(ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result()).map { $0.lines.map(\.text).joined(separator: " ") })
    }

    @Test("the fitted widths measure lines as the face set them, learn the indent, and each break they decide is right",
          arguments: [(30_000.0, 1_200.0, UInt64(3)), (36_000.0, 1_500.0, UInt64(4)), (26_000.0, 0.0, UInt64(5))])
    func decidedBreaksAreRight(measure: Double, indent: Double, seed: UInt64) throws {
        let book = Self.book(measure: measure, indent: indent, seed: seed)
        let lines = sourceLines(book.text)
        let fitted = try #require(FittedWidths.fit(lines, text: lines.indices.filter { !lines[$0].isBlank }))
        #expect(abs(fitted.indent - indent / measure) < 0.01, "indent \(fitted.indent) against \(indent / measure)")
        let close = lines.count { abs(fitted.width($0.text) - Self.faceWidth($0.text) / measure) < 0.02 }
        #expect(close * 100 >= lines.count * 95, "\(close) of \(lines.count) lines measured within 2 % of the measure")
        // Where a paragraph starts, by the book: each paragraph's first line.
        var opens: Set<Int> = [], index = 0
        for paragraph in book.paragraphs {
            opens.insert(index)
            var words = paragraph.split(separator: " ").count
            while words > 0 {
                words -= lines[index].text.split(separator: " ").count
                index += 1
            }
        }
        var decided = 0, wrong = 0, candidates = 0
        for index in lines.indices.dropLast() where lines[index].endsSentence && ParagraphEndOdds.startsSentence(lines[index + 1]) {
            candidates += 1
            let following = index + 2 < lines.count ? lines[index + 2] : nil
            guard let breaks = fitted.breaks(after: lines[index], previousOpens: opens.contains(index), line: lines[index + 1], following: following) else { continue }
            decided += 1
            if breaks != opens.contains(index + 1) { wrong += 1 }
        }
        #expect(decided * 10 >= candidates * 4, "\(decided) of \(candidates) sentence ends decided by the widths")
        #expect(wrong * 100 <= decided, "\(wrong) of \(decided) decided wrongly")
    }

    /// Paragraphs of one sentence shorter than a line, after a full last line, stay ambiguous (as on a printed page): the
    /// widths win what can be told.
    @Test("more paragraphs come out whole with the widths than without", arguments: [(30_000.0, 1_200.0, UInt64(6)), (36_000.0, 1_500.0, UInt64(7))])
    func morePararaphsWhole(measure: Double, indent: Double, seed: UInt64) {
        let book = Self.book(measure: measure, indent: indent, seed: seed)
        let found = Self.recovered(book.text, widths: true), without = Self.recovered(book.text, widths: false)
        let whole = book.paragraphs.count { found.contains($0) }, wholeWithout = book.paragraphs.count { without.contains($0) }
        #expect(whole >= wholeWithout + book.paragraphs.count / 50, "\(whole) whole with the widths, \(wholeWithout) without")
    }

    @Test("ragged lines give no fit: they do not fill the measure")
    func raggedTextHasNoFit() {
        let book = Self.book(measure: 30_000, indent: 1_200, seed: 9, ragged: true)
        let lines = sourceLines(book.text)
        #expect(FittedWidths.fit(lines, text: lines.indices.filter { !lines[$0].isBlank }) == nil)
    }

    @Test("the hinge fit finds the widths that separate fitting lines from overflowing ones")
    func hingeFit() throws {
        // Two letters of widths 0.1 and 0.3 (of the measure): lines that fit sum to at most 1, with the next letter over it.
        var problem = HingeFit(columns: 2)
        for (a, b, nextA) in [(7.0, 1.0, true), (4.0, 2.0, false), (1.0, 3.0, true), (10.0, 0.0, false), (5.0, 1.0, false), (2.0, 2.0, false)] {
            problem.add([a, b], target: 1)
            problem.add([a + (nextA ? 1 : 0), b + (nextA ? 0 : 1)], sign: -1, target: -1)
        }
        let w = try #require(problem.solve())
        #expect(abs(w[0] - 0.1) < 0.02 && abs(w[1] - 0.3) < 0.05, "\(w)")
    }
}

