/// Small facts about the shape of a piece of text: how it ends, its case, its words.
enum TextShape {
    static let sentenceEnders: Set<Character> = [".", "!", "?", "…"]
    static let closers: Set<Character> = ["\"", "”", "’", "'", ")", "]", "»"]
    static let dashes: Set<Character> = ["-", "–", "—", "―"]

    /// The last character that is not a closing quote or bracket.
    static func finalMark(_ text: String) -> Character? {
        if let last = finalASCIIMark(text) { return Character(Unicode.Scalar(last)) }
        if ScalarFacts.isSimple(text) {
            for scalar in text.unicodeScalars.reversed() where !isCloser(scalar) { return Character(scalar) }
            return nil
        }
        var last: Character?
        for character in text.reversed() where !closers.contains(character) {
            last = character
            break
        }
        return last
    }

    /// The final mark's byte, when the text ends in two ASCII bytes (not LF, which may close a CR LF) and the last is
    /// no closer: then the last character is that byte.
    private static func finalASCIIMark(_ text: String) -> UInt8? {
        let utf8 = text.utf8
        guard let last = utf8.last, last < 0x80, last != 0x0A, !isCloser(Unicode.Scalar(last)),
              utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80 else { return nil }
        return last
    }

    /// `closers` as scalars (each is one).
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "”", "’", "'", ")", "]", "»": true
        default: false
        }
    }

    /// Ends a sentence: `.`, `!`, `?`, `…` or `:` (possibly followed by closing quotes or brackets, with
    /// spaces before them as in `acts. ”` or French `fin.\u{202F}»`, or by the mark closing italics, `off._`, or a note's
    /// figures: `state.”⁶`).
    static func endsSentence(_ text: String) -> Bool {
        // A final ASCII mark (most lines) is decided by its byte; white space goes on below.
        if let byte = finalASCIIMark(text) {
            switch byte {
            case 0x30...0x39: return endsBeforeGluedNumber(text)
            case 0x2E, 0x21, 0x3F, 0x3A: return true
            case 0x5F, 0x2A: return endsSentence(String(text.dropLast()))
            case 0x09...0x0D, 0x20: break
            default: return false
            }
        }
        guard var mark = finalMark(text) else { return false }
        if mark == "_" || mark == "*", text.last == mark { return endsSentence(String(text.dropLast())) }
        // A note's superscript figures after the sentence's end (`state.”⁶`).
        if text.last == mark, let scalar = mark.unicodeScalars.first, mark.unicodeScalars.count == 1, NoteMarkerScanner.superscriptDigit(scalar) != nil {
            return endsSentence(String(text.dropLast()))
        }
        if mark.isASCII, mark.isNumber { return endsBeforeGluedNumber(text) }
        if mark.isWhitespace, let spaced = markBeforeSpacedCloser(text) { mark = spaced }
        // `sentenceEnders.contains(mark) || mark == ":"`: each of them is one scalar that nothing else is canonically
        // equivalent to, so the mark is one of them only as that scalar alone.
        let scalars = mark.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        switch scalar {
        case ".", "!", "?", "…", ":": return true
        default: return false
        }
    }

    /// `the community.270`, `all.”12`, `progeny.”[1]`: a sentence ended, then a note number of at most three figures
    /// glued to it, bare or in brackets; in brackets or parentheses, also set off by a space (`progeny.” [1]`).
    private static func endsBeforeGluedNumber(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed()[...]
        let opener: Unicode.Scalar? = switch scalars.first { case "]": "["; case ")": "("; default: nil }
        if opener != nil { scalars = scalars.dropFirst() }
        let digits = scalars.prefix { $0.isASCII && $0.properties.numericType != nil }.count
        guard (1...3).contains(digits) else { return false }
        scalars = scalars.dropFirst(digits)
        if let opener {
            guard scalars.first == opener else { return false }
            scalars = scalars.dropFirst()
            if scalars.first == " " { scalars = scalars.dropFirst() }
        }
        let tail = scalars.drop { "”’\"')]»".unicodeScalars.contains($0) }
        guard let mark = tail.first, ".!?…".unicodeScalars.contains(mark) else { return false }
        // Not a decimal (`1.270`) or a section number; after a full stop, not a reference (`No.1`, `p.12`, `vol.3`).
        if mark == "?" || mark == "!" { return tail.dropFirst().first.map { $0.properties.numericType == nil } ?? false }
        let letters = Array(tail.dropFirst().prefix { $0.isASCII && $0.properties.isAlphabetic }.prefix(8))
        guard letters.count >= 2 else { return false }
        // No citation word has eight letters: a longer word need not be read whole.
        return letters.count == 8 || !NoteMarkerScanner.citationWords.contains(String(String.UnicodeScalarView(letters.reversed())).lowercased())
    }

    /// Closers that only close, so a space before them does not part them from the sentence they end
    /// (`"`, `'` and, in German, `»` also open the next quotation).
    static let spacedClosers: Set<Character> = ["”", "’", "»", ")", "]"]

    /// The mark before `spaces closers` at the end of `text` (`acts. ”` gives `.`); nil when `text` does not
    /// end in one of `spacedClosers`.
    private static func markBeforeSpacedCloser(_ text: String) -> Character? {
        guard let last = text.last, spacedClosers.contains(last) else { return nil }
        return text.reversed().first { !closers.contains($0) && !$0.isWhitespace }
    }

    static func startsLowercase(_ text: String) -> Bool {
        // An ASCII letter or digit followed by ASCII (no ASCII scalar extends a letter or digit) or by nothing is
        // the first character, and the first letter or digit: most lines start so.
        let utf8 = text.utf8
        if let lead = utf8.first, lead < 0x80, lead | 0x20 >= 0x61 && lead | 0x20 <= 0x7A || lead >= 0x30 && lead <= 0x39,
           utf8.count == 1 || utf8[utf8.index(after: utf8.startIndex)] < 0x80 {
            return lead >= 0x61 && lead <= 0x7A
        }
        if let flags = firstLetterOrDigit(text) { return flags.map { $0.contains(.lowercase) } ?? false }
        guard let first = text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isLowercase
    }

    /// The first letter or digit is an uppercase letter or a digit.
    static func startsCapitalOrDigit(_ text: String) -> Bool {
        if let flags = firstLetterOrDigit(text) { return flags.map { $0.contains(.uppercase) || $0.contains(.number) } ?? false }
        guard let first = text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isUppercase || first.isNumber
    }

    /// For simple text, the flags of the first letter or digit (`.some(nil)` when there is none); nil otherwise.
    private static func firstLetterOrDigit(_ text: String) -> ScalarFacts.Flags?? {
        guard ScalarFacts.isSimple(text) else { return nil }
        for scalar in text.unicodeScalars {
            let flags = ScalarFacts.flags(scalar)
            if !flags.isDisjoint(with: [.letter, .number]) { return .some(flags) }
        }
        return .some(nil)
    }

    /// `text.lowercased()`, on the bytes when they are ASCII (short words looked up in tables).
    static func lowercased<S: StringProtocol>(_ text: S) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased() }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Words: runs of letters, digits and apostrophes.
    static func words(_ text: String) -> [Substring] {
        guard ScalarFacts.isSimple(text) else {
            return text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") })
        }
        // Simple text: its characters are its scalars, so the same words come out of a scalar scan, here on the bytes.
        if let bounds = text.utf8.withContiguousStorageIfAvailable(wordBounds) {
            let utf8 = text.utf8
            return bounds.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
        }
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var start: String.Index?
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "'" || scalar == "’" || !ScalarFacts.flags(scalar).isDisjoint(with: [.letter, .number]) {
                if start == nil { start = index }
            } else if let wordStart = start {
                result.append(text[wordStart..<index])
                start = nil
            }
            scalars.formIndex(after: &index)
        }
        if let wordStart = start { result.append(text[wordStart..<scalars.endIndex]) }
        return result
    }

    /// Whether each ASCII byte is a word character (a letter or digit, by `ScalarFacts`, or `'`).
    private static let asciiWordBytes: [Bool] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return scalar == "'" || !ScalarFacts.flags(scalar).isDisjoint(with: [.letter, .number])
    }

    /// The byte ranges of the words of simple text, given its UTF-8 bytes.
    private static func wordBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(bytes.count / 4 + 1)
        let asciiWordBytes = Self.asciiWordBytes
        let count = bytes.count
        var index = 0, start = -1
        while index < count {
            let lead = bytes[index]
            var length = 1
            let isWord: Bool
            if lead < 0x80 {
                isWord = asciiWordBytes[Int(lead)]
            } else {
                // Simple scalars take two or three bytes.
                length = lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
                for offset in 1..<length where index + offset < count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                isWord = scalar == "’" || !ScalarFacts.flags(scalar).isDisjoint(with: [.letter, .number])
            }
            if isWord {
                if start < 0 { start = index }
            } else if start >= 0 {
                result.append(start..<index)
                start = -1
            }
            index += length
        }
        if start >= 0 { result.append(start..<count) }
        return result
    }

    /// `word.count(where: \.isLetter)`; an ASCII word by its bytes (its letters are A–Z and a–z).
    static func letterCount(_ word: Substring) -> Int {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.count(where: \.isLetter) }
        return word.utf8.count { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }
    }

    /// Has letters and none of them is lowercase.
    static func isAllCaps(_ text: String) -> Bool {
        if ScalarFacts.isSimple(text) {
            var letters = 0
            for scalar in text.unicodeScalars {
                let flags = ScalarFacts.flags(scalar)
                guard flags.contains(.letter) else { continue }
                if flags.contains(.lowercase) { return false }
                letters += 1
            }
            return letters >= 2
        }
        var letters = 0
        for character in text where character.isLetter {
            if character.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    static let minorWords: Set<String> = [
        "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
        "into", "onto", "upon", "vs", "via", "de", "la", "le", "du", "von", "van", "its", "his", "her", "their", "our",
    ]

    private static let longestMinorWord = minorWords.map(\.utf8.count).max() ?? 0

    /// Share of significant words that start with a capital (1 for an empty text).
    static func titleCaseRatio(_ text: String) -> Double {
        titleCaseRatio(words: words(text))
    }

    /// `titleCaseRatio` of a text whose `words` are at hand.
    static func titleCaseRatio(words: [Substring]) -> Double {
        var significant = 0, capitalised = 0
        for word in words {
            if let ascii = asciiTitleCase(word) {
                // ASCII: lower-casing keeps the length, so a word longer than every minor word is none of them.
                if ascii.significant {
                    significant += 1
                    if ascii.capitalised { capitalised += 1 }
                }
                continue
            }
            let lower = word.lowercased()
            if minorWords.contains(lower) { continue }
            significant += 1
            if let first = word.first, first.isUppercase || first.isNumber { capitalised += 1 }
        }
        return significant == 0 ? 1 : Double(capitalised) / Double(significant)
    }

    /// For an ASCII word: whether it is not a minor word, and whether it starts with a capital or digit; nil for other words.
    private static func asciiTitleCase(_ word: Substring) -> (significant: Bool, capitalised: Bool)? {
        let utf8 = word.utf8
        guard let first = utf8.first else { return nil }
        // The lower-cased bytes, packed; nil for a word with other than ASCII or longer than every minor word.
        var packed: UInt64 = 0, length = 0
        for byte in utf8 {
            guard byte < 0x80 else { return nil }
            length += 1
            if length <= longestMinorWord { packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        }
        let significant = length > longestMinorWord || !packedMinorWords.contains(packed)
        return (significant, (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39))
    }

    /// The minor words' bytes packed as `asciiTitleCase` packs a word's (ASCII, at most eight bytes).
    private static let packedMinorWords: [UInt64] = {
        precondition(longestMinorWord <= 8, "minor words are packed into eight bytes")
        return minorWords.map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
    }()

    /// `isLetter || isNumber`; ASCII characters by their value.
    static func isLetterOrNumber(_ character: Character) -> Bool {
        if let value = character.asciiValue {
            return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
        }
        return character.isLetter || character.isNumber
    }

    /// A roman numeral of at most 8 letters (`Ill` and `Il`, common OCR misreadings, accepted).
    static func isRoman(_ word: Substring) -> Bool {
        // Every character must be one of I V X L C (after the OCR fixes, which start with I): so must the first byte.
        guard let lead = word.utf8.first, lead == 0x49 || lead == 0x56 || lead == 0x58 || lead == 0x4C || lead == 0x43 else { return false }
        guard !word.isEmpty, word.count <= 8 else { return false }
        let normalised = word == "Ill" ? "III" : word == "Il" ? "II" : String(word)
        guard normalised.allSatisfy({ "IVXLC".contains($0) }), let value = romanValue(normalised) else { return false }
        return romanString(value) == normalised
    }

    static func romanValue(_ text: String) -> Int? {
        var total = 0, previous = 0
        for character in text.reversed() {
            guard let value = romanDigit(character) else { return nil }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 ? total : nil
    }

    private static func romanDigit(_ character: Character) -> Int? {
        switch character {
        case "I": 1
        case "V": 5
        case "X": 10
        case "L": 50
        case "C": 100
        default: nil
        }
    }

    static func romanString(_ value: Int) -> String {
        let table: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, result = ""
        for (amount, symbol) in table { while rest >= amount { result += symbol; rest -= amount } }
        return result
    }

    /// Only digits.
    static func isNumber(_ text: String) -> Bool {
        // Only ASCII digits pass, one byte each: the same answer from the bytes.
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= 5 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
