@testable import BinderyText
import BinderyTestSupport
import Testing

/// A short justified text (an introduction before a book of poems), typeset in a proportional face and extracted with
/// no blank lines and no indents: too few lines to learn its habits or its face from, so the measure is taken in a
/// common book face's widths, and a sentence ending with clear room for the next word's first syllable ends its paragraph.
@Suite("The measure of a short justified text, in a book face's widths")
struct BookFaceMeasureTests {
    /// A face unlike the book face `PrintedWidth` knows, as another serif face is (each small letter's width off by up to
    /// 15 %, each capital's by 5 %), or (`spread: 0`) the book face itself.
    static func faceWidth(_ scalar: Unicode.Scalar, spread: Double) -> Double {
        let base = Double(PrintedWidth.of(scalar))
        guard scalar.properties.isAlphabetic else { return base }
        return base * (1 + (scalar.properties.isUppercase ? spread / 3 : spread) * Double(Int(scalar.value) % 7 - 3) / 3)
    }

    /// Thirty paragraphs of made-up words set justified at `measure` (thousandths of an em) with a first-line indent
    /// of an em, each line filled while the next word fits, or where the typesetter `hyphenates`, while the longest
    /// piece of a long word fits with its hyphen (three letters at least on each side); then extracted as pdftotext
    /// does: lines flush, no blank between paragraphs, U+2010 where a word was broken. Returns the text and the
    /// numbers of the paragraphs' first lines, and of the first lines whose paragraph before left clear room (a tenth
    /// of the measure) for them.
    static func piece(measure: Double, spread: Double, hyphenates: Bool, seed: UInt64, ragged: Bool = false)
        -> (text: String, opens: Set<Int>, clearOpens: Set<Int>) {
        var random = SeededGenerator(seed: seed)
        func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        func width(_ text: String) -> Double { text.unicodeScalars.reduce(0) { $0 + faceWidth($1, spread: spread) } }
        let letters = Array("etaoinshrdlucmfwypvbgkjqxz".unicodeScalars)
        func word() -> String {
            String(String.UnicodeScalarView((0..<number(1...11)).map { _ in letters[min(number(0...25), number(0...25))] }))
        }
        func sentence() -> String {
            let words = (0..<number(4...16)).map { _ in word() }
            return words[0].prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
        }
        var lines: [String] = [], opens: Set<Int> = [], clearOpens: Set<Int> = []
        let space = width(" "), indent = 1_000.0
        for _ in 0..<30 {
            let words = (0..<number(2...5)).map { _ in sentence() }.joined(separator: " ").split(separator: " ").map(String.init)
            if let last = lines.last, measure - width(last) - space - width(String(BookFaceMeasure.firstPiece(words[0], hyphenates: hyphenates))) > measure / 10 {
                clearOpens.insert(lines.count + 1)
            }
            opens.insert(lines.count + 1)
            var line = "", capacity = measure - indent
            for var word in words {
                if !line.isEmpty, width(line) + space + width(word) > capacity || (ragged && number(0...9) < 3) {
                    if hyphenates, !ragged, word.count >= 6,
                       let cut = (3...word.count - 3).reversed().first(where: { width(line) + space + width(word.prefix($0) + "\u{2010}") <= capacity }) {
                        lines.append(line + " " + word.prefix(cut) + "\u{2010}")
                        word = String(word.dropFirst(cut))
                    } else {
                        lines.append(line)
                    }
                    line = ""
                    capacity = measure
                }
                line = line.isEmpty ? word : line + " " + word
            }
            lines.append(line)
        }
        return (lines.joined(separator: "\n") + "\n", opens, clearOpens)
    }

    /// The numbers of the lines the layout stage opens paragraphs with, with the book face's measure or without it.
    static func opens(_ text: String, measured: Bool) -> Set<Int> {
        let lines = sourceLines(text)
        var profile = LayoutDetector().detect(lines)
        #expect(profile.fullLineFloor == nil && profile.endOdds == nil && profile.bookFaceMeasure != nil)
        if !measured { profile.bookFaceMeasure = nil }
        return Set(ParagraphBuilder(profile: profile).build(lines, pages: PageFinder.Result()).map { $0.lines[0].number })
    }

    /// A paragraph's first line whose end went unseen before it is measured as if no indent had taken room: now and then
    /// it seems to leave room for a short word. Over four pieces in each convention, the paragraphs found outnumber those
    /// wrongly opened by four to one, and each paragraph after clear room is found.
    @Test("paragraphs that end on a full-looking line with room for the next word's first syllable are found",
          arguments: [(30_000.0, 0.0, true), (30_000.0, 0.15, true), (24_000.0, 0.15, true), (36_000.0, 0.15, false), (26_000.0, 0.0, false)])
    func paragraphsEndingWithRoom(measure: Double, spread: Double, hyphenates: Bool) {
        var gained = 0, wronglyOpened = 0
        for seed in UInt64(1)...4 {
            let piece = Self.piece(measure: measure, spread: spread, hyphenates: hyphenates, seed: seed)
            let found = Self.opens(piece.text, measured: true), without = Self.opens(piece.text, measured: false)
            gained += found.subtracting(without).intersection(piece.opens).count
            wronglyOpened += found.subtracting(without).subtracting(piece.opens).count
            #expect(piece.clearOpens.subtracting(found).isEmpty, "seed \(seed): paragraphs after clear room not found at lines \(piece.clearOpens.subtracting(found).sorted())")
        }
        #expect(gained > 0 && gained >= 4 * wronglyOpened, "\(gained) paragraphs found with the measure, \(wronglyOpened) opened wrongly")
    }

    @Test("a sentence's end on a paragraph's first line left room for its indent (an em), not for a new paragraph")
    func firstLineKeepsItsRoom() throws {
        let piece = Self.piece(measure: 30_000, spread: 0, hyphenates: true, seed: 11)
        let profile = LayoutDetector().detect(sourceLines(piece.text))
        let measure = try #require(profile.bookFaceMeasure)
        // A line ending a sentence 2.3 to 2.6 ems short of the measure (room for `A` with the margin, not with an indent
        // too), then a short word.
        var text = "Sed ut perspiciatis"
        while PrintedWidth.of(text + " ut ut.") <= measure.width - 2_300 { text += " ut" }
        while PrintedWidth.of(text + "i ut.") <= measure.width - 2_300 { text += "i" }
        let previous = SourceLine(number: 200, raw: text + " ut."), line = SourceLine(number: 201, raw: "A new sentence opens here.")
        #expect((2_300..<2_600).contains(measure.width - PrintedWidth.of(previous.text)))
        let builder = ParagraphBuilder(profile: profile)
        #expect(!builder.startsParagraph(line, after: previous, blanks: 0, pageBreak: nil, opening: previous))
        #expect(builder.startsParagraph(line, after: previous, blanks: 0, pageBreak: nil, opening: SourceLine(number: 199, raw: "Lorem ipsum")))
    }

    @Test("the measure fitted in the book face parts the lines inside paragraphs, and says whether the text hyphenates",
          arguments: [(30_000.0, true), (30_000.0, false), (40_000.0, true)])
    func measureFitsTheLines(measure: Double, hyphenates: Bool) throws {
        let piece = Self.piece(measure: measure, spread: 0, hyphenates: hyphenates, seed: 11)
        let lines = sourceLines(piece.text)
        let fitted = try #require(BookFaceMeasure.fit(lines, text: lines.indices.filter { !lines[$0].isBlank }))
        #expect(abs(Double(fitted.width) - measure) < measure / 50, "\(fitted.width) against \(measure)")
        #expect(fitted.hyphenates == hyphenates)
    }

    @Test("ragged lines give no measure: they do not fill it")
    func raggedTextHasNoMeasure() {
        let piece = Self.piece(measure: 30_000, spread: 0, hyphenates: false, seed: 12, ragged: true)
        let lines = sourceLines(piece.text)
        #expect(BookFaceMeasure.fit(lines, text: lines.indices.filter { !lines[$0].isBlank }) == nil)
    }

    @Test("a line's first piece: a long word's first three letters and a hyphen where the text hyphenates, else its first word",
          arguments: [("“Wilfred Owen was", true, "“Wil\u{2010}"), ("Wilfred Owen was", false, "Wilfred"), ("Owen was", true, "Owen"),
                      ("Sambre-Canal was", true, "Sam\u{2010}"), ("well-known was", true, "well-known"), ("18th March", true, "18th")])
    func firstPiece(text: String, hyphenates: Bool, piece: String) {
        #expect(BookFaceMeasure.firstPiece(text, hyphenates: hyphenates) == piece)
    }
}
