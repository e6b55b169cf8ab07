import BinderyModel

/// Author lines: "by Emma Goldman", "Ida Mett", "The Friends of Aron Baron".
enum Byline {
    static let particles: Set<String> = ["de", "van", "von", "of", "the", "and", "der", "la", "le", "da", "di", "y"]

    /// The name a line gives, when it reads as a byline.
    static func name(_ text: String, requirePrefix: Bool = false) -> String? {
        if requirePrefix && !mayStartWithPrefix(text) { return nil }
        return parsedName(text, requirePrefix: requirePrefix)
    }

    /// The person a credit line names and their MARC relator role: `by A` (`aut`), `edited by A` (`edt`),
    /// `Translated from the French by A` (`trl`), `With an Introduction by A` (`aui`); nil for a line that names no
    /// one or whose words before `by` are no credit's (`… Embraced by the Theory …` is a title).
    static func credit(_ text: String) -> Contributor? {
        let trimmed = text.trimming(" .")
        guard let range = trimmed.lowercased().ranges(of: "by ").first(where: { $0.lowerBound == trimmed.startIndex || trimmed[trimmed.index(before: $0.lowerBound)] == " " }),
              let role = role(of: String(trimmed[..<range.lowerBound])),
              let name = parsedName("by " + trimmed[range.upperBound...], requirePrefix: true) else { return nil }
        return Contributor(name: name, role: role)
    }

    /// The role a line standing alone above a name gives it (`EDITED BY`, `A NOVEL BY`, `translated from the Russian
    /// by`); nil when the line is not such a credit.
    static func creditRole(alone text: String) -> String? {
        let lower = text.trimming(" .:").lowercased()
        guard lower == "by" || lower.hasSuffix(" by") else { return nil }
        return role(of: String(lower.dropLast(2))) ?? "aut"
    }

    /// The MARC role the words before a credit's `by` give: none (`aut`), editing, translating, an introduction, a
    /// preface or foreword (`aui`), illustrating, compiling; nil for other words.
    private static func role(of words: String) -> String? {
        let lower = words.trimming(" ,").lowercased()
        if lower.isEmpty || lower == "written" { return "aut" }
        for (stem, role) in [("edit", "edt"), ("translat", "trl"), ("introduc", "aui"), ("preface", "aui"), ("foreword", "aui"),
                             ("illustrat", "ill"), ("compil", "com")] where lower.contains(stem) {
            return role
        }
        return nil
    }

    /// `name` without the first-byte check.
    static func parsedName(_ text: String, requirePrefix: Bool) -> String? {
        var body = Substring(text.trimming(" ."))
        var prefixed = false
        for prefix in ["by ", "By ", "BY ", "edited by ", "Edited by ", "EDITED BY "] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            prefixed = true
            break
        }
        guard prefixed || !requirePrefix else { return nil }
        var name = String(body)
        // A trailing date in brackets is not part of the name: "Walter Ulbricht (Aug 26. 1939)".
        var core = name
        if prefixed, name.hasSuffix(")"), let open = name.firstIndex(of: "(") {
            core = String(name[..<open]).trimming(" ")
            name = core
        }
        let words = CharacterScan.spaceSeparatedPieces(core)
        guard (prefixed ? 1 : 2)...6 ~= words.count, !CharacterScan.contains(core, "&"), !CharacterScan.contains(core, ":"),
              !CharacterScan.contains(core, "?") else { return nil }
        if !prefixed && TextShape.isAllCaps(core) { return nil }
        // `To Siegfried Sassoon` dedicates; it names no author.
        if !prefixed, words.first == "To" { return nil }
        for word in words {
            guard word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "’" || $0 == "'" }) else { return nil }
            if particles.contains(word.lowercased()) { continue }
            guard let first = word.first else { return nil }
            // "lain McKay": an OCR'd capital I.
            if !(first.isUppercase || (first == "l" && word.count > 2 && word.dropFirst().first?.isLowercase == true && word == words.first)) {
                return nil
            }
        }
        if words.first.map({ particles.contains($0.lowercased()) }) == true, words.count < 3 { return nil }
        name = name.trimming(" .")
        return correctingOCR(name)
    }

    /// Whether the text, past leading spaces and periods, may start with one of the prefixes (`by `, `edited by `):
    /// its first other byte must be `b`, `B`, `e` or `E`. Trimming takes off only one-byte characters, so the
    /// first byte of what it leaves is that byte, or a space or period byte that starts no prefix.
    private static func mayStartWithPrefix(_ text: String) -> Bool {
        guard let lead = text.utf8.first(where: { $0 != 0x20 && $0 != 0x2E }) else { return false }
        return lead | 0x20 == 0x62 || lead | 0x20 == 0x65
    }

    /// "lain McKay" → "Iain McKay": a lowercase l that starts a name is an OCR'd capital I.
    static func correctingOCR(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices where words[index].count > 2 && words[index].hasPrefix("l") && words[index].dropFirst().first?.isLowercase == true {
            if index == 0 || index == 1 && ["by", "By", "BY"].contains(words[0]) { words[index] = "I" + words[index].dropFirst() }
        }
        return words.joined(separator: " ")
    }

    /// A name that could as well be a title ("The Friends of …", "First Chapter").
    static func isWeak(_ name: String) -> Bool {
        let words = name.split(separator: " ").map { $0.lowercased() }
        let titleWords: Set<String> = ["the", "a", "an", "chapter", "part", "book", "section", "first", "second", "third", "last", "final"]
        return words.contains(where: titleWords.contains)
    }

    /// Splits "TITLE. By Name." or "“Title“ by Name (date)" into title and name; a name starts with a capital
    /// (`… Embraced by the Theory of Natural Selection` is a title).
    static func split(_ text: String) -> (title: String, name: String)? {
        guard containsByWord(text) else { return nil }
        for separator in [". By ", " by ", " By ", " BY "] {
            // Simple text is searched on its bytes, with the same (non-overlapping) matches.
            guard let range = (ByteSearch.asciiRanges(of: separator, in: text) ?? text.ranges(of: separator)).last else { continue }
            let title = String(text[..<range.lowerBound]) + (separator.hasPrefix(".") ? "." : "")
            let rest = "by " + text[range.upperBound...]
            guard !CharacterScan.contains(title, ","), TextShape.words(title).count >= 2, let name = name(rest, requirePrefix: true),
                  name.split(separator: " ").count >= 2, name.first?.isUppercase == true else { continue }
            return (title.trimming(" "), name)
        }
        return nil
    }

    /// A byte scan for " by " in any case, so that the searches above run only on the few lines that need them.
    static func containsByWord(_ text: String) -> Bool {
        // The `y` or `Y` of each candidate is found first (a rare letter), then its neighbours are checked.
        func isByWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
            index >= 2 && index + 1 < bytes.count && bytes[index - 2] == 0x20 && bytes[index - 1] | 0x20 == 0x62 && bytes[index + 1] == 0x20
        }
        return ByteSearch.containsByte(0x79, in: text, where: isByWord) || ByteSearch.containsByte(0x59, in: text, where: isByWord)
    }
}
