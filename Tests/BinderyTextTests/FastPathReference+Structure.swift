@testable import BinderyText

/// The character-wise structure code that issue 9's shortcuts replaced, kept as the reference they must agree with.
extension Reference {
    /// `HeadingPattern.match` as it was, on the reference helpers.
    static func headingPattern(_ text: String) -> HeadingPattern? {
        guard !text.isEmpty, text.count <= 140, !HeadingPattern.isQuotedSpeech(text) else { return nil }
        let words = Reference.words(text)
        guard let firstWord = words.first else { return nil }
        let lowerFirst = firstWord.lowercased()
        let widow = widowProtected(text)
        let colon = finalMark(text) == ":"
        let lastWord = words.last.map { $0.lowercased() } ?? ""
        let open = TextShape.minorWords.contains(lastWord) && !text.hasSuffix(".") && !text.hasSuffix(":")
        var pattern = HeadingPattern(family: .plain, kind: .section, text: text, isMatter: false, widowProtected: widow,
                                     bareNumber: false, endsWithColon: colon, open: open)
        if let rank = HeadingPattern.keywords[lowerFirst], words.count >= 2, text.first?.isUppercase == true {
            let article = words.count >= 3 && words[1].lowercased() == "the" && NumberWords.isNumberWord(words[2]) ? 1 : 0
            let second = words[1 + article]
            let sentence = words.count > 4 && finalMark(text) == "." && titleCaseRatio(text) < 0.5
            if !sentence, second.allSatisfy(\.isNumber) || isRoman(second) || NumberWords.isNumberWord(second) {
                pattern.family = .keyword(rank: rank)
                pattern.kind = rank <= 2 ? .part : .chapter
                pattern.bareNumber = words.count == 2 + article + (HeadingPattern.hyphenatedNumber(text) ? 1 : 0)
                return pattern
            }
        }
        let name = trimming(text, ".: ").lowercased()
        let lead = String(name.prefix(while: { $0 != ":" }))
        if let kind = HeadingPattern.matter[name] ?? (text.contains(":" as Character) ? HeadingPattern.matter[lead] : nil) {
            pattern.kind = kind
            pattern.isMatter = true
            pattern.family = isAllCaps(text) ? .allCaps : .plain
            return pattern
        }
        guard let firstCharacter = text.first else { return nil }
        if "(—–-~•*/\\|<>=+#@".contains(firstCharacter) { return nil }
        if ["http", "www.", ".jpg", ".png"].contains(where: { text.firstRange(of: $0) != nil }) { return nil }
        guard startsCapitalOrDigit(text) else { return nil }
        if let mark = finalMark(text), [",", ";", "-", "–", "—", "!"].contains(mark) { return nil }
        let unbracketed = text.first == "[" ? String(text.dropFirst()) : text
        let scalars = Array(text.unicodeScalars)
        let initialism = scalars.count >= 6 && scalars.count % 2 == 0
            && stride(from: 0, to: scalars.count, by: 2).allSatisfy { scalars[$0].properties.isUppercase && scalars[$0 + 1] == "." }
        if !initialism, let numbered = numberedStyle(unbracketed) {
            pattern.family = .numbered(style: numbered.style + (text.first == "[" ? 10 : 0))
            pattern.text = HeadingPattern.fixingRomanOCR(text)
            pattern.bareNumber = numbered.bare
            if !numbered.bare {
                guard plausibleTitle(numbered.rest, allowPeriod: Reference.words(numbered.rest).count <= 10),
                      Reference.words(numbered.rest).contains(where: { $0.count >= 3 }) else { return nil }
            }
            return pattern
        }
        guard initialism || words.contains(where: { $0.count(where: \.isLetter) >= 3 }), balanced(text) else { return nil }
        if initialism { return pattern }
        if isAllCaps(text) {
            pattern.family = .allCaps
            return words.count <= 16 && finalMark(text) != "." && !text.last!.isNumber ? pattern : nil
        }
        guard plausibleTitle(text, allowPeriod: widow) || widow else { return nil }
        if !widow {
            if quotesSentenceBeforeMore(text) { return nil }
            if text.count(where: { $0 == "," }) >= 3 { return nil }
            if colon && text.contains("," as Character) { return nil }
            if text.contains(";" as Character) { return nil }
            if finalMark(text) == "." && words.count < 2 { return nil }
            if let colonIndex = text.firstIndex(of: ":"), text.index(after: colonIndex) < text.endIndex,
               text[text.index(after: colonIndex)...].contains(where: { $0.isLetter || $0.isNumber }),
               Reference.words(String(text[..<colonIndex])).count < 2 || titleCaseRatio(text) < 0.7
                || Reference.words(String(text[..<colonIndex])).contains(where: { HeadingPattern.reportingVerbs.contains($0.lowercased()) }) { return nil }
        }
        if colon {
            if words.count > 9 || words.contains(where: { HeadingPattern.reportingVerbs.contains($0.lowercased()) }) { return nil }
            if words.count > 4 && titleCaseRatio(text) < 0.5 { return nil }
        }
        return pattern
    }

    static func plausibleTitle(_ text: String, allowPeriod: Bool) -> Bool {
        let words = Reference.words(text)
        guard !words.isEmpty, words.count <= 18 else { return false }
        let ratio = titleCaseRatio(text)
        let lastWord = text.split(separator: " ").last.map { trimming(String($0), "”’\"')") } ?? ""
        let abbreviated = lastWord.hasSuffix(".") && !lastWord.hasSuffix("..") && lastWord.dropLast().contains("." as Character)
        if finalMark(text) == "." && !allowPeriod && !abbreviated {
            guard ratio >= 0.99, words.count <= 10, !text.contains(":" as Character), let last = text.last, !TextShape.closers.contains(last) else { return false }
        }
        if hasInnerSentenceBreak(text) && !allowPeriod { return false }
        if words.count > 10 && ratio < 0.5 { return false }
        return true
    }

    static func quotesSentenceBeforeMore(_ text: String) -> Bool {
        let characters = Array(text)
        for index in characters.indices.dropLast(2) where TextShape.sentenceEnders.contains(characters[index])
            && (characters[index + 1] == "”" || characters[index + 1] == "\"") { return true }
        return false
    }

    static func titleCaseRatio(_ text: String) -> Double {
        var significant = 0, capitalised = 0
        for word in Reference.words(text) {
            if TextShape.minorWords.contains(word.lowercased()) { continue }
            significant += 1
            if let first = word.first, first.isUppercase || first.isNumber { capitalised += 1 }
        }
        return significant == 0 ? 1 : Double(capitalised) / Double(significant)
    }

    static func endsSentence(_ text: String) -> Bool {
        // The mark closing italics after a sentence's end (`off._`).
        if let last = text.last, last == "_" || last == "*" { return endsSentence(String(text.dropLast())) }
        // A note's superscript figures (`state.”⁶`).
        if let last = text.last, "¹²³⁰⁴⁵⁶⁷⁸⁹".contains(last) { return endsSentence(String(text.dropLast())) }
        guard var mark = finalMark(text) else { return false }
        if mark.isASCII, mark.isNumber {
            // A note number of at most three figures glued to a sentence's end (`community.270`, `progeny.”[1]`), not a decimal;
            // in brackets or parentheses also set off by a space (`progeny.” [1]`).
            var reversed = Array(text.reversed())[...]
            let opener: Character? = reversed.first == "]" ? "[" : reversed.first == ")" ? "(" : nil
            if opener != nil { reversed = reversed.dropFirst() }
            var rest = reversed.drop { $0.isASCII && $0.isNumber }
            guard (1...3).contains(reversed.count - rest.count) else { return false }
            if let opener {
                guard rest.first == opener else { return false }
                rest = rest.dropFirst()
                if rest.first == " " { rest = rest.dropFirst() }
            }
            let closed = rest.drop { TextShape.closers.contains($0) }
            guard let end = closed.first, TextShape.sentenceEnders.contains(end) else { return false }
            if end == "?" || end == "!" { return closed.dropFirst().first.map { !$0.isNumber } ?? false }
            let letters = closed.dropFirst().prefix { $0.isASCII && $0.isLetter }
            guard letters.count >= 2 else { return false }
            return !NoteMarkerScanner.citationWords.contains(String(letters.reversed()).lowercased())
        }
        // Spaces between the mark and closing quotes (`acts. ”`) do not hide it.
        if mark.isWhitespace, let last = text.last, ["”", "’", "»", ")", "]"].contains(last) {
            mark = text.reversed().first { !TextShape.closers.contains($0) && !$0.isWhitespace } ?? mark
        }
        return TextShape.sentenceEnders.contains(mark) || mark == ":"
    }

    static func trimming(_ text: String, _ set: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }

    static func headingKey(_ text: String) -> String {
        var characters = Array(text.lowercased())
        while let last = characters.last, last.isNumber || last == "." || last == " " || last == "\u{00A0}" {
            guard characters.contains(where: \.isLetter) else { break }
            characters.removeLast()
        }
        return String(characters.filter { $0.isLetter || $0.isNumber })
    }

    /// `Byline.name` as it was: character-wise searches and splits throughout.
    static func bylineName(_ text: String, requirePrefix: Bool = false) -> String? {
        var body = Substring(trimming(text, " ."))
        var prefixed = false
        for prefix in ["by ", "By ", "BY ", "edited by ", "Edited by ", "EDITED BY "] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            prefixed = true
            break
        }
        guard prefixed || !requirePrefix else { return nil }
        var name = String(body)
        var core = name
        if let open = name.firstIndex(of: "("), name.hasSuffix(")"), prefixed {
            core = trimming(String(name[..<open]), " ")
            name = core
        }
        let words = core.split(separator: " ")
        guard (prefixed ? 1 : 2)...6 ~= words.count, !core.contains("&" as Character), !core.contains(":" as Character), !core.contains("?" as Character) else { return nil }
        if !prefixed && isAllCaps(core) { return nil }
        if !prefixed, words.first == "To" { return nil }
        for word in words {
            guard word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "’" || $0 == "'" }) else { return nil }
            if Byline.particles.contains(word.lowercased()) { continue }
            guard let first = word.first else { return nil }
            if !(first.isUppercase || (first == "l" && word.count > 2 && word.dropFirst().first?.isLowercase == true && word == words.first)) {
                return nil
            }
        }
        if words.first.map({ Byline.particles.contains($0.lowercased()) }) == true, words.count < 3 { return nil }
        name = trimming(name, " .")
        return Byline.correctingOCR(name)
    }

    /// `Byline.split` as it was.
    static func bylineSplit(_ text: String) -> (title: String, name: String)? {
        guard containsByWord(text) else { return nil }
        for separator in [". By ", " by ", " By ", " BY "] {
            guard let range = text.ranges(of: separator).last else { continue }
            let title = String(text[..<range.lowerBound]) + (separator.hasPrefix(".") ? "." : "")
            let rest = "by " + text[range.upperBound...]
            guard Reference.words(title).count >= 2, !title.contains("," as Character), let name = bylineName(rest, requirePrefix: true),
                  name.split(separator: " ").count >= 2, name.first?.isUppercase == true else { continue }
            return (trimming(title, " "), name)
        }
        return nil
    }

    /// `JoinedCompounds.words(of:)` as it was: runs of alphabetic scalars, with the scalar offsets they start at.
    static func letterRuns(_ text: String) -> [([Unicode.Scalar], Int)] {
        var result: [([Unicode.Scalar], Int)] = []
        var current: [Unicode.Scalar] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isAlphabetic {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append((current, offset - current.count))
                current = []
            }
        }
        if !current.isEmpty { result.append((current, text.unicodeScalars.count - current.count)) }
        return result
    }

    /// `ListMarker.parse` as it was: the marker cut by counting characters.
    static func listMarker(_ text: String) -> ListMarker? {
        guard let first = text.first else { return nil }
        if ListMarker.bullets.contains(first) {
            let rest = text.dropFirst()
            guard rest.first == " " || rest.first == "\u{00A0}" else { return nil }
            let body = String(rest.drop(while: { $0 == " " || $0 == "\u{00A0}" }))
            return body.isEmpty ? nil : ListMarker(ordered: false, marker: String(first), rest: body)
        }
        var digits = Substring(text)
        var opened = false
        if digits.first == "(" { opened = true; digits = digits.dropFirst() }
        let number = digits.prefix(while: { $0.isNumber && $0.isASCII })
        guard !number.isEmpty, number.count <= 3 else { return nil }
        let after = digits.dropFirst(number.count)
        guard let close = after.first, close == ")" || (close == "." && !opened) else { return nil }
        let rest = after.dropFirst()
        guard rest.first == " " else { return nil }
        let body = String(rest.drop(while: { $0 == " " }))
        return body.isEmpty ? nil : ListMarker(ordered: true, marker: String(text.prefix(text.count - rest.count)), rest: body)
    }

    static func containsByWord(_ text: String) -> Bool {
        var window: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in text.utf8 {
            if window.0 == 0x20, window.1 | 0x20 == 0x62, window.2 | 0x20 == 0x79, byte == 0x20 { return true }
            window = (window.1, window.2, byte)
        }
        return false
    }

    /// `NoteMarkerScanner.scan` as it was: every scalar looked at, the citation word made from an array slice.
    static func noteMarkers(_ characters: [Unicode.Scalar]) -> [NoteMarkerScanner.Marker] {
        typealias Scanner = NoteMarkerScanner
        var markers: [NoteMarkerScanner.Marker] = []
        var index = 0
        let count = characters.count
        func isBoundary(_ position: Int) -> Bool {
            position >= count || characters[position] == " " || characters[position] == "\u{00A0}"
                || characters[position] == "“" || characters[position] == ")" || characters[position] == "\"" && position + 1 >= count
        }
        func precededByCitationWord(_ index: Int) -> Bool {
            var end = index - 1
            while end >= 0, characters[end] == " " || characters[end] == "." { end -= 1 }
            let closedByStop = end == index - 2 && characters[index - 1] == "."
            var start = end
            while start >= 0, Scanner.isLetter(characters[start]) { start -= 1 }
            guard end > start else { return false }
            let word = characters[(start + 1)...end]
            guard word.count <= 7 else { return false }
            let lowered = String(String.UnicodeScalarView(word)).lowercased()
            return closedByStop ? Scanner.citationAbbreviations.contains(lowered) : Scanner.citationWords.contains(lowered)
        }
        while index < count {
            let character = characters[index]
            if let value = Scanner.superscriptDigit(character) {
                var end = index + 1
                var number: Int? = value
                while end < count, let more = Scanner.superscriptDigit(characters[end]) {
                    number = number.flatMap { Scanner.appendingDigit($0, more) }
                    end += 1
                }
                markers.append(.init(range: index..<end, number: number))
                index = end
                continue
            }
            // `word[12]`: Project Gutenberg's marker (or `word(12)`); `word [12]`, set off by a space, a weak one.
            if Scanner.isDigit(character), index > 1, characters[index - 1] == "[" || characters[index - 1] == "(" {
                let bracket = characters[index - 1]
                let spaced = characters[index - 2] == " " && index >= 3
                let before = characters[spaced ? index - 3 : index - 2]
                var end = index
                while end < count, Scanner.isDigit(characters[end]), end - index < 3 { end += 1 }
                let after: Unicode.Scalar = end + 1 < count ? characters[end + 1] : " "
                if Scanner.isPunctuation(before) || Scanner.isLetter(before) || Scanner.isDash(before) || before == "_" || before == "*" || before == "]",
                   end < count, characters[end] == (bracket == "[" ? "]" : ")"), !Scanner.isLetter(after), !Scanner.isDigit(after) {
                    markers.append(.init(range: (spaced ? index - 2 : index - 1)..<(end + 1), number: characters[index..<end].reduce(0) { $0 * 10 + Int($1.value - 0x30) },
                                         weak: spaced, bracket: bracket))
                    index = end + 1
                    continue
                }
            }
            if Scanner.isDigit(character), index > 0, !Scanner.isDigit(characters[index - 1]) {
                var end = index
                while end < count, Scanner.isDigit(characters[end]) { end += 1 }
                let before = characters[index - 1]
                let glued = Scanner.isPunctuation(before) || Scanner.isLetter(before)
                    || (before == "—" && index >= 2 && (Scanner.isLetter(characters[index - 2]) || Scanner.isPunctuation(characters[index - 2]) && characters[index - 2] != ")"))
                let spaced = before == " " && index >= 2 && Scanner.isPunctuation(characters[index - 2])
                let after: Unicode.Scalar = end < count ? characters[end] : " "
                let endsWell = after == " " || after == ")" || after == "\u{00A0}" || (after == "." && (end + 1 >= count || characters[end + 1] == " ")) || after == ","
                    || (after == "—" && !spaced)
                let between = before == " " && index >= 2 && Scanner.isLetter(characters[index - 2]) && after == " "
                    && end + 1 < count && Scanner.isLetter(characters[end + 1]) && characters[end + 1].properties.isLowercase
                let afterFigure = before == "." && index >= 2 && Scanner.isDigit(characters[index - 2])
                let sentenceFollows = end >= count || end + 1 < count && after == " " && characters[end + 1].properties.isUppercase
                if end - index <= 3, glued || spaced || between, endsWell, !precededByCitationWord(index), !afterFigure || sentenceFollows {
                    markers.append(.init(range: (spaced || between ? index - 1 : index)..<end,
                                         number: characters[index..<end].reduce(0) { $0 * 10 + Int($1.value - 0x30) }, weak: between || afterFigure || before == "—", spaced: spaced))
                }
                index = end
                continue
            }
            if Scanner.isDash(character), index > 0 {
                var end = index
                while end < count, Scanner.isDash(characters[end]), end - index < 3 { end += 1 }
                let before = characters[index - 1]
                if end - index <= 2, isBoundary(end), end >= count || characters[end] != "-" {
                    if Scanner.isPunctuation(before) && before != ")" {
                        markers.append(.init(range: index..<end, number: nil))
                    } else if Scanner.isLetter(before), character != "-" {
                        markers.append(.init(range: index..<end, number: nil, weak: true))
                    }
                }
                index = end
                continue
            }
            if character == "^", index + 1 < count, characters[index + 1] == "^" {
                markers.append(.init(range: index..<(index + 2), number: nil))
                index += 2
                continue
            }
            if character == "*" || character == "†", index > 0, characters[index - 1] != " ", isBoundary(index + 1) {
                markers.append(.init(range: index..<(index + 1), number: nil, star: true))
            }
            if character == "m", index > 0, Scanner.isPunctuation(characters[index - 1]), isBoundary(index + 1),
               index < 2 || Scanner.isLetter(characters[index - 2]) || Scanner.isPunctuation(characters[index - 2]) {
                markers.append(.init(range: index..<(index + 1), number: nil))
            }
            if character == "m", index >= 2, characters[index - 1] == " ", Scanner.isSentenceEnd(characters[index - 2]),
               index + 1 >= count || characters[index + 1] == " " && index + 2 < count && characters[index + 2].properties.isUppercase {
                markers.append(.init(range: (index - 1)..<(index + 1), number: nil))
            }
            index += 1
        }
        return markers
    }
}
