/// English numbers written as words, for divisions numbered that way (`Chapter Twenty-One`, `PART THREE`,
/// `Book the First`): `one` to `ninety-nine` and `first` to `ninety-ninth`, in any case.
enum NumberWords {
    private static let units: [String: Int] = {
        let cardinals = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
        var table: [String: Int] = [:]
        for (offset, word) in cardinals.enumerated() { table[word] = offset + 1 }
        for (offset, word) in ordinals.enumerated() { table[word] = offset + 1 }
        return table
    }()
    private static let tens: [String: Int] = {
        let cardinals = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var table: [String: Int] = [:]
        for (offset, word) in cardinals.enumerated() {
            table[word] = (offset + 2) * 10
            table[String(word.dropLast()) + "ieth"] = (offset + 2) * 10
        }
        return table
    }()

    /// The value of one word or a hyphenated pair (`twenty-one`, `Thirty-Second`); nil for anything else.
    static func value(_ token: Substring) -> Int? {
        // `ninety-seventh` is the longest.
        guard (3...14).contains(token.utf8.count) else { return nil }
        let lower = token.lowercased()
        if let value = units[lower] ?? tens[lower] { return value }
        let parts = lower.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let ten = tens[String(parts[0])], ten % 10 == 0, let unit = units[String(parts[1])], unit <= 9,
              !parts[0].hasSuffix("ieth") else { return nil }
        return ten + unit
    }

    /// Whether a word (as `TextShape.words` cuts them: `twenty` of `twenty-one`) is a number word.
    static func isNumberWord(_ word: Substring) -> Bool {
        value(word) != nil
    }
}
