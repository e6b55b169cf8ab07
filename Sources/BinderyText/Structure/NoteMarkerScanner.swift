/// Stage 6b: finds note markers in running text — digits after punctuation (`Messiah.1`, `time. 2`),
/// superscripts, `[n]`, `*`, and the OCR forms of a superscript: a dash glued to punctuation (`it.—`, `”-`),
/// `^^`, a stray `m`.
struct NoteMarkerScanner: Sendable {
    struct Marker: Sendable, Hashable {
        /// Unicode scalar offsets of the marker in the text.
        var range: Range<Int>
        /// The printed number when the marker shows one; nil for OCR wildcards.
        var number: Int?
        var star: Bool = false
        /// A weak candidate (a dash after a letter), used only when strong ones fall short.
        var weak: Bool = false
        /// The bracket it is printed in (`[` of `word[12]`, `(` of `word(12)`): the only kind a run of `[n]` (`(n)`) note
        /// texts answers to; nil for none.
        var bracket: Unicode.Scalar? = nil
        /// Set off by a space (`time. 2`): a number glued to a word (`serfs150`) is the likelier marker.
        var spaced: Bool = false
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "?", "”", "’", "\"", "'", ")": true
        default: false
        }
    }

    /// A sentence's closing mark, or the quotation mark or parenthesis after it.
    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "”", "’", "\"", ")": true
        default: false
        }
    }

    static func isDash(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "—" || scalar == "–" }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : scalar.properties.isAlphabetic
    }
    /// The digit a superscript figure stands for (`¹` → 1): a switch, not a dictionary, as it is asked of every scalar.
    static func superscriptDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0xB9: 1
        case 0xB2, 0xB3: Int(scalar.value - 0xB0)
        case 0x2070: 0
        case 0x2074...0x2079: Int(scalar.value - 0x2070)
        default: nil
        }
    }
    static let citationWords: Set<String> = citationAbbreviations.union(["page", "pages", "chapter", "article", "section"])
    static let citationAbbreviations: Set<String> = ["p", "pp", "no", "vol", "nos", "art", "ch", "fig"]

    /// The scalars at which `scan` looks further (figures, superscripts, dashes, `^`, `*`, `†`, `m`); it steps over any other.
    static func mayStartMarker(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x2D, 0x5E, 0x2A, 0x6D: true
        case 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079: true
        case 0x2013, 0x2014, 0x2020: true
        default: false
        }
    }

    /// `mayStartMarker` of the scalars below U+0100, looked up instead of compared.
    private static let markerStarts: [Bool] = (0..<256).map { mayStartMarker(Unicode.Scalar(UInt8($0))) }

    /// `scan(Array(text.unicodeScalars))`: ASCII text is scanned on its bytes, other text on scalars decoded from them.
    func scan(_ text: String) -> [Marker] {
        var text = text
        return text.withUTF8 { bytes in
            if ScalarDecoding.isASCII(bytes) { return scan(ASCIIScalars(bytes: bytes)) }
            return ScalarDecoding.scalars(bytes).withUnsafeBufferPointer { scan($0) }
        }
    }

    func scan(_ characters: [Unicode.Scalar]) -> [Marker] {
        characters.withUnsafeBufferPointer { scan($0) }
    }

    /// Markers in a text given as its scalars, with their offsets.
    private func scan(_ characters: some ScalarText) -> [Marker] {
        var markers: [Marker] = []
        var index = 0
        let count = characters.count
        func isBoundary(_ position: Int) -> Bool {
            position >= count || characters[position] == " " || characters[position] == "\u{00A0}"
                || characters[position] == "“" || characters[position] == ")" || characters[position] == "\"" && position + 1 >= count
        }
        let markerStarts = Self.markerStarts
        // Whether the underscore at `position` closes italics: an opening one stands before it, within eighty
        // scalars and after no letter or figure (`_Ethik_4`, not `snake_case_2`).
        func closesItalics(_ position: Int) -> Bool {
            var probe = position - 1
            while probe >= 0, position - probe <= 80, characters[probe] != "_" { probe -= 1 }
            guard probe >= 0, characters[probe] == "_", probe + 1 < position else { return false }
            return probe == 0 || !(Self.isLetter(characters[probe - 1]) || Self.isDigit(characters[probe - 1]))
        }
        while index < count {
            let character = characters[index]
            if character.value < 256 ? !markerStarts[Int(character.value)] : !Self.mayStartMarker(character) {
                index += 1
                continue
            }
            if let value = Self.superscriptDigit(character) {
                var end = index + 1
                var number: Int? = value
                while end < count, let more = Self.superscriptDigit(characters[end]) {
                    // As `Int(digits)`: nil once the figures overflow.
                    number = number.flatMap { Self.appendingDigit($0, more) }
                    end += 1
                }
                markers.append(Marker(range: index..<end, number: number))
                index = end
                continue
            }
            if Self.isDigit(character), index > 1, characters[index - 1] == "[" || characters[index - 1] == "(", let marker = bracketed(characters, at: index) {
                markers.append(marker)
                index = marker.range.upperBound
                continue
            }
            if Self.isDigit(character), index > 0, !Self.isDigit(characters[index - 1]) {
                var end = index
                while end < count, Self.isDigit(characters[end]) { end += 1 }
                let before = characters[index - 1]
                // After a word, its punctuation, a dash that breaks it off (`slander—2`: a weak candidate, as `xii—15` is a
                // range), or the underscore closing its italics (`_Ethik_4`).
                let glued = Self.isPunctuation(before) || Self.isLetter(before)
                    || (before == "—" && index >= 2 && (Self.isLetter(characters[index - 2]) || Self.isPunctuation(characters[index - 2]) && characters[index - 2] != ")"))
                    || (before == "_" && index >= 2 && Self.isLetter(characters[index - 2]) && closesItalics(index - 1))
                let spaced = before == " " && index >= 2 && Self.isPunctuation(characters[index - 2])
                let after: Unicode.Scalar = end < count ? characters[end] : " "
                let endsWell = after == " " || after == ")" || after == "\u{00A0}" || (after == "." && (end + 1 >= count || characters[end + 1] == " ")) || after == ","
                    || (after == "—" && !spaced)
                // "in an editorial 2 entitled": a number between two words, trusted only when it is the very number expected.
                let between = before == " " && index >= 2 && Self.isLetter(characters[index - 2]) && after == " "
                    && end + 1 < count && Self.isLetter(characters[end + 1]) && characters[end + 1].properties.isLowercase
                // After a number's full stop (`in 1877.62 Competition`) it may be a decimal: trusted only as the very number
                // expected, and only where a sentence follows.
                let afterFigure = before == "." && index >= 2 && Self.isDigit(characters[index - 2])
                let sentenceFollows = end >= count || end + 1 < count && after == " " && characters[end + 1].properties.isUppercase
                if end - index <= 3, glued || spaced || between, endsWell, !precededByCitationWord(characters, index), !afterFigure || sentenceFollows {
                    markers.append(Marker(range: (spaced || between ? index - 1 : index)..<end,
                                          number: (index..<end).reduce(0) { $0 * 10 + Int(characters[$1].value - 0x30) },
                                          weak: between || afterFigure || before == "—", spaced: spaced))
                }
                index = end
                continue
            }
            if Self.isDash(character), index > 0 {
                var end = index
                while end < count, Self.isDash(characters[end]), end - index < 3 { end += 1 }
                let before = characters[index - 1]
                if end - index <= 2, isBoundary(end), end >= count || characters[end] != "-" {
                    if Self.isPunctuation(before) && before != ")" {
                        markers.append(Marker(range: index..<end, number: nil))
                    } else if Self.isLetter(before), character != "-" {
                        markers.append(Marker(range: index..<end, number: nil, weak: true))
                    }
                }
                index = end
                continue
            }
            if character == "^", index + 1 < count, characters[index + 1] == "^" {
                markers.append(Marker(range: index..<(index + 2), number: nil))
                index += 2
                continue
            }
            if character == "*" || character == "†", index > 0, characters[index - 1] != " ", isBoundary(index + 1) {
                markers.append(Marker(range: index..<(index + 1), number: nil, star: true))
            }
            if character == "m", index > 0, Self.isPunctuation(characters[index - 1]), isBoundary(index + 1),
               index < 2 || Self.isLetter(characters[index - 2]) || Self.isPunctuation(characters[index - 2]) {
                markers.append(Marker(range: index..<(index + 1), number: nil))
            }
            // Set off by a space after a sentence's end (`Deputies.” m`, `were.” m In short`): taken with its space.
            if character == "m", index >= 2, characters[index - 1] == " ", Self.isSentenceEnd(characters[index - 2]),
               index + 1 >= count || characters[index + 1] == " " && index + 2 < count && characters[index + 2].properties.isUppercase {
                markers.append(Marker(range: (index - 1)..<(index + 1), number: nil))
            }
            index += 1
        }
        return markers
    }

    /// A `[12]` (or `(12)`) glued to the word or punctuation before it (Project Gutenberg's marker), or set off from it by a
    /// space (`word [12]`, taken with its space; a weak candidate, as `see item [12]` may cite), `index` at its first digit.
    private func bracketed(_ characters: some ScalarText, at index: Int) -> Marker? {
        func endsWord(_ scalar: Unicode.Scalar) -> Bool {
            Self.isPunctuation(scalar) || Self.isLetter(scalar) || Self.isDash(scalar) || scalar == "_" || scalar == "*" || scalar == "]"
        }
        let spaced = characters[index - 2] == " " && index >= 3 && endsWord(characters[index - 3])
        guard spaced || endsWord(characters[index - 2]) else { return nil }
        var end = index
        while end < characters.count, Self.isDigit(characters[end]), end - index < 3 { end += 1 }
        let bracket = characters[index - 1]
        guard end < characters.count, characters[end] == (bracket == "[" ? "]" : ")") else { return nil }
        let after: Unicode.Scalar = end + 1 < characters.count ? characters[end + 1] : " "
        guard !Self.isLetter(after), !Self.isDigit(after) else { return nil }
        let number = (index..<end).reduce(0) { $0 * 10 + Int(characters[$1].value - 0x30) }
        return Marker(range: (spaced ? index - 2 : index - 1)..<(end + 1), number: number, weak: spaced, bracket: bracket)
    }

    /// `number * 10 + digit`, nil on overflow.
    static func appendingDigit(_ number: Int, _ digit: Int) -> Int? {
        let (shifted, overflow) = number.multipliedReportingOverflow(by: 10)
        let (sum, carry) = shifted.addingReportingOverflow(digit)
        return overflow || carry ? nil : sum
    }

    /// A citation's word before the number (`p. 12`, `page 12`, `p.12`); a whole word closed by a full stop with no
    /// space (`a preceding page.84`) ends a sentence instead.
    private func precededByCitationWord(_ characters: some ScalarText, _ index: Int) -> Bool {
        var end = index - 1
        while end >= 0, characters[end] == " " || characters[end] == "." { end -= 1 }
        let closedByStop = end == index - 2 && characters[index - 1] == "."
        var start = end
        while start >= 0, Self.isLetter(characters[start]) { start -= 1 }
        guard end > start else { return false }
        // Citation words have at most 7 letters, and lower-casing never shortens a word: longer ones are none of them.
        guard end - start <= 7 else { return false }
        var word = String.UnicodeScalarView()
        for offset in (start + 1)...end { word.append(characters[offset]) }
        let lowered = String(word).lowercased()
        if closedByStop, !Self.citationAbbreviations.contains(lowered) { return false }
        return Self.citationWords.contains(lowered)
    }
}
