import Foundation

/// The dehyphenator's one pass over the text: which of the `needed` words occur as tokens of the
/// lower-cased lines (runs of letters, `-`, `’`, `'`) or as the parts of hyphenated tokens (also as `part-`, `-part`).
/// Works on the UTF-8 bytes: an ASCII token is hashed and matched as it is read, without a copy; a token
/// with other than ASCII in it is lower-cased and matched as a string, exactly as `String.lowercased()` and
/// `Set<Substring>` would; a line where lower-casing a scalar could move a token boundary gets `scanExact`.
struct LexiconScan {
    private let needed: Set<Substring>
    private let table: ASCIIWordTable
    /// ASCII needed words met (by table index), and the other needed words met.
    private var seen: [Bool]
    private var foundOther: Set<String> = []
    /// Non-ASCII scalars: token-ness once lower-cased, and the lower-case scalars when they differ.
    private var classes: [UInt32: (ScalarClass, [Unicode.Scalar]?)] = [:]
    /// The lower-cased scalars of a token that holds other than ASCII.
    private var wide: [Unicode.Scalar] = []

    private enum ScalarClass { case separator, token, mixed }

    /// The needed words found in the non-blank `lines`.
    static func words(in lines: [SourceLine], needed: Set<Substring>) -> Set<String> {
        // Long texts are scanned in two halves at once (the second core is otherwise idle while the reader runs).
        let halves = lines.count >= 4000 ? [0..<lines.count / 2, lines.count / 2..<lines.count] : [0..<lines.count]
        let found = FoundSets(count: halves.count)
        DispatchQueue.concurrentPerform(iterations: halves.count) { half in
            found.set(half, words(in: lines[halves[half]], needed: needed))
        }
        return found.union
    }

    /// The needed words found in the non-blank `lines` but those `skipping` (by number), in one pass on the
    /// calling thread.
    static func words(in lines: ArraySlice<SourceLine>, needed: Set<Substring>, skipping: Set<Int> = [], replacing: [Int: String] = [:]) -> Set<String> {
        // An ASCII token could equal (canonically) a non-ASCII needed word only through singletons such as
        // the Kelvin sign; if a needed word is one of those, every line takes the exact path.
        let safe = needed.allSatisfy { word in
            word.utf8.allSatisfy { $0 < 0x80 } || !String(word).decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }
        }
        // Where every needed word holds a hyphen (compounds, `half-`, `-like`), only a line with one can hold them.
        let hyphenatedOnly = needed.allSatisfy { $0.utf8.contains(0x2D) }
        var scan = LexiconScan(needed: needed)
        for line in lines where !line.isBlank && (skipping.isEmpty || !skipping.contains(line.number)) {
            let text = replacing.isEmpty ? line.text : replacing[line.number] ?? line.text
            if hyphenatedOnly, !ByteSearch.containsByte(0x2D, in: text) { continue }
            if !safe || !scan.scanFast(text) { scan.scanExact(text) }
        }
        return scan.found
    }

    /// The texts of the lines that hold the halves of a word broken at a line end, without them (by line number): a
    /// fragment vouches for nothing (`declai-` / `med,` would make both halves words, and the break a compound's).
    /// `previous` is the line before the first.
    static func breakFragmentsLeftOut(_ lines: ArraySlice<SourceLine>, previous: SourceLine? = nil) -> [Int: String] {
        var texts: [Int: String] = [:]
        var previousBreaks = previous.map { breaksAWord($0.text) } ?? false
        for line in lines {
            let breaks = breaksAWord(line.text)
            if breaks || previousBreaks {
                var slice = Substring(line.text)
                if breaks {
                    slice = slice.dropLast()
                    while let last = slice.last, last.isLetter || last == "-" { slice = slice.dropLast() }
                }
                if previousBreaks { slice = slice.drop { $0.isLetter } }
                texts[line.number] = String(slice)
            }
            previousBreaks = breaks
        }
        return texts
    }

    /// Whether a line ends in a hyphen (`-`, `¬`, `‐`) right after a letter: it may break a word.
    static func breaksAWord(_ text: String) -> Bool {
        guard let lastByte = text.utf8.last, lastByte == 0x2D || lastByte == 0xAC || lastByte == 0x90,
              let last = text.last, last == "-" || last == "¬" || last == Dehyphenator.breakHyphen else { return false }
        return text.dropLast().last?.isLetter == true
    }

    /// The lexicon of a text scanned in two steps, each of which can run beside other work: the needed words
    /// and the first three fifths of the lines (the reader's page and paragraph stages, beside which this runs,
    /// take a little longer than half), then the rest. The words found are those of `words(in:needed:)`.
    struct Halves: Sendable {
        let needed: Set<Substring>
        /// The compounds pdftotext closed up on over-long lines, whose lines the scan leaves out.
        let compounds: JoinedCompounds
        private let cut: Int
        private let firstPart: Set<String>

        init(_ lines: [SourceLine], marksBreaksWithHyphen: Bool = false) {
            compounds = JoinedCompounds(lines, marksBreaksWithHyphen: marksBreaksWithHyphen)
            needed = Dehyphenator.neededWords(lines, marksBreaksWithHyphen: marksBreaksWithHyphen).union(compounds.neededWords)
            cut = lines.count * 3 / 5
            firstPart = needed.isEmpty ? [] : LexiconScan.words(in: lines[..<cut], needed: needed, skipping: compounds.lineNumbers,
                                                                 replacing: breakFragmentsLeftOut(lines[..<cut]))
        }

        /// The whole lexicon, the rest of `lines` scanned now.
        func finish(_ lines: [SourceLine]) -> Set<String> {
            guard !needed.isEmpty else { return [] }
            let texts = breakFragmentsLeftOut(lines[cut...], previous: cut > 0 ? lines[cut - 1] : nil)
            return firstPart.union(LexiconScan.words(in: lines[cut...], needed: needed, skipping: compounds.lineNumbers, replacing: texts))
        }
    }

    /// The words each half found, gathered under a lock.
    private final class FoundSets: @unchecked Sendable {
        private let lock = NSLock()
        private var sets: [Set<String>]

        init(count: Int) { sets = Array(repeating: [], count: count) }

        func set(_ index: Int, _ words: Set<String>) { lock.withLock { sets[index] = words } }

        var union: Set<String> { lock.withLock { sets.reduce(into: []) { $0.formUnion($1) } } }
    }

    private init(needed: Set<Substring>) {
        self.needed = needed
        table = ASCIIWordTable(needed.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) })
        seen = Array(repeating: false, count: table.count)
    }

    private var found: Set<String> {
        var result = foundOther
        for (index, met) in seen.enumerated() where met { result.insert(String(decoding: table.word(index), as: UTF8.self)) }
        return result
    }

    /// The original scan of one line, on strings.
    mutating func scanExact(_ text: String) {
        let lower = text.lowercased()
        let tokens = lower.unicodeScalars.split(whereSeparator: { !Self.isTokenScalar($0) })
        for token in tokens { matchWide(Substring(token)) }
    }

    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        NoteMarkerScanner.isLetter(scalar) || scalar == "-" || scalar == "’" || scalar == "'"
    }

    /// Per byte: 0 for an ASCII separator, the lower-cased byte for an ASCII token byte (a letter, `-`, `'`),
    /// 0xFF for a byte of a non-ASCII scalar.
    private static let byteCodes: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        if byte >= 0x80 { return 0xFF }
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        return (lower >= 0x61 && lower <= 0x7A) || lower == 0x2D || lower == 0x27 ? lower : 0
    }

    /// Scans one line on its bytes; false (the unfinished token dropped) when lower-casing a scalar gives
    /// both token and separator scalars, so that the boundaries need the exact scan.
    private mutating func scanFast(_ text: String) -> Bool {
        var text = text
        let codes = Self.byteCodes
        return text.withUTF8 { bytes -> Bool in
            let count = bytes.count
            var index = 0
            var start = -1
            var hash = ASCIIWordTable.basis
            var hyphen = false
            var ascii = true
            while index < count {
                let byte = bytes[index]
                let code = codes[Int(byte)]
                if code == 0 {
                    if start >= 0 {
                        finish(bytes, start..<index, hash: hash, hyphen: hyphen, ascii: ascii)
                        start = -1
                        ascii = true
                    }
                    index += 1
                    continue
                }
                if code != 0xFF {
                    if start < 0 { start = index; hash = ASCIIWordTable.basis; hyphen = false }
                    guard ascii else {
                        hash = ASCIIWordTable.step(hash, code)
                        if code == 0x2D { hyphen = true }
                        wide.append(Unicode.Scalar(code))
                        index += 1
                        continue
                    }
                    // The rest of an ASCII run, in a loop of its own (most of the text).
                    var runHash = hash, runHyphen = hyphen, runCode = code
                    while true {
                        runHash = ASCIIWordTable.step(runHash, runCode)
                        if runCode == 0x2D { runHyphen = true }
                        index += 1
                        if index == count { break }
                        runCode = codes[Int(bytes[index])]
                        if runCode == 0 || runCode == 0xFF { break }
                    }
                    hash = runHash
                    hyphen = runHyphen
                    continue
                }
                let (scalar, length) = Self.decode(bytes, at: index)
                let (kind, lower) = scalarClass(scalar)
                switch kind {
                case .mixed:
                    wide.removeAll(keepingCapacity: true)
                    return false
                case .separator:
                    if start >= 0 {
                        finish(bytes, start..<index, hash: hash, hyphen: hyphen, ascii: ascii)
                        start = -1
                        ascii = true
                    }
                case .token:
                    if ascii {
                        // The token so far was ASCII: carry it over to the scalar form.
                        ascii = false
                        if start >= 0 {
                            for offset in start..<index { wide.append(Unicode.Scalar(bytes[offset] &- 0x41 < 26 ? bytes[offset] | 0x20 : bytes[offset])) }
                        }
                    }
                    if start < 0 { start = index }
                    if let lower { wide.append(contentsOf: lower) } else { wide.append(scalar) }
                }
                index += length
            }
            if start >= 0 { finish(bytes, start..<count, hash: hash, hyphen: hyphen, ascii: ascii) }
            return true
        }
    }

    /// Matches the token just ended: ASCII bytes `range` (lower-cased on the fly) or the scalars in `wide`.
    private mutating func finish(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64, hyphen: Bool, ascii: Bool) {
        guard ascii else {
            let word = Substring(String(String.UnicodeScalarView(wide)))
            wide.removeAll(keepingCapacity: true)
            matchWide(word)
            return
        }
        if let entry = table.index(of: bytes, range, hash: hash) { seen[entry] = true }
        guard hyphen else { return }
        var partStart = range.lowerBound
        var partHash = ASCIIWordTable.basis
        for position in range.lowerBound...range.upperBound {
            if position == range.upperBound || bytes[position] == 0x2D {
                if position > partStart {
                    if let entry = table.index(of: bytes, partStart..<position, hash: partHash) { seen[entry] = true }
                    // The part as a compound's first (`half-`) or last (`-like`) element, across a single hyphen (not `--`).
                    if position + 1 < range.upperBound, bytes[position + 1] != 0x2D,
                       let entry = table.index(of: bytes, partStart..<position + 1, hash: ASCIIWordTable.step(partHash, 0x2D)) { seen[entry] = true }
                    if partStart - 1 > range.lowerBound, bytes[partStart - 2] != 0x2D {
                        let hash = bytes[partStart..<position].reduce(ASCIIWordTable.step(ASCIIWordTable.basis, 0x2D)) {
                            ASCIIWordTable.step($0, $1 &- 0x41 < 26 ? $1 | 0x20 : $1)
                        }
                        if let entry = table.index(of: bytes, partStart - 1..<position, hash: hash) { seen[entry] = true }
                    }
                }
                partStart = position + 1
                partHash = ASCIIWordTable.basis
            } else {
                partHash = ASCIIWordTable.step(partHash, bytes[position] &- 0x41 < 26 ? bytes[position] | 0x20 : bytes[position])
            }
        }
    }

    /// A token as the original scan saw it: a whole word and, when hyphenated, its parts.
    private mutating func matchWide(_ word: Substring) {
        if needed.contains(word) { foundOther.insert(String(word)) }
        if word.contains("-" as Character) {
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            for (position, part) in parts.enumerated() where !part.isEmpty {
                if needed.contains(part) { foundOther.insert(String(part)) }
                // The part as a compound's first (`half-`) or last (`-like`) element, across a single hyphen (not `--`).
                if position < parts.count - 1, !parts[position + 1].isEmpty, needed.contains(Substring(part + "-")) { foundOther.insert(part + "-") }
                if position > 0, !parts[position - 1].isEmpty, needed.contains(Substring("-" + part)) { foundOther.insert("-" + part) }
            }
        }
    }

    /// Whether a non-ASCII scalar, once lower-cased, continues a token, separates, or does both;
    /// with its lower-case scalars when they are not the scalar itself.
    private mutating func scalarClass(_ scalar: Unicode.Scalar) -> (ScalarClass, [Unicode.Scalar]?) {
        // General punctuation (dashes, quotes, ellipsis) has no case; only ’ belongs to words.
        if (0x2010...0x205E).contains(scalar.value) { return (scalar == "’" ? .token : .separator, nil) }
        if let known = classes[scalar.value] { return known }
        let mapped = Array(scalar.properties.lowercaseMapping.unicodeScalars)
        let tokens = mapped.count(where: Self.isTokenScalar)
        let result: (ScalarClass, [Unicode.Scalar]?) = (tokens == 0 ? .separator : tokens == mapped.count ? .token : .mixed,
                                                          mapped == [scalar] ? nil : mapped)
        classes[scalar.value] = result
        return result
    }

    /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
