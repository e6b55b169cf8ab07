import BinderyModel

/// The pattern family a heading candidate belongs to; levels come from the families found in a document.
enum HeadingFamily: Hashable, Sendable, Comparable {
    /// `Volume`, `Book`, `Part`, `Chapter`, `Section` + a number: rank orders them from the top.
    case keyword(rank: Int)
    /// Numbered headings: roman (`IV`), arabic (`3.`), letters (`A.`), possibly in brackets.
    case numbered(style: Int)
    case allCaps
    case plain
}

/// What a short line or two says about being a heading: its family, kind and text.
struct HeadingPattern: Sendable, Hashable {
    var family: HeadingFamily
    var kind: DivisionKind
    var text: String
    /// Front or back matter by name (Dedication, Index, Contents, …).
    var isMatter: Bool
    /// The title carries a no-break space before its last word, as web and DTP titles do against widows.
    var widowProtected: Bool
    /// The number only (`CHAPTER 4`, `IV.`): the title may follow on the next line.
    var bareNumber: Bool
    var endsWithColon: Bool
    /// Ends with a minor word (`of`, `the`): the title continues on the next line.
    var open: Bool

    static let keywords: [String: Int] = [
        "volume": 0, "book": 1, "part": 2, "chapter": 3, "section": 4, "lecture": 3, "letter": 3, "canto": 3,
        // German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian.
        "band": 0, "buch": 1, "teil": 2, "kapitel": 3, "tome": 0, "livre": 1, "partie": 2, "chapitre": 3,
        "tomo": 0, "libro": 1, "parte": 2, "capítulo": 3, "capitolo": 3, "livro": 1, "deel": 2, "hoofdstuk": 3,
        "księga": 1, "część": 2, "rozdział": 3, "том": 0, "книга": 1, "часть": 2, "глава": 3,
    ]
    /// The lengths in bytes of the keywords (a first word of another length is not looked up).
    static let keywordLengths = (keywords.keys.map(\.utf8.count).min() ?? 0)...(keywords.keys.map(\.utf8.count).max() ?? 0)
    static let matter: [String: DivisionKind] = [
        "dedication": .dedication, "epigraph": .epigraph, "preface": .preface, "foreword": .preface, "introduction": .introduction,
        "prologue": .preface, "contents": .contents, "table of contents": .contents, "notes": .notes, "endnotes": .notes,
        "footnotes": .notes, "appendix": .appendix, "bibliography": .bibliography, "sources": .bibliography,
        "references": .bibliography, "further reading": .bibliography, "sources & bibliography": .bibliography,
        "sources and bibliography": .bibliography, "works cited": .bibliography, "index": .index, "copyright": .colophon,
        "colophon": .colophon, "acknowledgements": .preface, "acknowledgments": .preface, "afterword": .appendix,
        "epilogue": .chapter, "glossary": .appendix, "about the author": .colophon, "publishing information": .colophon,
        // German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian.
        "anmerkungen": .notes, "fußnoten": .notes, "notas": .notes, "noten": .notes, "przypisy": .notes, "примечания": .notes,
        "inhalt": .contents, "inhaltsverzeichnis": .contents, "table des matières": .contents, "índice": .contents,
        "sumário": .contents, "inhoud": .contents, "spis treści": .contents, "содержание": .contents, "оглавление": .contents,
        "vorwort": .preface, "préface": .preface, "prefacio": .preface, "prefazione": .preface, "prefácio": .preface,
        "voorwoord": .preface, "przedmowa": .preface, "предисловие": .preface, "einleitung": .introduction,
        "introducción": .introduction, "introduzione": .introduction, "introdução": .introduction, "inleiding": .introduction,
        "wstęp": .introduction, "введение": .introduction, "anhang": .appendix, "apéndice": .appendix, "appendice": .appendix,
        "aneks": .appendix, "приложение": .appendix, "epilog": .chapter, "épilogue": .chapter, "epílogo": .chapter,
        "epilogo": .chapter, "эпилог": .chapter,
    ]
    /// Whether the first word of `text` is one of `keywords` (`Chapter 3`), in any case: a check before `match`.
    static func opensWithKeyword(_ text: String) -> Bool {
        let ascii = text.utf8.prefix { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        // A word of other letters (`Глава`, `Capítulo`) is read as scalars; a no-break space or a dash ends it.
        if text.utf8.dropFirst(ascii.count).first.map({ $0 >= 0x80 }) == true {
            let word = String(String.UnicodeScalarView(text.unicodeScalars.prefix { $0.properties.isAlphabetic }))
            return keywordLengths.contains(word.utf8.count) && keywords[word.lowercased()] != nil
        }
        guard keywordLengths.contains(ascii.count) else { return false }
        return keywords[String(decoding: ascii.map { $0 | 0x20 }, as: UTF8.self)] != nil
    }

    /// A number written in two words joined by a hyphen (`Twenty-One`), which `TextShape.words` counts as two.
    static func hyphenatedNumber(_ text: String) -> Bool {
        guard CharacterScan.contains(text, "-") else { return false }
        return text.split(separator: " ").contains { $0.contains("-") && NumberWords.value(Substring(String($0).trimming(".:"))) != nil }
    }

    static let reportingVerbs: Set<String> = [
        "wrote", "writes", "said", "says", "stated", "states", "claimed", "claims", "remarked", "recalls", "recalled", "explained",
        "added", "declared", "testified", "tesfied", "continue", "continues", "asked", "replied", "noted", "notes", "commented",
        "confirmed", "agrees", "signed", "argued", "argues", "reported", "reports", "follows", "following", "were", "was", "is", "are",
    ]

    /// Classifies `text` (one heading candidate) or returns nil when it cannot be a heading. `underNumber`: the
    /// line stands under a division's bare number, so commas, semicolons and a colon (`Natural Selection; or …`,
    /// `Odessa: Life and Vision`) do not make it a list, a sentence or a line of dialogue.
    static func match(_ text: String, underNumber: Bool = false, maxWords: Int = 18) -> HeadingPattern? {
        guard !text.isEmpty, CharacterScan.hasAtMost(maxWords > 18 ? 300 : 140, charactersIn: text) else { return nil }
        let words = TextShape.words(text)
        guard let firstWord = words.first else { return nil }
        // Only words as long as a keyword (3 to 10 bytes) or a minor word (5 at most) are lower-cased to be looked up.
        let lowerFirst = keywordLengths.contains(firstWord.utf8.count) ? TextShape.lowercased(firstWord) : ""
        let widow = widowProtected(text)
        let colon = TextShape.finalMark(text) == ":"
        let lastWord = words.last.map { $0.utf8.count <= 5 ? TextShape.lowercased($0) : "" } ?? ""
        let open = TextShape.minorWords.contains(lastWord) && !text.hasSuffix(".") && !text.hasSuffix(":")
        var pattern = HeadingPattern(family: .plain, kind: .section, text: text, isMatter: false, widowProtected: widow,
                                     bareNumber: false, endsWithColon: colon, open: open)
        // Keyword families: "CHAPTER 3:", "Book I", "PART TWO", "Book the First".
        if let rank = keywords[lowerFirst], words.count >= 2, text.first?.isUppercase == true {
            let article = words.count >= 3 && words[1].lowercased() == "the" && NumberWords.isNumberWord(words[2]) ? 1 : 0
            let second = words[1 + article]
            // "Part II of the report was never published." is a sentence, not a heading.
            let sentence = words.count > 4 && TextShape.finalMark(text) == "." && TextShape.titleCaseRatio(words: words) < 0.5
            if !sentence, second.allSatisfy(\.isNumber) || TextShape.isRoman(second) || NumberWords.isNumberWord(second) {
                pattern.family = .keyword(rank: rank)
                pattern.kind = rank <= 2 ? .part : .chapter
                pattern.bareNumber = words.count == 2 + article + (Self.hyphenatedNumber(text) ? 1 : 0)
                return pattern
            }
        }
        // Front and back matter by name (no name is over 40 bytes), or by what stands before a colon (`Notes: …`).
        let name = text.trimming(".: ")
        var named = name.utf8.count <= 40 ? matter[TextShape.lowercased(name)] : nil
        if named == nil, CharacterScan.contains(text, ":") {
            let lead = name.prefix { $0 != ":" }
            if lead.utf8.count <= 40 { named = matter[TextShape.lowercased(lead)] }
        }
        if let kind = named {
            pattern.kind = kind
            pattern.isMatter = true
            pattern.family = TextShape.isAllCaps(text) ? .allCaps : .plain
            return pattern
        }
        guard let firstCharacter = text.first else { return nil }
        if Self.opensNoHeading(firstCharacter) { return nil }
        if isQuotedSpeech(text) { return nil }
        if Self.mentions(text, "http") || Self.mentions(text, "www.") || Self.mentions(text, ".jpg") || Self.mentions(text, ".png") { return nil }
        guard TextShape.startsCapitalOrDigit(text) else { return nil }
        if let mark = TextShape.finalMark(text), Self.isNoFinalMark(mark) { return nil }
        // Numbered: "IV", "I.", "1. Background", "[2. The Main Questions]", "3) Title", "A. Title".
        let unbracketed = text.first == "[" ? String(text.dropFirst()) : text
        let initialism = Self.isInitialism(text)
        if !initialism, let numbered = numberedStyle(unbracketed, words: words) {
            pattern.family = .numbered(style: numbered.style + (text.first == "[" ? 10 : 0))
            pattern.text = Self.fixingRomanOCR(text)
            pattern.bareNumber = numbered.bare
            if !numbered.bare {
                let restWords = TextShape.words(numbered.rest)
                guard plausibleTitle(numbered.rest, words: restWords, allowPeriod: restWords.count <= 10),
                      restWords.contains(where: { $0.count >= 3 }) else { return nil }
            }
            return pattern
        }
        guard initialism || words.contains(where: { TextShape.letterCount($0) >= 3 }), balanced(text) else { return nil }
        // (An initialism is in capitals whatever the style of the titles beside it: it ranks as theirs.)
        if initialism { return pattern }
        if TextShape.isAllCaps(text) {
            pattern.family = .allCaps
            return words.count <= 16 && TextShape.finalMark(text) != "." && !text.last!.isNumber ? pattern : nil
        }
        guard plausibleTitle(text, words: words, allowPeriod: widow, maxWords: maxWords) || widow else { return nil }
        if !widow {
            // A quoted title with more after it ("“Der Aufstand.” (Zeitung, March 10)") is a citation; many commas make a list.
            if quotesSentenceBeforeMore(text) { return nil }
            if !underNumber, CharacterScan.count(text, ",") >= 3 { return nil }
            if colon && CharacterScan.contains(text, ",") { return nil }
            if !underNumber, CharacterScan.contains(text, ";") { return nil }
            if TextShape.finalMark(text) == "." && words.count < 2 { return nil }
            // "CHUEV: Didn’t …" is dialogue, "Source: …" a credit: a colon inside a plain title is rare.
            if !underNumber, CharacterScan.contains(text, ":"), let colonIndex = text.firstIndex(of: ":"), text.index(after: colonIndex) < text.endIndex,
               text[text.index(after: colonIndex)...].contains(where: { $0.isLetter || $0.isNumber }),
               TextShape.words(String(text[..<colonIndex])).count < 2 || TextShape.titleCaseRatio(words: words) < 0.7
                || TextShape.words(String(text[..<colonIndex])).contains(where: { $0.utf8.count <= 9 && reportingVerbs.contains(TextShape.lowercased($0)) }) { return nil }
        }
        if colon {
            // "Lenin wrote:" introduces a quotation; "Background:" opens a section.
            if words.count > 9 || words.contains(where: { $0.utf8.count <= 9 && reportingVerbs.contains(TextShape.lowercased($0)) }) { return nil }
            if words.count > 4 && TextShape.titleCaseRatio(words: words) < 0.5 { return nil }
        }
        return pattern
    }

    /// `[",", ";", "-", "–", "—", "!"].contains(mark)`: each is one scalar, and only `;` has a canonical twin
    /// (U+037E, the Greek question mark), so the mark is one of them only as one of those scalars alone.
    static func isNoFinalMark(_ mark: Character) -> Bool {
        let scalars = mark.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        switch scalar {
        case ",", ";", "\u{037E}", "-", "–", "—", "!": return true
        default: return false
        }
    }

    /// A line that is all one quotation ending in a sentence mark (“What is the matter?”): speech, not a title.
    static func isQuotedSpeech(_ text: String) -> Bool {
        guard let first = text.first, first == "“" || first == "\"" || first == "‘", text.count >= 3 else { return false }
        let characters = Array(text.suffix(2))
        return ["”", "\"", "’"].contains(characters[1]) && TextShape.sentenceEnders.contains(characters[0])
            || [".", "?", "!", "…", ","].contains(characters[1]) && ["”", "\"", "’"].contains(characters[0])
    }

    /// A sentence end and a closing double quote with more text after them (“Der Aufstand.” (Zeitung, …)).
    static func quotesSentenceBeforeMore(_ text: String) -> Bool {
        guard ScalarFacts.isSimple(text) else {
            let characters = Array(text)
            for index in characters.indices.dropLast(2) where TextShape.sentenceEnders.contains(characters[index])
                && (characters[index + 1] == "”" || characters[index + 1] == "\"") { return true }
            return false
        }
        // Simple text: its characters are its scalars; a pair counts when a scalar follows it.
        var beforeLast: Unicode.Scalar?, last: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let ender = beforeLast, let quote = last, ender == "." || ender == "!" || ender == "?" || ender == "…", quote == "”" || quote == "\"" {
                return true
            }
            beforeLast = last
            last = scalar
        }
        return false
    }

    /// `"(—–-~•*/\\|<>=+#@".contains(character)`, by scalar: each of them is one scalar, so a character that
    /// is more than one scalar is none of them.
    private static func opensNoHeading(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        switch scalar {
        case "(", "—", "–", "-", "~", "•", "*", "/", "\\", "|", "<", ">", "=", "+", "#", "@": return true
        default: return false
        }
    }

    /// A short title: not a sentence (no final period unless title-cased), few words.
    static func plausibleTitle(_ text: String, allowPeriod: Bool) -> Bool {
        plausibleTitle(text, words: TextShape.words(text), allowPeriod: allowPeriod)
    }

    /// A title the document left unwrapped on a line of its own (`StructureClassifier.isUnwrappedTitle`): read as
    /// a title under a number is (commas, semicolons and a colon allowed), and as long as forty words where four in
    /// five significant words are capitalised and no full stop ends it.
    static func matchUnwrapped(_ text: String) -> HeadingPattern? {
        let words = TextShape.words(text)
        guard words.count <= 40, TextShape.titleCaseRatio(words: words) >= 0.8, TextShape.finalMark(text) != "." else { return nil }
        return match(text, underNumber: true, maxWords: 40)
    }

    /// Three capitals or more, each with its full stop and nothing else (`S.I.W.`): an initialism, whose stop ends no sentence.
    static func isInitialism(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 6, scalars.count.isMultiple(of: 2) else { return false }
        return stride(from: 0, to: scalars.count, by: 2).allSatisfy { scalars[$0].properties.isUppercase && scalars[$0 + 1] == "." }
    }

    /// `plausibleTitle` with the text's words (`TextShape.words(text)`) at hand.
    static func plausibleTitle(_ text: String, words: [Substring], allowPeriod: Bool, maxWords: Int = 18) -> Bool {
        guard !words.isEmpty, words.count <= maxWords else { return false }
        let ratio = TextShape.titleCaseRatio(words: words)
        // "The right S.R.s.": the last period belongs to an abbreviation.
        let lastWord = CharacterScan.lastSpaceSeparatedPiece(text).map { String($0).trimming("”’\"')") } ?? ""
        let abbreviated = lastWord.hasSuffix(".") && !lastWord.hasSuffix("..") && lastWord.dropLast().contains("." as Character)
        if TextShape.finalMark(text) == "." && !allowPeriod && !abbreviated {
            guard ratio >= 0.99, words.count <= 10, !CharacterScan.contains(text, ":"), let last = text.last, !TextShape.closers.contains(last) else { return false }
        }
        // An inner sentence break ("… mummified? Who …") reads as running text.
        if hasInnerSentenceBreak(text) && !allowPeriod { return false }
        if words.count > 10 && ratio < 0.5 { return false }
        return true
    }

    /// Brackets and straight double quotes that open also close.
    static func balanced(_ text: String) -> Bool {
        if ScalarFacts.isSimple(text) {
            // Characters are scalars: the same counts without comparing characters.
            var quotes = 0, depth = 0
            for scalar in text.unicodeScalars {
                switch scalar {
                case "“", "”", "\"": quotes += 1
                case "(", "[": depth += 1
                case ")", "]":
                    depth -= 1
                    if depth < 0 { return false }
                default: break
                }
            }
            return quotes.isMultiple(of: 2) && depth == 0
        }
        // Double quotation marks come in pairs (OCR may turn a closing mark into an opening one).
        guard text.count(where: { $0 == "“" || $0 == "”" || $0 == "\"" }).isMultiple(of: 2) else { return false }
        var depth = 0
        for character in text {
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }

    /// `Ill` and `Il` at the start of a numbered heading are OCR for the roman numerals III and II.
    static func fixingRomanOCR(_ text: String) -> String {
        for (wrong, right) in [("Ill", "III"), ("Il", "II")] where text.hasPrefix(wrong) {
            let rest = text.dropFirst(wrong.count)
            if rest.isEmpty || rest.first == " " || rest.first == "." { return right + rest }
        }
        return text
    }

    static func hasInnerSentenceBreak(_ text: String) -> Bool {
        if ScalarFacts.isSimple(text) { return hasInnerSentenceBreak(scalars: Array(text.unicodeScalars)) }
        let characters = Array(text)
        guard characters.count > 3 else { return false }
        for index in 1..<(characters.count - 2) where TextShape.sentenceEnders.contains(characters[index]) {
            guard characters[index + 1] == " ", characters[index + 2].isUppercase else { continue }
            // Initials and abbreviations: "John G. Wright", "S.R.s", "St. Petersburg".
            let before = characters[..<index].reversed().prefix(while: { $0.isLetter })
            if before.count <= 2 || ["Mr", "Mrs", "Dr", "St", "Vol", "No"].contains(String(before.reversed())) { continue }
            return true
        }
        return false
    }

    /// `text.firstRange(of: pattern) != nil`, searched only when the pattern's bytes occur at all.
    private static func mentions(_ text: String, _ pattern: StaticString) -> Bool {
        ByteSearch.mayContain(text, bytesOf: pattern) && text.firstRange(of: pattern.description) != nil
    }

    /// `hasInnerSentenceBreak` for simple text, whose characters are its scalars.
    private static func hasInnerSentenceBreak(scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count > 3 else { return false }
        for index in 1..<(scalars.count - 2) {
            switch scalars[index] {
            case ".", "!", "?", "…": break
            default: continue
            }
            guard scalars[index + 1] == " ", ScalarFacts.flags(scalars[index + 2]).contains(.uppercase) else { continue }
            let before = scalars[..<index].reversed().prefix(while: { ScalarFacts.flags($0).contains(.letter) })
            if before.count <= 2 || ["Mr", "Mrs", "Dr", "St", "Vol", "No"].contains(String(String.UnicodeScalarView(before.reversed()))) { continue }
            return true
        }
        return false
    }

    static func widowProtected(_ text: String) -> Bool {
        // No C2 A0 bytes, no no-break space.
        guard ByteSearch.mayContain(text, bytesOf: "\u{00A0}") else { return false }
        guard let index = text.lastIndex(of: "\u{00A0}") else { return false }
        let after = text[text.index(after: index)...]
        return !after.isEmpty && !after.contains(" " as Character) && text[..<index].contains(" " as Character)
    }

    /// Style code of a numbered heading: 1 roman, 2 arabic, 3 letter; `bare` when nothing follows the number.
    static func numberedStyle(_ text: String, words: [Substring]) -> (style: Int, bare: Bool, rest: String)? {
        // Walks the characters in place (no array of them); ASCII ones are told apart by their value.
        var end = text.startIndex
        while end < text.endIndex, TextShape.isLetterOrNumber(text[end]) { text.formIndex(after: &end) }
        guard end > text.startIndex else { return nil }
        let token = String(text[..<end])
        var style: Int
        if token.allSatisfy({ $0.isASCII && $0.isNumber }), token.count <= 3 {
            style = 2
        } else if TextShape.isRoman(Substring(token)) {
            style = 1
        } else if token.count == 1, token.first!.isUppercase {
            style = 3
        } else {
            return nil
        }
        var rest = text[end...].drop(while: { $0 == " " })
        var punctuated = false
        if let mark = rest.first, mark == "." || mark == ")" || mark == ":" { rest = rest.dropFirst(); punctuated = true }
        let restText = String(rest).trimming(" ]")
        if restText.isEmpty {
            // "IV", "I.", "12." alone: a bare number heading (arabic alone is too often a page number).
            return style == 2 ? nil : (style, true, "")
        }
        // "I The bourgeois …" needs the next word capitalised; "1. Background"; a letter needs a period.
        guard restText.first?.isUppercase == true || restText.first == "“" || restText.first == "\"" else { return nil }
        if style == 3 && !punctuated { return nil }
        if style == 1 && token == "I" && !punctuated {
            // "I think …" is a sentence, not "I The …": require a title-cased rest.
            guard TextShape.titleCaseRatio(restText) >= 0.3, restText.split(separator: " ").count >= 1 else { return nil }
            if let next = restText.split(separator: " ").first, ["am", "was", "have", "had", "think", "do", "did", "will", "shall", "would"].contains(next.lowercased()) { return nil }
        }
        return (style, false, restText)
    }
}
