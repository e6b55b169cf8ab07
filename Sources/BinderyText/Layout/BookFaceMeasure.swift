/// The measure of a justified text too short to learn its own habits from (`ParagraphEndOdds`, `FittedWidths`), in a
/// common book face's widths (`PrintedWidth`): the width that best parts the lines inside its paragraphs, as printed,
/// from the same lines with the next line's first piece. A sentence ending on a line with clear room for the next
/// line's first piece ended its paragraph by choice.
struct BookFaceMeasure: Sendable, Hashable {
    /// The measure, in thousandths of an em of the book face.
    var width: Int
    /// The text breaks words at line ends, so a line's next piece may be a long word's first syllable.
    var hyphenates: Bool

    /// How clearly, as a share of the measure, a piece must fit: the book face's widths are not the text's own.
    static let margin = 0.03

    /// The room a paragraph's first line may have lost to its indent, which extraction drops: an em (books indent by
    /// one to one and a half).
    static let indent = 1_000

    /// Whether the first piece of `line` would have fitted after `previous` (its paragraph's first line when
    /// `previousOpens`), with room to spare.
    func leavesRoom(after previous: SourceLine, for line: SourceLine, previousOpens: Bool) -> Bool {
        let needed = PrintedWidth.of(previous.text) + PrintedWidth.space + PrintedWidth.of(String(Self.firstPiece(line.text, hyphenates: hyphenates)))
            + (previousOpens ? Self.indent : 0)
        return Double(needed) <= Double(width) * (1 - Self.margin)
    }

    /// The least a typesetter could have set of `text` on the line before: its first word, or where the text
    /// hyphenates, a word of six letters or more broken after its third (a syllable's usual length), with the hyphen.
    static func firstPiece(_ text: String, hyphenates: Bool) -> Substring {
        let word = text.prefix { $0 != " " }
        guard hyphenates else { return word }
        let opening = word.prefix { !$0.isLetter }, letters = word.dropFirst(opening.count)
        guard letters.prefix(while: \.isLetter).count >= 6 else { return word }
        return Substring(String(opening) + letters.prefix(3) + "\u{2010}")
    }

    /// Fits the measure to `lines` (`text`: indices of the non-blank lines kept, in order); nil when fewer than 20
    /// lines lie surely inside paragraphs, or when the best measure misplaces more than a quarter of them (a text
    /// set ragged, or in characters of one width).
    static func fit(_ lines: [SourceLine], text: [Int]) -> BookFaceMeasure? {
        var inner: [(line: Int, next: Int)] = []
        var brokenWords = 0
        for position in text.indices.dropFirst().dropLast() {
            let index = text[position]
            guard text[position + 1] == index + 1, lines[index + 1].startsLowercase, lines[index].leadingSpaces == 0 else { continue }
            // A word broken at the line's end goes on with no space: no bound on the measure.
            if FixedWrap.breaksAfterDash(lines[index]) {
                if lines[index].text.unicodeScalars.dropLast().last?.properties.isAlphabetic == true { brokenWords += 1 }
            } else if lines[index].startsLowercase {
                inner.append((index, index + 1))
            }
        }
        guard inner.count >= 20 else { return nil }
        // Words broken once in twenty lines or more: a compound's own hyphen now and then is no habit of breaking words.
        let hyphenates = brokenWords >= 3 && brokenWords * 20 >= inner.count
        // Each inner line fits the measure as printed and overflows it with its next piece: `fits` ≤ measure < `overflows`.
        let bounds = inner.map { pair -> (fits: Int, overflows: Int) in
            let fits = PrintedWidth.of(lines[pair.line].text)
            return (fits, fits + PrintedWidth.space + PrintedWidth.of(String(firstPiece(lines[pair.next].text, hyphenates: hyphenates))))
        }
        // The measure misplacing fewest lines lies at one of the bounds: a sweep over them, in order.
        let fits = bounds.map(\.fits).sorted(), overflows = bounds.map(\.overflows).sorted()
        var best = (misplaced: Int.max, width: 0), fitsWithin = 0, overflowsWithin = 0
        for measure in Set(fits + overflows.map { $0 - 1 }).sorted() {
            while fitsWithin < fits.count, fits[fitsWithin] <= measure { fitsWithin += 1 }
            while overflowsWithin < overflows.count, overflows[overflowsWithin] <= measure { overflowsWithin += 1 }
            let misplaced = fits.count - fitsWithin + overflowsWithin
            if misplaced < best.misplaced { best = (misplaced, measure) }
        }
        guard best.misplaced * 4 <= bounds.count else { return nil }
        return BookFaceMeasure(width: best.width, hyphenates: hyphenates)
    }
}
