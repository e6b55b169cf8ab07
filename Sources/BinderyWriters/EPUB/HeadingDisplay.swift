import BinderyModel

/// Headings as a reader of the e-book sees them: a closing period or colon dropped (`INTRODUCTION.`, `SOURCES:`), and a
/// bare numeral set off from its title with a period where the book numbers its divisions that way (`I The bourgeois…`
/// → `I. The bourgeois…`, because `II The State…` follows). The TEI and the plain text keep the source's form.
enum HeadingDisplay {
    static func apply(_ blocks: [Block]) -> [Block] {
        let numerals = Set(blocks.compactMap { block -> Numeral? in
            if case .heading(let heading) = block { leadingNumeral(heading.inlines)?.numeral } else { nil }
        })
        return blocks.map { block in
            guard case .heading(var heading) = block else { return block }
            if let (numeral, token) = leadingNumeral(heading.inlines), numerals.contains(numeral.next) || numerals.contains(numeral.previous),
               case .text(let text) = heading.inlines[0] {
                heading.inlines[0] = .text(token + "." + text.dropFirst(token.count))
            }
            if case .text(let text)? = heading.inlines.last, let trimmed = withoutClosingPeriod(text) {
                heading.inlines[heading.inlines.count - 1] = .text(trimmed)
            }
            return .heading(heading)
        }
    }

    /// A division number: its value, and whether it is written in roman numerals.
    struct Numeral: Hashable {
        var roman: Bool
        var value: Int
        var next: Numeral { Numeral(roman: roman, value: value + 1) }
        var previous: Numeral { Numeral(roman: roman, value: value - 1) }
    }

    /// A heading's opening roman or arabic numeral, and the token it is written as, when a capitalised title follows it
    /// after a space.
    static func leadingNumeral(_ inlines: [Inline]) -> (numeral: Numeral, token: String)? {
        guard case .text(let text)? = inlines.first, let space = text.firstIndex(of: " ") else { return nil }
        let token = String(text[..<space])
        guard text[text.index(after: space)...].first?.isUppercase == true, (1...7).contains(token.count) else { return nil }
        if token.allSatisfy({ $0.isASCII && $0.isNumber }), token.count <= 3, let value = Int(token) { return (Numeral(roman: false, value: value), token) }
        if let value = romanValue(token) { return (Numeral(roman: true, value: value), token) }
        return nil
    }

    private static func romanValue(_ token: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        let digits = token.compactMap { values[$0] }
        guard digits.count == token.count, !digits.isEmpty else { return nil }
        return digits.indices.reduce(0) { total, index in
            index + 1 < digits.count && digits[index] < digits[index + 1] ? total - digits[index] : total + digits[index]
        }
    }

    /// The text without a closing colon or a sentence's closing period; nil when it has neither, or the period closes
    /// an initial or an abbreviation (`John F.`, `U.S.A.`) or an ellipsis.
    static func withoutClosingPeriod(_ text: String) -> String? {
        var trimmed = Substring(text)
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        if trimmed.last == ":" { return String(trimmed.dropLast()) }
        guard trimmed.last == ".", !trimmed.hasSuffix("..") else { return nil }
        let word = trimmed.dropLast().split(separator: " ").last ?? ""
        // A one-letter word is an initial, unless it is a roman numeral (`CHAPTER I.`, `PART V.`).
        guard word.count > 1 || "IVXLC".contains(word), !word.contains("."), word.last?.isLetter == true || word.last?.isNumber == true else { return nil }
        return String(trimmed.dropLast())
    }
}
