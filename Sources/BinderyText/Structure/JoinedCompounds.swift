/// pdftotext joins a line that ended in a hyphen-minus to the next one and drops the hyphen, so a compound broken
/// at its own hyphen (`half-` / `mockingly`) comes out closed (`halfmockingly`) on a line longer than any other.
/// On such a line, a word whose split point stands where the first line could have ended (a line's length at
/// most, and the rest a line's at most) is hyphenated again when the document writes it so elsewhere; or, where
/// the document marks its own breaks with U+2010 (so a dropped hyphen-minus was a compound's), when it never
/// writes the word closed and both halves, three letters or more, are words of it, or where one split alone of the
/// line has a half that the document uses as a compound's element (`half-`, `-like`).
struct JoinedCompounds: Sendable {
    /// A word of an over-long line that may be a closed-up compound: where it starts (in scalars of the line's
    /// text) and the split points (in scalars of the word) that fall where the first line could have ended.
    struct Candidate: Sendable {
        let word: [Unicode.Scalar]
        let start: Int
        let splits: [Int]
        /// The word lower-cased, and its lower-cased halves at each split.
        let lower: String
        let halves: [(left: String, right: String)]

        init(word: [Unicode.Scalar], start: Int, splits: [Int]) {
            self.word = word
            self.start = start
            self.splits = splits
            if word.allSatisfy(\.isASCII) {
                // ASCII lower-cases scalar by scalar: the halves are slices of the lower-cased word.
                let bytes = word.map { UInt8($0.value) &- 0x41 < 26 ? UInt8($0.value) | 0x20 : UInt8($0.value) }
                lower = String(decoding: bytes, as: UTF8.self)
                halves = splits.map { (String(decoding: bytes[..<$0], as: UTF8.self), String(decoding: bytes[$0...], as: UTF8.self)) }
            } else {
                lower = JoinedCompounds.text(word[...]).lowercased()
                halves = splits.map { (JoinedCompounds.text(word[..<$0]).lowercased(), JoinedCompounds.text(word[$0...]).lowercased()) }
            }
        }
    }

    /// The candidates of each over-long line, by line number.
    private(set) var candidates: [Int: [Candidate]] = [:]
    /// The document marks its breaks with U+2010 (`Dehyphenator.breakHyphenHabit`).
    let marksBreaksWithHyphen: Bool

    init(_ lines: [SourceLine], marksBreaksWithHyphen: Bool) {
        self.marksBreaksWithHyphen = marksBreaksWithHyphen
        guard let measure = Self.measure(lines), measure <= 200 else { return }
        for line in lines where line.length * 10 > measure * 12 && line.length * 10 <= measure * 22 {
            let low = max(measure * 7 / 10, line.length - measure * 21 / 20), high = measure * 11 / 10
            // A line too long for any break to fall in the measure's window has no candidates.
            guard low <= high else { continue }
            let found = Self.words(of: line.text).compactMap { word, start -> Candidate? in
                guard word.count >= 5 else { return nil }
                let splits = (2...(word.count - 2)).filter { (low...high).contains(start + $0) }
                return splits.isEmpty ? nil : Candidate(word: word, start: start, splits: splits)
            }
            if !found.isEmpty { candidates[line.number] = found }
        }
    }

    /// The numbers of the over-long lines: left out of the lexicon, so that a word found there is found elsewhere.
    var lineNumbers: Set<Int> { Set(candidates.keys) }

    /// The lower-cased words the lexicon is asked about: each candidate's hyphenated forms and, where the document
    /// marks its breaks with U+2010 (the only case `repaired` asks about more), the candidate whole, its halves and
    /// its halves as compounds' elements.
    var neededWords: Set<Substring> {
        var needed: Set<Substring> = []
        for candidate in candidates.values.joined() {
            if marksBreaksWithHyphen { needed.insert(Substring(candidate.lower)) }
            for (left, right) in candidate.halves {
                needed.insert(Substring(left + "-" + right))
                guard marksBreaksWithHyphen, right.count >= 3 else { continue }
                for word in left.count >= 3 ? [left, right, left + "-", "-" + right] : [left + "-", "-" + right] { needed.insert(Substring(word)) }
            }
        }
        return needed
    }

    /// The line's text with the compound's hyphen put back, and the compound; nil when no word is evidently one.
    func repaired(_ line: SourceLine, lexicon: Set<String>) -> (text: String, compound: String)? {
        guard let found = candidates[line.number] else { return nil }
        var chosen: (candidate: Candidate, split: Int)?
        // Splits whose first half starts, or last half ends, compounds elsewhere (`half-` as in `half-distrustfully`).
        var elements: [(candidate: Candidate, split: Int)] = []
        for candidate in found {
            for (split, (left, right)) in zip(candidate.splits, candidate.halves) {
                if lexicon.contains(left + "-" + right) { chosen = (candidate, split); break }
                guard marksBreaksWithHyphen, !lexicon.contains(candidate.lower) else { continue }
                if chosen == nil, left.count >= 3, right.count >= 3, lexicon.contains(left), lexicon.contains(right) {
                    chosen = (candidate, split)
                }
                if right.count >= 3, lexicon.contains(left + "-") || lexicon.contains("-" + right) { elements.append((candidate, split)) }
            }
            if let chosen, lexicon.contains(Self.hyphenated(chosen.candidate, at: chosen.split).lowercased()) { break }
        }
        // A compound's element is weaker evidence: it decides only where it picks out one split of the line.
        if chosen == nil, elements.count == 1 { chosen = elements[0] }
        guard let (candidate, split) = chosen else { return nil }
        var scalars = Array(line.text.unicodeScalars)
        scalars.insert("-", at: candidate.start + split)
        return (Self.text(scalars[...]), Self.hyphenated(candidate, at: split))
    }

    private static func hyphenated(_ candidate: Candidate, at split: Int) -> String {
        text(candidate.word[..<split]) + "-" + text(candidate.word[split...])
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// The width of a full line as `LayoutDetector` takes it (page furniture still in); nil without text.
    static func measure(_ lines: [SourceLine]) -> Int? {
        let text = lines.indices.filter { !lines[$0].isBlank }
        guard !text.isEmpty else { return nil }
        return LayoutDetector.measure(lengths: text.map { lines[$0].length }.sortedLengths(), wrapped: LayoutDetector.wrappedLengths(lines, text: text))
    }

    /// The runs of letters of a text, each with the scalar offset it starts at.
    static func words(of text: String) -> [([Unicode.Scalar], Int)] {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII: its letters are A–Z and a–z, and a byte is a scalar.
            var result: [([Unicode.Scalar], Int)] = []
            var start = -1
            for offset in 0...bytes.count {
                let letter = offset < bytes.count && bytes[offset] | 0x20 >= 0x61 && bytes[offset] | 0x20 <= 0x7A
                if letter, start < 0 { start = offset }
                if !letter, start >= 0 {
                    result.append((bytes[start..<offset].map { Unicode.Scalar($0) }, start))
                    start = -1
                }
            }
            return result
        }
        var result: [([Unicode.Scalar], Int)] = []
        var current: [Unicode.Scalar] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isAlphabetic {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append((current, offset - current.count))
                current = []
            }
        }
        if !current.isEmpty { result.append((current, text.unicodeScalars.count - current.count)) }
        return result
    }
}
