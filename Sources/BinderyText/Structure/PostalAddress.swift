/// A postal address set line by line (`AK Press` / `33 Tower St.`, `Edinburgh EH6 7BN` / `Scotland` / `www.akuk.com`):
/// short lines, one of them in an address's own format. Its lines are kept as the address's (not run together, no title).
enum PostalAddress {
    /// Whether `lines` (two to eight, each shorter than half the measure, none leading on with a colon) are an address:
    /// one line holds an e-mail or web address, a postcode (`EH6 7BN`, `CA 94612`), or, under the first, a house number.
    static func matches(_ lines: ArraySlice<SourceLine>, measure: Int) -> Bool {
        guard (2...8).contains(lines.count), lines.allSatisfy({ $0.length * 2 < max(measure, 40) && !$0.text.hasSuffix(":") }) else { return false }
        // (A list's items open with their numbers, one after another.)
        if lines.count(where: { opensWithHouseNumber($0.text) }) >= 2 { return false }
        return lines.enumerated().contains { position, line in
            isOnline(line.text) || hasPostcode(line.text) || (position > 0 && opensWithHouseNumber(line.text))
        }
    }

    /// An e-mail or web address standing as the whole line.
    static func isOnline(_ text: String) -> Bool {
        guard !text.contains(" ") else { return false }
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") { return true }
        guard let at = text.firstIndex(of: "@") else { return false }
        return at > text.startIndex && text[text.index(after: at)...].contains(".")
    }

    /// A postcode among the words: a British one (`EH6 7BN`: letters and a figure, then a figure and two letters) or two
    /// capitals before five figures (`CA 94612`).
    static func hasPostcode(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { $0.filter { $0 != "," } }
        for (first, second) in zip(words, words.dropFirst()) {
            let outward = Array(first), inward = Array(second)
            if (2...4).contains(outward.count), outward.first?.isUppercase == true, outward.contains(where: \.isNumber),
               outward.allSatisfy({ $0.isNumber || $0.isUppercase && $0.isASCII }),
               inward.count == 3, inward[0].isNumber, inward[1].isUppercase, inward[2].isUppercase {
                return true
            }
            if outward.count == 2, outward.allSatisfy({ $0.isUppercase && $0.isASCII }), inward.count == 5, inward.allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    /// A house number below 1000, then a street's name and kind in capitals (`33 Tower St.`, `12a Main Road`), and no
    /// other figure: a date (`18 March 1871`, `1921 And After`) or a quantity (`2 Eggs`) is none.
    static func opensWithHouseNumber(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 3, let number = words.first, let value = Int(number.prefix { $0.isNumber }), value < 1000,
              number.dropFirst(String(value).count).allSatisfy(\.isLowercase), number.count <= 4 else { return false }
        return words[1].first?.isUppercase == true && !words.dropFirst().contains { $0.contains(where: \.isNumber) }
    }
}
