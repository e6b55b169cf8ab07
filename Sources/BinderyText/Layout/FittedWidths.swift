/// The widths of a justified, proportionally set text's characters, fitted to its own lines: in justified text a
/// line inside a paragraph holds what fits the measure and its next word would not have fitted, and a paragraph's
/// first line is shorter by the indent. Each frequent character's width (in measures: a full line is 1) and the
/// indent are what best satisfy those two facts over the document's surest lines (an L1 hinge, minimised by
/// iteratively reweighted least squares). With them, the next word's fitting on a line tells a paragraph's end
/// (`ParagraphBuilder`) far better than character counts or one typeface's metrics.
struct FittedWidths: Sendable, Hashable {
    /// The width of each scalar below `tableEnd`, by its value, in measures: fitted for the frequent ones, else its
    /// book-face width (`PrintedWidth`) times `otherScale`.
    private var table: [Double]
    /// Measures per thousandth of an em of a scalar's book-face width, for the scalars not fitted.
    var otherScale: Double
    /// The paragraph indent, in measures.
    var indent: Double

    /// The indent as a share of the measure, to a tenth of a per cent (`3.6 % of the measure`).
    var indentDescription: String {
        let tenths = Int((indent * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) % of the measure"
    }

    /// Latin letters, punctuation, quotation marks and dashes lie below.
    static let tableEnd = 0x2100

    func width<S: StringProtocol>(_ text: S) -> Double {
        var total = 0.0
        for scalar in text.unicodeScalars {
            total += Int(scalar.value) < table.count ? table[Int(scalar.value)] : Double(PrintedWidth.of(scalar)) * otherScale
        }
        return total
    }

    /// Whether a paragraph ends between `previous`, a full-looking line ending a sentence (its paragraph's first line when
    /// `previousOpens`), and `line`, opening one: yes when the first unit of `line` would have fitted on `previous`, or when
    /// `line`, running on into `following`, left room for its first unit (so `line` is set in); no when `line` is too wide
    /// to be set in; nil when the widths say both or neither.
    func breaks(after previous: SourceLine, previousOpens: Bool, line: SourceLine, following: SourceLine?) -> Bool? {
        let space = width(" ")
        let lineWidth = width(line.text)
        let roomOnPrevious = (previousOpens ? 1 - indent : 1) - (width(previous.text) + space + width(Self.firstUnit(line.text)))
        var set = roomOnPrevious > Self.margin
        if let following, following.startsLowercase || line.text.last.map({ $0.isLetter || $0 == "," || $0 == "\u{2010}" }) == true {
            set = set || 1 - (lineWidth + space + width(Self.firstUnit(following.text))) > Self.margin
        }
        let tooWide = 1 - indent - lineWidth < -Self.margin
        return set == tooWide ? nil : set
    }

    /// Margin, in measures, by which a fit or a misfit must be clear (about a sixth of an em in a 35-em measure).
    static let margin = 0.005

    /// The unit a line breaker cannot split: the line's first word, with the next when the first is a short capitalised
    /// abbreviation a typesetter ties to its word (`Mr. Darcy`, `M. Barrande`).
    static func firstUnit(_ text: String) -> Substring {
        let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard let first = words.first else { return "" }
        let letters = first.drop { !$0.isLetter }
        if words.count > 1, first.hasSuffix("."), letters.first?.isUppercase == true, (2...5).contains(letters.count),
           letters.dropLast().allSatisfy(\.isLetter) {
            return text[first.startIndex..<words[1].endIndex]
        }
        return first
    }

    /// Fits the widths to `lines` (`text`: indices of the non-blank lines kept, in order); nil when the lines are too
    /// few or the fit does not hold for nine in ten of them (not a justified text in one proportional face).
    static func fit(_ lines: [SourceLine], text: [Int]) -> FittedWidths? {
        // Lines surely inside a paragraph and not its first: a lower-case line follows, and the line before runs on into it.
        var inner: [(line: Int, next: Int)] = [], firsts: [(line: Int, next: Int)] = []
        for position in text.indices.dropFirst().dropLast() {
            let index = text[position]
            guard text[position + 1] == index + 1, text[position - 1] == index - 1, lines[index + 1].startsLowercase else { continue }
            if lines[index].startsLowercase || !lines[index - 1].endsSentence { inner.append((index, index + 1)) }
        }
        guard inner.count >= 200 else { return nil }
        let median = inner.map { lines[$0.line].length }.sortedLengths()[inner.count / 2]
        // A paragraph's first line: after a sentence ending on a short line, opening a sentence, a lower-case line after it.
        for position in text.indices.dropFirst().dropLast() {
            let index = text[position]
            guard text[position - 1] == index - 1, text[position + 1] == index + 1, lines[index + 1].startsLowercase else { continue }
            let before = lines[index - 1]
            if before.endsSentence, before.length * 10 < median * 8, ParagraphEndOdds.startsSentence(lines[index]) { firsts.append((index, index + 1)) }
        }
        inner = sample(inner, 500)
        firsts = sample(firsts, 120)
        // Columns: the scalars below `tableEnd` seen 30 times or more, then the other scalars' book-face widths, then the indent.
        var counts = [Int](repeating: 0, count: tableEnd)
        func count(_ text: some StringProtocol) {
            for scalar in text.unicodeScalars where Int(scalar.value) < tableEnd { counts[Int(scalar.value)] += 1 }
        }
        for (line, next) in inner {
            count(lines[line].text)
            count(firstUnit(lines[next].text))
        }
        // At most the 100 commonest: a text of many scripts keeps the system small (the rest take the book face's widths).
        let frequent = counts.indices.filter { counts[$0] >= 30 }.sorted { (counts[$0], -$0) > (counts[$1], -$1) }.prefix(100).sorted()
        var column = [Int](repeating: -1, count: tableEnd), columns = 0
        for value in frequent {
            column[value] = columns
            columns += 1
        }
        let other = columns, indentColumn = columns + 1
        columns += 2
        func counted(_ text: some StringProtocol, into row: inout [Double]) {
            for scalar in text.unicodeScalars {
                let value = Int(scalar.value)
                if value < tableEnd, column[value] >= 0 { row[column[value]] += 1 } else { row[other] += Double(PrintedWidth.of(scalar)) }
            }
        }
        // Each line gives two constraints: as printed it fits (x·w ≤ 1); with a space and the next unit it would not (y·w > 1).
        var problem = HingeFit(columns: columns)
        for (group, isFirst) in [(inner, false), (firsts, true)] {
            for (line, next) in group {
                var fits = [Double](repeating: 0, count: columns)
                counted(lines[line].text, into: &fits)
                if isFirst { fits[indentColumn] = 1 }
                var overflows = fits
                counted(" ", into: &overflows)
                counted(firstUnit(lines[next].text), into: &overflows)
                problem.add(fits, target: 1)
                problem.add(overflows, sign: -1, target: -1)
            }
        }
        guard let solution = problem.solve() else { return nil }
        let table = (0..<tableEnd).map { value in
            column[value] >= 0 ? solution[column[value]] : Unicode.Scalar(value).map { Double(PrintedWidth.of($0)) * solution[other] } ?? 0
        }
        let fitted = FittedWidths(table: table, otherScale: solution[other], indent: firsts.count >= 20 ? max(0, solution[indentColumn]) : 0)
        // The fit must hold: nine in ten of the inner lines fit as printed and overflow with their next word.
        let holds = inner.count {
            let width = fitted.width(lines[$0.line].text)
            return width <= 1 + margin && width + fitted.width(" " + firstUnit(lines[$0.next].text)) > 1 - margin
        }
        return holds * 10 >= inner.count * 9 ? fitted : nil
    }

    /// At most `limit` of `items`, spread evenly over them.
    private static func sample<T>(_ items: [T], _ limit: Int) -> [T] {
        guard items.count > limit else { return items }
        return (0..<limit).map { items[$0 * items.count / limit] }
    }
}
