/// Greedy wrapping to a width (nothing padded), breaking words at line ends as the hyphenation style says.
struct LineWrapper {
    var width: Int
    var hyphenation: HyphenationStyle

    /// The lines of `text`, the first indented by `firstIndent` spaces and the others by `indent`.
    func wrap(_ text: String, firstIndent: Int = 0, indent: Int = 0) -> [String] {
        var lines: [String] = []
        var current = ""
        func margin() -> Int { lines.isEmpty ? firstIndent : indent }
        for token in text.split(separator: " ").map(String.init) {
            if current.isEmpty {
                current = token
                continue
            }
            let room = width - margin() - current.count - 1
            if token.count <= room {
                current += " " + token
            } else if let (head, tail) = broken(token, room: room) {
                lines.append(String(repeating: " ", count: margin()) + current + " " + head)
                current = tail
            } else {
                lines.append(String(repeating: " ", count: margin()) + current)
                current = token
            }
        }
        if !current.isEmpty { lines.append(String(repeating: " ", count: margin()) + current) }
        return lines
    }

    /// The token split into a head (with its hyphen) of at most `room` characters and a tail, when the
    /// style allows a break there. Only words of letters (a compound: letters and one hyphen) with at most
    /// trailing punctuation break; at least three letters stay on each side.
    func broken(_ token: String, room: Int) -> (String, String)? {
        let core = String(token.prefix { $0.isLetter || $0 == "-" })
        let rest = token.dropFirst(core.count)
        guard rest.allSatisfy({ ",.;:".contains($0) }), !core.hasPrefix("-"), !core.hasSuffix("-") else { return nil }
        let letters = Array(core)
        switch hyphenation {
        case .none:
            return nil
        case .unicodeHyphen, .hyphenMinus:
            guard !core.contains("-"), letters.count >= 6 else { return nil }
            let mark = hyphenation == .unicodeHyphen ? "\u{2010}" : "-"
            let cut = (3...(letters.count - 3)).last { $0 + 1 <= room && Self.syllableBreak(letters, at: $0) }
            return cut.map { (String(letters[..<$0]) + mark, String(letters[$0...]) + rest) }
        case .compound:
            guard let hyphen = letters.firstIndex(of: "-"), hyphen + 1 <= room else { return nil }
            return (String(letters[...hyphen]), String(letters[(hyphen + 1)...]) + rest)
        }
    }

    /// A rough syllable boundary before `letters[index]`, as a hyphenation dictionary would allow:
    /// vowel | consonant vowel (`no-ticed`) or vowel consonant | consonant, not a digraph (`con-versation`).
    static func syllableBreak(_ letters: [Character], at index: Int) -> Bool {
        func vowel(_ character: Character) -> Bool { "aeiouyAEIOUY".contains(character) }
        let before = letters[index - 1], after = letters[index], next = letters[index + 1]
        if vowel(before) { return !vowel(after) && vowel(next) }
        let digraphs: Set<String> = ["th", "ch", "sh", "ph", "ng", "ck", "wh", "gh", "qu"]
        return vowel(letters[index - 2]) && !vowel(after) && !digraphs.contains(String([before, after]).lowercased())
    }
}
