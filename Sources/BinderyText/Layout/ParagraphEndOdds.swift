import Foundation

/// Whether a sentence ending on a full-looking line of justified, unmarked text also ends its paragraph, weighed
/// from the document's own habits (a naive Bayes of four clues): how its known paragraphs (those ending on a
/// short line) end and begin, against how its sentences end and begin inside a line; how long their first lines are
/// (an indent lost in extraction still shortens them) against lines inside paragraphs.
struct ParagraphEndOdds: Sendable, Hashable {
    /// Log odds of a paragraph end before any clue: the paragraph ends expected on full-looking lines (known ends
    /// spread evenly over the line lengths) against the other sentences ending on such lines.
    var prior: Double
    /// Log likelihood ratios of the line ending in a closing quotation mark, and of not.
    var closedQuote: Double, notClosedQuote: Double
    /// Log likelihood ratios of the next line opening with a quotation mark or dash, and of not.
    var openedQuote: Double, notOpenedQuote: Double
    /// Log likelihood ratio of the next line's length, by its offset from the usual full line (−8…8).
    var nextLength: [Double]
    /// Log likelihood ratio of the ending line's length, by the same offset.
    var endingLength: [Double]
    var usualLength: Int
    /// The shortest a line inside a paragraph usually is (the 2nd percentile of lines a lower-case line continues).
    var floorLength: Int
    /// Thousandths of an em in one character's width, where lengths are printed widths (`PrintedWidth`): the
    /// document's full lines agree more in width than in characters, as a proportional face sets them.
    var widthUnit: Double?
    /// Each line's printed width in that unit, by its index (its number less one), where widths are used.
    var sizes: [Int] = []

    /// Whether `line` starts a new paragraph after `previous`, a full-looking line that ends a sentence; `following`
    /// is the line after `line` when nothing parts them.
    func startsParagraph(_ line: SourceLine, after previous: SourceLine, following: SourceLine?) -> Bool {
        // An initial (`M.` before `Barrande`) ends no sentence.
        if Self.endsInInitial(previous) { return false }
        var score = prior
        score += Self.endsInQuote(previous) ? closedQuote : notClosedQuote
        score += Self.opensQuote(line) ? openedQuote : notOpenedQuote
        if Self.continues(line, into: following) { score += nextLength[offset(line)] }
        score += endingLength[offset(previous)]
        return score > 0
    }

    /// A line shorter than lines inside paragraphs are: a sentence ending on it ends its paragraph.
    func fallsShort(_ line: SourceLine) -> Bool { size(line) < floorLength }

    private func offset(_ line: SourceLine) -> Int { Self.bucket(size(line) - usualLength) }

    /// The line's size: its length, or its printed width as measured for the document.
    private func size(_ line: SourceLine) -> Int {
        guard widthUnit != nil else { return line.length }
        return sizes.indices.contains(line.number - 1) ? sizes[line.number - 1] : Self.size(line, unit: widthUnit)
    }

    /// The line's length in characters, or its printed width in characters of the document's average width.
    static func size(_ line: SourceLine, unit: Double?) -> Int {
        guard let unit else { return line.length }
        return Int((Double(PrintedWidth.of(line.text)) / unit).rounded())
    }

    /// The unit that measures the lines in printed width, when their widths spread less than their lengths (the
    /// spread: the 10th to the 90th percentile over the median) by a clear margin; nil when lengths do better.
    /// `indices` are those of the lines a lower-case line continues.
    static func widthUnit(_ lines: [SourceLine], _ indices: [Int]) -> Double? {
        func spread(_ values: [Int]) -> Double {
            let sorted = values.sorted()
            return Double(sorted[sorted.count * 9 / 10] - sorted[sorted.count / 10]) / Double(max(1, sorted[sorted.count / 2]))
        }
        // Two thousand lines spread over the document tell the spreads as well as all of them.
        let sample = Swift.stride(from: 0, to: indices.count, by: max(1, indices.count / 2000)).map { indices[$0] }
        let widths = sample.map { PrintedWidth.of(lines[$0].text) }, lengths = sample.map { lines[$0].length }
        guard sample.count >= 30, spread(widths) < 0.85 * spread(lengths) else { return nil }
        return Double(widths.reduce(0, +)) / Double(max(1, lengths.reduce(0, +)))
    }

    static func bucket(_ difference: Int) -> Int { min(16, max(0, difference + 8)) }

    /// Measures the clues in `text` (indices of the non-blank lines kept); nil when the document has too few
    /// known paragraph ends to learn from. In a text wrapped at `wrapWidth`, the known ends are the lines that left
    /// room for the next word, and a paragraph's last line is as likely at any length up to the width.
    static func measure(_ lines: [SourceLine], text: [Int], wrapWidth: Int? = nil) -> ParagraphEndOdds? {
        var continuingLines: [Int] = []
        for (position, index) in text.enumerated().dropLast() where text[position + 1] == index + 1 && lines[index + 1].startsLowercase {
            continuingLines.append(index)
        }
        guard !continuingLines.isEmpty else { return nil }
        let unit = widthUnit(lines, continuingLines)
        // Each line's size is measured once, here, for the paragraph builder too.
        let sizes = unit == nil ? [] : lines.map { $0.isBlank ? 0 : Self.size($0, unit: unit) }
        func size(_ index: Int) -> Int { unit == nil ? lines[index].length : sizes[index] }
        let continuing = continuingLines.map(size).sortedLengths()
        let usual = continuing[continuing.count / 2], widest = continuing[continuing.count * 97 / 100]
        let floorSize = continuing[continuing.count / 50]
        var knownEnds = 0, endsClosed = 0, startsOpened = 0, fullEnds = 0
        // The chance, summed over the known ends, that a last line left no room for the next word.
        var forcedChances = 0.0
        var firstLengths = [Int](repeating: 0, count: 17), innerLengths = [Int](repeating: 0, count: 17)
        for (position, index) in text.enumerated().dropLast() where text[position + 1] == index + 1 {
            // The flags are read in place: copying three lines a step cost more than the rest of the loop.
            let lengthCounts = position + 2 < text.count && text[position + 2] == index + 2
                && (!lines[index + 1].endsSentence || lines[index + 2].startsLowercase)
            if lines[index].endsSentence, startsSentence(lines[index + 1]) {
                let ending = lines[index], line = lines[index + 1]
                let chosen = wrapWidth.map { FixedWrap.leavesRoom(ending, for: line, width: $0) } ?? (size(index) < floorSize)
                if !chosen {
                    fullEnds += 1
                } else {
                    knownEnds += 1
                    if let wrapWidth { forcedChances += min(0.5, Double(1 + FixedWrap.firstWordLength(line)) / Double(wrapWidth)) }
                    if endsInQuote(ending) { endsClosed += 1 }
                    if opensQuote(line) { startsOpened += 1 }
                    if lengthCounts { firstLengths[bucket(size(index + 1) - usual)] += 1 }
                }
            } else if !lines[index].endsSentence, lengthCounts, size(index) >= floorSize {
                innerLengths[bucket(size(index + 1) - usual)] += 1
            }
        }
        let firsts = firstLengths.reduce(0, +), inners = innerLengths.reduce(0, +)
        guard knownEnds >= 30, fullEnds >= 10, firsts >= 30, inners >= 30 else { return nil }
        // Two thousand lines spread over the document tell the rate as well as all of them.
        let stride = max(1, text.count / 2000)
        let inside = InlineSentences.count(Swift.stride(from: 0, to: text.count, by: stride).lazy.map { lines[text[$0]].text })
        let forcedShare = forcedChances / Double(knownEnds)
        let hidden = wrapWidth == nil ? Double(widest - floorSize + 1) / Double(max(1, floorSize - 1)) : forcedShare / (1 - forcedShare)
        let expected = min(Double(fullEnds) / 2, Double(knownEnds) * hidden)
        func ratio(_ count: Int, of total: Int) -> Double { (Double(count) + 1) / (Double(total) + 2) }
        let closedAtEnd = ratio(endsClosed, of: knownEnds), closedInside = ratio(inside.closed, of: inside.total)
        let openedAtStart = ratio(startsOpened, of: knownEnds), openedInside = ratio(inside.opened, of: inside.total)
        let innerShare = innerLengths.map { (Double($0) + 1) / Double(inners + 17) }
        return ParagraphEndOdds(
            prior: log(max(1, expected) / max(1, Double(fullEnds) - expected)),
            closedQuote: log(closedAtEnd / closedInside), notClosedQuote: log((1 - closedAtEnd) / (1 - closedInside)),
            openedQuote: log(openedAtStart / openedInside), notOpenedQuote: log((1 - openedAtStart) / (1 - openedInside)),
            nextLength: zip(firstLengths, innerShare).map { log((Double($0) + 1) / Double(firsts + 17) / $1) },
            endingLength: innerShare.map { log(1 / Double(max(1, widest - floorSize + 1)) / $0) },
            usualLength: usual, floorLength: floorSize, widthUnit: unit, sizes: sizes)
    }

    /// A line that does not end its paragraph for sure: it does not end a sentence, or a lower-case line follows it.
    static func continues(_ line: SourceLine, into following: SourceLine?) -> Bool {
        guard let following else { return false }
        return !line.endsSentence || following.startsLowercase
    }

    /// The line's last word is one capital letter and a full stop.
    static func endsInInitial(_ line: SourceLine) -> Bool {
        let tail = Array(line.text.unicodeScalars.suffix(3))
        guard tail.count >= 2, tail[tail.count - 1] == ".", tail[tail.count - 2].properties.isUppercase else { return false }
        return tail.count == 2 || tail[0] == " "
    }

    static func startsSentence(_ line: SourceLine) -> Bool {
        guard let first = line.text.unicodeScalars.first else { return false }
        return InlineSentences.isUppercase(first) || InlineSentences.isOpener(first)
    }

    static func endsInQuote(_ line: SourceLine) -> Bool {
        line.text.unicodeScalars.last.map(InlineSentences.isClosingQuote) ?? false
    }

    static func opensQuote(_ line: SourceLine) -> Bool {
        line.text.unicodeScalars.first.map(InlineSentences.isOpener) ?? false
    }
}
