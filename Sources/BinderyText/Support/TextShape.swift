/// Small facts about the shape of a piece of text: how it ends, its case, its words.
enum TextShape {
    static let sentenceEnders: Set<Character> = [".", "!", "?", "…"]
    static let closers: Set<Character> = ["\"", "”", "’", "'", ")", "]", "»"]
    static let dashes: Set<Character> = ["-", "–", "—", "―"]

    /// The last character that is not a closing quote or bracket.
    static func finalMark(_ text: String) -> Character? {
        var last: Character?
        for character in text.reversed() where !closers.contains(character) {
            last = character
            break
        }
        return last
    }

    /// Ends a sentence: `.`, `!`, `?`, `…` or `:` (possibly followed by closing quotes or brackets).
    static func endsSentence(_ text: String) -> Bool {
        guard let mark = finalMark(text) else { return false }
        return sentenceEnders.contains(mark) || mark == ":"
    }

    static func startsLowercase(_ text: String) -> Bool {
        guard let first = text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isLowercase
    }

    /// The first letter or digit is an uppercase letter or a digit.
    static func startsCapitalOrDigit(_ text: String) -> Bool {
        guard let first = text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isUppercase || first.isNumber
    }

    /// Words: runs of letters, digits and apostrophes.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") })
    }

    /// Has letters and none of them is lowercase.
    static func isAllCaps(_ text: String) -> Bool {
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

    /// Share of significant words that start with a capital (1 for an empty text).
    static func titleCaseRatio(_ text: String) -> Double {
        var significant = 0, capitalised = 0
        for word in words(text) {
            let lower = word.lowercased()
            if minorWords.contains(lower) { continue }
            significant += 1
            if let first = word.first, first.isUppercase || first.isNumber { capitalised += 1 }
        }
        return significant == 0 ? 1 : Double(capitalised) / Double(significant)
    }

    /// A roman numeral of at most 8 letters (`Ill` and `Il`, common OCR misreadings, accepted).
    static func isRoman(_ word: Substring) -> Bool {
        guard !word.isEmpty, word.count <= 8 else { return false }
        let normalised = word == "Ill" ? "III" : word == "Il" ? "II" : String(word)
        guard normalised.allSatisfy({ "IVXLC".contains($0) }), let value = romanValue(normalised) else { return false }
        return romanString(value) == normalised
    }

    static func romanValue(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0, previous = 0
        for character in text.reversed() {
            guard let value = values[character] else { return nil }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 ? total : nil
    }

    static func romanString(_ value: Int) -> String {
        let table: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, result = ""
        for (amount, symbol) in table { while rest >= amount { result += symbol; rest -= amount } }
        return result
    }

    /// Only digits.
    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }
}
