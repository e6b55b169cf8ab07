/// The language of a text from how often it writes each language's commonest short words: in running prose they are
/// a tenth of all words or more, and few of them are shared between languages.
enum LanguageGuesser {
    struct Language: Sendable {
        var tag: String
        var name: String
        var words: Set<String>
    }

    static let languages: [Language] = [
        Language(tag: "en", name: "English", words: ["the", "and", "of", "to", "that", "is", "was", "he", "it", "with", "for", "his", "you", "not", "which"]),
        Language(tag: "de", name: "German", words: ["der", "die", "und", "das", "nicht", "ist", "ich", "sie", "den", "zu", "mit", "dem", "ein", "sich", "auf"]),
        Language(tag: "fr", name: "French", words: ["le", "les", "et", "des", "est", "une", "dans", "qui", "pas", "du", "il", "au", "pour", "sur", "elle"]),
        Language(tag: "es", name: "Spanish", words: ["el", "los", "las", "del", "por", "una", "con", "para", "es", "y", "lo", "como", "pero", "su", "sus"]),
        Language(tag: "it", name: "Italian", words: ["il", "di", "che", "non", "per", "sono", "della", "gli", "è", "ma", "nel", "anche", "alla", "questo", "era"]),
        Language(tag: "pt", name: "Portuguese", words: ["o", "os", "do", "da", "não", "em", "um", "uma", "dos", "com", "é", "ao", "mas", "das", "seu"]),
        Language(tag: "nl", name: "Dutch", words: ["de", "het", "een", "en", "van", "ik", "niet", "dat", "zijn", "op", "te", "hij", "maar", "ook", "wat"]),
        Language(tag: "pl", name: "Polish", words: ["i", "w", "nie", "się", "na", "że", "z", "do", "jest", "jak", "co", "ale", "po", "tak", "już"]),
        Language(tag: "ru", name: "Russian", words: ["и", "в", "не", "на", "что", "он", "я", "с", "как", "это", "его", "она", "но", "а", "то"]),
    ]

    /// Each listed word with the languages that list it.
    private static let index: [String: [Int]] = {
        var index: [String: [Int]] = [:]
        for (position, language) in languages.enumerated() {
            for word in language.words { index[word, default: []].append(position) }
        }
        return index
    }()

    /// The language whose words are at least a twentieth of the text's words and three times as frequent as any
    /// other's, read from at most two thousand words of lines spread over the text; nil for a short or mixed text.
    static func guess(_ lines: [String]) -> Language? {
        // About three hundred lines from all over the text, and at most two thousand words.
        let step = max(1, lines.count / 300)
        var counts = [Int](repeating: 0, count: languages.count)
        var total = 0
        for index in Swift.stride(from: 0, to: lines.count, by: step) where total < 2000 {
            forEachWord(in: lines[index]) { word in
                total += 1
                if let hits = Self.index[word] { for position in hits { counts[position] += 1 } }
            }
        }
        guard total >= 200, let best = counts.indices.max(by: { counts[$0] < counts[$1] }) else { return nil }
        let runnerUp = counts.indices.filter { $0 != best }.map { counts[$0] }.max() ?? 0
        guard counts[best] * 20 >= total, counts[best] >= runnerUp * 3 else { return nil }
        return languages[best]
    }

    /// Calls `body` with each word of `line` in lower case, found on the bytes: a word is a run of letters (ASCII
    /// letters and the bytes of other scalars, except the punctuation of U+2000–U+206F, `«`, `»` and the no-break space).
    static func forEachWord(in line: String, _ body: (String) -> Void) {
        // A line of any length gives at most its first few hundred words.
        let bytes = Array(line.utf8.prefix(4096))
        var start = 0, index = 0
        func flush(_ end: Int) {
            guard end > start, end - start <= 24 else { return }
            let slice = bytes[start..<end]
            if slice.allSatisfy({ $0 < 0x80 }) {
                body(String(decoding: slice.map { $0 | 0x20 }, as: UTF8.self))
            } else {
                body(String(decoding: slice, as: UTF8.self).lowercased())
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            var width = 1, separator: Bool
            if byte < 0x80 {
                separator = !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            } else {
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                separator = (byte == 0xE2 && (next == 0x80 || next == 0x81)) || (byte == 0xC2 && (next == 0xAB || next == 0xBB || next == 0xA0))
            }
            if separator {
                flush(index)
                start = index + width
            }
            index += width
        }
        flush(bytes.count)
    }
}
