/// Stage 5a: the numbering schemes a book itself uses for its divisions. A one-line group that begins with a
/// number (arabic, roman, a bracketed letter), alone or before a title, perhaps after a capitalised word
/// (`Part II`, `Kapitel 3`), belongs to the scheme of its form. A member numbers a heading when its number is one
/// more than the last of its scheme (or starts it again at one) with text between the two, and its neighbour in
/// the scheme agrees; numbers as evenly spaced as pages are folios, not headings. Schemes nest: the one whose
/// members fall between another's consecutive members is inside it, unless its numbers go on from that one's.
struct NumberingSchemes: Sendable {
    /// The form of a numbered line: its word, its kind of number, its brackets or mark, whether a title follows.
    struct Scheme: Hashable, Sendable {
        var word: String
        var style: Style
        var mark: String
        var titled: Bool
    }

    enum Style: Hashable, Sendable { case arabic, roman, letter, words }

    /// A numbered line: its group, scheme, value, and the title after the number, if any.
    struct Member: Sendable {
        var group: Int
        var scheme: Scheme
        var value: Int
        var repeatsValue: Bool
        var title: String

        /// Whether this member numbers the division after one numbered `previous` (`28` after `27`, `65A` after `65`).
        func follows(_ previous: Int) -> Bool {
            value == previous + 1 || (repeatsValue && value == previous)
        }
    }

    /// The heading members by group, and the depth of each one's scheme among those not named by a known keyword
    /// (`Chapter` ranks by its word; `Act` and `Scene`, or bare numbers, by how they nest; 0 outermost).
    private(set) var members: [Int: Member] = [:]
    private(set) var depth: [Int: Int] = [:]
    /// Each scheme's heading members in the order of the text.
    private(set) var runs: [Scheme: [Member]] = [:]

    init(_ groups: [LineGroup]) {
        var byScheme: [Scheme: [Member]] = [:]
        for (index, group) in groups.enumerated() where group.lines.count <= 2 {
            guard var member = Self.parse(group.lines[0].text, group: index) else { continue }
            if group.lines.count == 2 {
                // A bare number with its title on the next line, no blank between (`I` / `The Log of the Voyage`).
                guard !member.scheme.titled, group.lines[1].length <= 120, HeadingPattern.match(group.lines[1].text, underNumber: true) != nil else { continue }
                member.title = group.lines[1].text
            }
            byScheme[member.scheme, default: []].append(member)
        }
        var accepted: [Scheme: [Member]] = [:]
        for (scheme, list) in byScheme {
            let kept = Self.rising(list, groups: groups)
            if kept.count >= 3, !Self.spacedLikePages(kept, groups: groups) { accepted[scheme] = kept }
        }
        let order = Self.nesting(accepted.filter { HeadingPattern.keywords[$0.key.word] == nil })
        for (scheme, list) in accepted {
            let inner = Self.innerRuns(list)
            for member in list {
                members[member.group] = member
                if let depth = order[scheme] { self.depth[member.group] = depth + (inner.contains(member.group) ? 1 : 0) }
            }
            runs[scheme] = list
        }
    }

    /// Whether a scheme's numbering goes on across the group: its members just before and just after it are consecutive.
    func goesOn(across group: Int) -> Bool {
        runs.values.contains { run in
            let low = run.partitionPoint { $0.group < group }
            let after = low < run.count && run[low].group == group ? low + 1 : low
            return low > 0 && after < run.count && run[after].follows(run[low - 1].value)
        }
    }

    /// Groups of a scheme's runs that start again at one and after which the run before them goes on
    /// (`XIV`, `I`, `II`, `III`, `XV`): sections inside the division before them, not divisions of their own.
    static func innerRuns(_ list: [Member]) -> Set<Int> {
        var runs: [[Member]] = []
        for member in list {
            if let last = runs.last?.last, member.value == last.value + 1 || (member.value == last.value && member.repeatsValue) {
                runs[runs.count - 1].append(member)
            } else {
                runs.append([member])
            }
        }
        var inner: Set<Int> = []
        for (position, run) in runs.enumerated() where position > 0 && run[0].value == 1 {
            let outer = runs[position - 1].last!.value
            // The outer run goes on right after this one (a heading missed between would otherwise sink a whole part),
            // or this one is the scheme's last run and short beside the one before (a last chapter's few sections).
            let goesOn = position + 1 < runs.count && runs[position + 1][0].value == outer + 1
            let closesShort = position + 1 == runs.count && run.count * 10 <= runs[position - 1].count
            guard goesOn || closesShort else { continue }
            inner.formUnion(run.map(\.group))
        }
        return inner
    }

    /// Whether the text opens, in ASCII, with a capitalised word of three letters or more that is no roman numeral,
    /// then a lower-case word that is neither `the` nor a number word (`Then he went`): `parse` reads no number
    /// there, and most lines are ruled out so on their bytes.
    static func startsLikeProse(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let lead = bytes.first, (0x41...0x5A).contains(lead) else { return false }
        func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
        var index = bytes.startIndex, length = 0, romanLetters = true
        while index < bytes.endIndex, isLetter(bytes[index]) {
            if !"ivxlcdm".utf8.contains(bytes[index] | 0x20) { romanLetters = false }
            length += 1
            bytes.formIndex(after: &index)
        }
        guard length >= 3, !romanLetters, index < bytes.endIndex, bytes[index] == 0x20 else { return false }
        bytes.formIndex(after: &index)
        let start = index
        guard index < bytes.endIndex, (0x61...0x7A).contains(bytes[index]) else { return false }
        while index < bytes.endIndex, isLetter(bytes[index]) || bytes[index] == 0x2D { bytes.formIndex(after: &index) }
        // A letter beyond ASCII would go on with the word.
        if index < bytes.endIndex, bytes[index] >= 0x80 { return false }
        let word = text[start..<index]
        return word != "the" && NumberWords.value(word) == nil
    }

    /// Reads `Part II`, `IV`, `12.`, `65A`, `(B) Title`, `3 The Title`, `Chapter Twenty-One`, `Book the First` as a numbered
    /// line; nil for anything else.
    static func parse(_ text: String, group: Int) -> Member? {
        // It opens with a capital, a figure or a bracket: most lines are ruled out by their first byte.
        if let lead = text.utf8.first, lead < 0x80, !(0x41...0x5A).contains(lead), !(0x30...0x39).contains(lead), lead != 0x28, lead != 0x5B {
            return nil
        }
        return startsLikeProse(text) ? nil : readNumbered(text, group: group)
    }

    /// `parse` without the shortcut for prose.
    static func readNumbered(_ text: String, group: Int) -> Member? {
        guard CharacterScan.hasAtMost(120, charactersIn: text) else { return nil }
        var rest = Substring(text)
        var mark = ""
        if let first = rest.first, first == "(" || first == "[" { mark = String(first); rest = rest.dropFirst() }
        var word = ""
        if let space = rest.firstIndex(of: " "), let first = rest.first, first.isUppercase,
           rest[..<space].allSatisfy(\.isLetter), rest[..<space].count >= 3, !TextShape.isRoman(rest[..<space]) {
            word = rest[..<space].lowercased()
            rest = rest[rest.index(after: space)...]
            // `Book the First`
            if rest.count > 4, rest.prefix(4).lowercased() == "the ", NumberWords.isNumberWord(rest.dropFirst(4).prefix(while: \.isLetter)) {
                rest = rest.dropFirst(4)
            }
        }
        var token = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard !token.isEmpty else { return nil }
        var value: Int
        var style: Style
        var repeats = false
        if let digits = Optional(token.prefix(while: \.isNumber)), !digits.isEmpty, digits.count <= 3 {
            let suffix = token.dropFirst(digits.count)
            guard suffix.isEmpty || (suffix.count == 1 && suffix.first!.isUppercase), let number = Int(digits) else { return nil }
            value = number
            style = .arabic
            repeats = !suffix.isEmpty
        } else if TextShape.isRoman(token), token.uppercased() == token, let number = TextShape.romanValue(String(token)),
                  !(mark == "(" && token.count == 1 && number >= 50) {
            // `(C)`, `(D)`, `(L)` and `(M)` are letters: no section is numbered 50 or more alone in brackets.
            value = number
            style = .roman
        } else if token.count == 1, mark == "(", let letter = token.first, letter.isUppercase, let ascii = letter.asciiValue {
            value = Int(ascii) - 64
            style = .letter
        } else if token.count >= 3, let spelled = NumberWords.value(rest.prefix { $0.isLetter || $0 == "-" }) {
            token = rest.prefix { $0.isLetter || $0 == "-" }
            value = spelled
            style = .words
        } else {
            return nil
        }
        rest = rest.dropFirst(token.count)
        if mark == "(" || mark == "[" {
            guard let close = rest.first, close == ")" || close == "]" else { return nil }
            rest = rest.dropFirst()
        } else if let close = rest.first, close == "." || close == ")" || close == ":" {
            mark = String(close)
            rest = rest.dropFirst()
        }
        let title = String(rest).trimming(" ")
        if !title.isEmpty {
            // A title follows the number after a space; it is not a sentence, nor the rest of one.
            guard rest.first == " ", let initial = title.first, initial.isUppercase || initial == "“" || initial == "\"" else { return nil }
            guard TextShape.words(title).count <= 16, HeadingPattern.match(title) != nil, TextShape.finalMark(title) != ":" else { return nil }
        }
        return Member(group: group, scheme: Scheme(word: word, style: style, mark: mark, titled: !title.isEmpty),
                      value: value, repeatsValue: repeats, title: title)
    }

    /// The members whose numbers rise by one from their neighbour in the scheme (or start again at one), with text between.
    private static func rising(_ list: [Member], groups: [LineGroup]) -> [Member] {
        guard list.count >= 2 else { return [] }
        var good = [Bool](repeating: false, count: list.count)
        for position in 1..<list.count {
            let previous = list[position - 1], member = list[position]
            let steps = member.value == previous.value + 1 || (member.value == 1 && previous.value > 1)
                || (member.value == previous.value && member.repeatsValue)
            let textBetween = (previous.group + 1..<member.group).contains { groups[$0].length >= 20 }
            if steps && textBetween {
                good[position - 1] = true
                good[position] = true
            }
        }
        return list.indices.filter { good[$0] }.map { list[$0] }
    }

    /// Members as evenly spaced as pages (the gaps between them nearly equal) are page numbers.
    private static func spacedLikePages(_ list: [Member], groups: [LineGroup]) -> Bool {
        guard list.count >= 4, !list[0].scheme.titled, list[0].scheme.word.isEmpty else { return false }
        let gaps = zip(list, list.dropFirst()).map { Double(groups[$1.group].firstLine - groups[$0.group].firstLine) }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let variance = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count)
        return mean >= 25 && variance.squareRoot() < 0.05 * mean
    }

    /// Depth of each scheme: a scheme is inside another when its members fall between that one's consecutive
    /// members more often than the other way round.
    private static func nesting(_ schemes: [Scheme: [Member]]) -> [Scheme: Int] {
        let keys = Array(schemes.keys)
        var inside: [Scheme: Set<Scheme>] = [:]
        for outer in keys {
            for inner in keys where inner != outer && !continues(schemes[inner]!, schemes[outer]!) {
                let share = between(schemes[inner]!, schemes[outer]!)
                let reverse = between(schemes[outer]!, schemes[inner]!)
                if share > reverse { inside[inner, default: []].insert(outer) }
            }
        }
        return Dictionary(uniqueKeysWithValues: keys.map { ($0, inside[$0]?.count ?? 0) })
    }

    /// The scheme's numbers go on from the other's, one more than the other's last before them (`IV Moscow`, then
    /// `5. The Guest House`): one run of divisions whose form changed, at the same depth.
    private static func continues(_ later: [Member], _ earlier: [Member]) -> Bool {
        guard let first = later.first, first.value > 1,
              let before = earlier.last(where: { $0.group < first.group }) else { return false }
        return first.value == before.value + 1
    }

    /// Share of the outer scheme's consecutive pairs that hold a member of the inner scheme between them.
    private static func between(_ inner: [Member], _ outer: [Member]) -> Double {
        guard outer.count >= 2 else { return 0 }
        let innerGroups = inner.map(\.group).sorted()
        var holding = 0
        for (first, second) in zip(outer, outer.dropFirst()) {
            let start = innerGroups.partitionPoint { $0 <= first.group }
            if start < innerGroups.count, innerGroups[start] < second.group { holding += 1 }
        }
        return Double(holding) / Double(outer.count - 1)
    }
}

extension Array {
    /// The first index whose element fails `belongs` (the array partitioned: all that belong come first).
    func partitionPoint(_ belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
