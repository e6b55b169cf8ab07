@testable import BinderyText
import BinderyModel
import Foundation

/// The character-wise implementations the reader's byte and scalar fast paths replaced, kept as the
/// reference they must agree with on any text.
enum Reference {
    /// `EmphasisMarks.split` on scalars, as it was before it read bytes.
    static func underscoreSplit(_ text: String) -> [Inline] {
        let scalars = Array(text.unicodeScalars)
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var result: [Inline] = []
        var plainStart = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index == 0 || !isWord(scalars[index - 1]), index + 1 < scalars.count, scalars[index + 1] != " ", scalars[index + 1] != "_",
               let close = scalars[(index + 1)...].firstIndex(of: "_"), scalars[close - 1] != " ",
               close + 1 == scalars.count || !isWord(scalars[close + 1]) {
                if plainStart < index { result.append(.text(string(plainStart..<index))) }
                result.append(.emphasis([.text(string((index + 1)..<close))]))
                index = close + 1
                plainStart = index
                continue
            }
            index += 1
        }
        if plainStart < scalars.count { result.append(.text(string(plainStart..<scalars.count))) }
        return result
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") })
    }

    static func finalMark(_ text: String) -> Character? {
        text.reversed().first { !TextShape.closers.contains($0) }
    }

    static func startsLowercase(_ text: String) -> Bool {
        guard let first = text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isLowercase
    }

    static func startsCapitalOrDigit(_ text: String) -> Bool {
        guard let first = text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isUppercase || first.isNumber
    }

    static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for character in text where character.isLetter {
            if character.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    static func isRoman(_ word: Substring) -> Bool {
        guard !word.isEmpty, word.count <= 8 else { return false }
        let normalised = word == "Ill" ? "III" : word == "Il" ? "II" : String(word)
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        guard normalised.allSatisfy({ "IVXLC".contains($0) }) else { return false }
        var total = 0, previous = 0
        for character in normalised.reversed() {
            guard let value = values[character] else { return false }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 && TextShape.romanString(total) == normalised
    }

    static func balanced(_ text: String) -> Bool {
        guard text.count(where: { $0 == "“" || $0 == "”" || $0 == "\"" }).isMultiple(of: 2) else { return false }
        var depth = 0
        for character in text {
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }

    static func hasInnerSentenceBreak(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count > 3 else { return false }
        for index in 1..<(characters.count - 2) where TextShape.sentenceEnders.contains(characters[index]) {
            guard characters[index + 1] == " ", characters[index + 2].isUppercase else { continue }
            let before = characters[..<index].reversed().prefix(while: { $0.isLetter })
            if before.count <= 2 || ["Mr", "Mrs", "Dr", "St", "Vol", "No"].contains(String(before.reversed())) { continue }
            return true
        }
        return false
    }

    static func widowProtected(_ text: String) -> Bool {
        guard let index = text.lastIndex(of: "\u{00A0}") else { return false }
        let after = text[text.index(after: index)...]
        return !after.isEmpty && !after.contains(" " as Character) && text[..<index].contains(" " as Character)
    }

    static func numberedStyle(_ text: String) -> (style: Int, bare: Bool, rest: String)? {
        let characters = Array(text)
        var end = 0
        while end < characters.count, characters[end].isLetter || characters[end].isNumber { end += 1 }
        guard end > 0 else { return nil }
        let token = String(characters[..<end])
        var style: Int
        if token.allSatisfy({ $0.isASCII && $0.isNumber }), token.count <= 3 {
            style = 2
        } else if isRoman(Substring(token)) {
            style = 1
        } else if token.count == 1, token.first!.isUppercase {
            style = 3
        } else {
            return nil
        }
        var rest = characters[end...].drop(while: { $0 == " " })
        var punctuated = false
        if let mark = rest.first, mark == "." || mark == ")" || mark == ":" { rest = rest.dropFirst(); punctuated = true }
        let restText = String(rest).trimming(" ]")
        if restText.isEmpty { return style == 2 ? nil : (style, true, "") }
        guard restText.first?.isUppercase == true || restText.first == "“" || restText.first == "\"" else { return nil }
        if style == 3 && !punctuated { return nil }
        if style == 1 && token == "I" && !punctuated {
            guard TextShape.titleCaseRatio(restText) >= 0.3, restText.split(separator: " ").count >= 1 else { return nil }
            if let next = restText.split(separator: " ").first, ["am", "was", "have", "had", "think", "do", "did", "will", "shall", "would"].contains(next.lowercased()) { return nil }
        }
        return (style, false, restText)
    }

    static func listMarkerStarts(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if ListMarker.bullets.contains(first) { return true }
        var digits = Substring(text)
        if digits.first == "(" { digits = digits.dropFirst() }
        return digits.first.map { $0.isNumber && $0.isASCII } ?? false
    }

    /// The dehyphenator's original lexicon scan.
    static func lexicon(_ lines: [SourceLine], needed: Set<Substring>) -> Set<String> {
        var lexicon: Set<String> = []
        for line in lines where !line.isBlank {
            let lower = line.text.lowercased()
            let tokens = lower.unicodeScalars.split(whereSeparator: {
                !(NoteMarkerScanner.isLetter($0) || $0 == "-" || $0 == "’" || $0 == "'")
            })
            for token in tokens {
                let word = Substring(token)
                if needed.contains(word) { lexicon.insert(String(word)) }
                if word.contains("-" as Character) {
                    for part in word.split(separator: "-") where needed.contains(part) { lexicon.insert(String(part)) }
                    // Each part as a compound's first element (`half-`) and as its last (`-like`), across a single hyphen.
                    let parts = word.split(separator: "-", omittingEmptySubsequences: false)
                    for (position, part) in parts.enumerated() where !part.isEmpty {
                        if position + 1 < parts.count, !parts[position + 1].isEmpty, needed.contains(part + "-") { lexicon.insert(part + "-") }
                        if position > 0, !parts[position - 1].isEmpty, needed.contains("-" + part) { lexicon.insert("-" + part) }
                    }
                }
            }
        }
        return lexicon
    }

    /// The typographer's original scalar-wise pass: the text and its counts (quotes, dashes, ellipses, escapes).
    static func typography(_ text: String) -> (String, [Int]) {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var counts = [0, 0, 0, 0]
        func opensAfter(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return true }
            switch scalar {
            case " ", "\t", "\u{00A0}", "(", "[", "{", "—", "–", "-", "“", "‘": return true
            default: return scalar.properties.isWhitespace
            }
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            var previous: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            if previous == "\\", index >= 2 { previous = scalars[index - 2] }
            switch scalar {
            case "\\" where index + 1 < scalars.count && ["\"", "'", "“", "”", "‘", "’"].contains(scalars[index + 1]):
                counts[3] += 1
            case "\"":
                result.append(opensAfter(previous) ? "“" : "”"); counts[0] += 1
            case "'":
                result.append(opensAfter(previous) ? "‘" : "’"); counts[0] += 1
            case "-" where index + 1 < scalars.count && scalars[index + 1] == "-":
                var end = index
                while end < scalars.count, scalars[end] == "-" { end += 1 }
                if end - index <= 3 { result.append("—"); counts[1] += 1 } else { result.append(contentsOf: scalars[index..<end]) }
                index = end
                continue
            case "." where index + 2 < scalars.count && scalars[index + 1] == "." && scalars[index + 2] == ".":
                var end = index
                while end < scalars.count, scalars[end] == "." { end += 1 }
                if end - index == 3 { result.append("…"); counts[2] += 1 } else { result.append(contentsOf: scalars[index..<end]) }
                index = end
                continue
            default:
                result.append(scalar)
            }
            index += 1
        }
        return (String(result), counts)
    }
}
