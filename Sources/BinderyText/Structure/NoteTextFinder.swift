import BinderyModel

/// Stage 6a: finds note texts — runs of numbered paragraphs at the end of a division (`1. See …`, ` 2 Ibid.`,
/// `¹ …`, `[3] …`) — and tells them from numbered lists in the body.
struct NoteTextFinder: Sendable {
    struct Run: Sendable, Hashable {
        var groups: [Int]
        var numbers: [String]
        var bodies: [String]
        /// Unnumbered groups that continue note `key` (by position in the run).
        var continuations: [Int: [Int]] = [:]
        /// A `[Footnote n: …]` block set after its paragraph: linked to the nearest `[n]` before it.
        var isFootnoteBlock = false
    }

    static let superscripts: [Character: Character] = ["¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0"]

    /// The printed number and the text of a note paragraph, or nil.
    static func parse(_ text: String) -> (number: String, body: String)? {
        guard let number = parseNumber(text) else { return nil }
        return (number.number, String(text.dropFirst(number.bodyStart)).trimming(" \u{00A0}"))
    }

    /// `parse(group.plainText)`; the lines are joined only when the first byte may start a note number.
    static func parse(_ group: LineGroup) -> (number: String, body: String)? {
        // The joined text starts with the first line's bytes (when that line has any).
        if let lead = group.lines.first?.text.unicodeScalars.first, rulesOut(lead) { return nil }
        return parse(group.plainText)
    }

    /// A first scalar other than a digit, `[`, `(`, `*`, `†` or a superscript digit starts no note number (none of
    /// these is canonically equivalent to anything else): decided without the characters.
    static func rulesOut(_ lead: Unicode.Scalar) -> Bool {
        switch lead {
        case "0"..."9", "[", "(", "*", "†", "¹", "²", "³", "⁰", "⁴"..."⁹": false
        default: true
        }
    }

    /// The note number and where the body starts, looking only at the first characters.
    private static func parseNumber(_ text: String) -> (number: String, bodyStart: Int)? {
        if let lead = text.unicodeScalars.first, rulesOut(lead) { return nil }
        return readNumber(text)
    }

    /// `parseNumber` without the shortcut on the first scalar.
    static func readNumber(_ text: String) -> (number: String, bodyStart: Int)? {
        let characters = Array(text.prefix(12))
        guard let first = characters.first else { return nil }
        var end = 0
        if superscripts[first] != nil {
            while end < characters.count, superscripts[characters[end]] != nil { end += 1 }
            let number = String(characters[..<end].map { superscripts[$0]! })
            return end < characters.count ? (number, end) : nil
        }
        if first == "*" || first == "†" {
            let lead = characters.dropFirst().first(where: { $0 != " " && $0 != "\u{00A0}" })
            guard let lead, lead.isLetter || lead == "\"" || lead == "“" else { return nil }
            // `*December 24.*—`: a star glued to a word that another star closes opens italics (`EmphasisMarks`).
            if first == "*", characters.count > 1, characters[1] != " " {
                var count = 0
                if case .emphasis = EmphasisMarks.split(String(text.prefix(200)), mark: 0x2A, &count).first { return nil }
            }
            return (String(first), 1)
        }
        var start = 0
        if first == "[" || first == "(" { start = 1 }
        end = start
        while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
        guard end > start, end - start <= 3 else { return nil }
        let number = String(characters[start..<end])
        var rest = end
        if start == 1 { guard rest < characters.count, characters[rest] == (first == "[" ? "]" : ")") else { return nil }; rest += 1 }
        else {
            // "12.", "12)", and the OCR forms "12-" and "12 ."
            var probe = rest
            while probe < characters.count, characters[probe] == " ", probe - rest < 2 { probe += 1 }
            if probe < characters.count, [".", ")", "-"].contains(characters[probe]) { rest = probe + 1 }
        }
        guard rest < characters.count, characters[rest] == " " || characters[rest] == "\u{00A0}" else { return nil }
        guard let lead = characters[rest...].first(where: { $0 != " " && $0 != "\u{00A0}" }), !lead.isLowercase else { return nil }
        return (number, rest)
    }

    /// Runs of note paragraphs; `isHeadingLike` tells whether a group could open the next division, `isNotesTitle`
    /// whether it is a heading of notes (`Notes`, `Endnotes`), `isDivisionNumber` whether a bare number numbers a
    /// division (never the next note's number alone on its line).
    func find(_ groups: [LineGroup], isNotesTitle: (Int) -> Bool = { _ in false }, isDivisionNumber: (Int) -> Bool = { _ in false },
              isHeadingLike: (Int) -> Bool) -> [Run] {
        var runs: [Run] = []
        var index = 0
        var lastNumber = 0
        // Where the text before the next run begins: after the last run kept.
        var textStart = 0
        while index < groups.count {
            guard let first = Self.parse(groups[index]), first.number != "*", first.number != "†" else { index += 1; continue }
            var run = Run(groups: [index], numbers: [first.number], bodies: [first.body])
            var next = index + 1
            while next < groups.count {
                // The next number alone on its line, its text in the group under it (a page break between them).
                if let previous = Int(run.numbers.last!), !isDivisionNumber(next), BareNumberNotes.number(groups[next], stopless: true) == previous + 1,
                   next + 1 < groups.count, Self.parse(groups[next + 1]) == nil, !isHeadingLike(next + 1) {
                    run.groups.append(next)
                    run.numbers.append(String(previous + 1))
                    run.bodies.append("")
                    run.continuations[run.groups.count - 1] = [next + 1]
                    next += 2
                    continue
                }
                // Unnumbered groups (a dozen at most) continue a note (a page break inside it) when numbering resumes after them.
                var probe = next
                while probe < groups.count, probe < next + 12, Self.parse(groups[probe]) == nil, !isHeadingLike(probe) { probe += 1 }
                guard probe < groups.count, let item = Self.parse(groups[probe]), let value = Int(item.number),
                      let previous = Int(run.numbers.last!), value > previous, value <= previous + 3 else { break }
                for continuation in next..<probe { run.continuations[run.groups.count - 1, default: []].append(continuation) }
                run.groups.append(probe)
                run.numbers.append(item.number)
                run.bodies.append(item.body)
                next = probe + 1
            }
            // Further paragraphs of the last note, indented under it (`[3] text`, then `    more text`).
            if groups[index].lines[0].text.hasPrefix("["), groups[index].lines[0].leadingSpaces < 4 {
                while next < groups.count, !isHeadingLike(next), groups[next].lines.allSatisfy({ $0.leadingSpaces >= 4 }) {
                    run.continuations[run.groups.count - 1, default: []].append(next)
                    next += 1
                }
            }
            // The last note of a titled notes section running on over a page break to the end of its division
            // (three groups at most).
            if run.groups.count >= 2, run.groups[0] > 0, isNotesTitle(run.groups[0] - 1), next < groups.count, groups[next].pageBreakBefore != nil, !isHeadingLike(next), Self.parse(groups[next]) == nil {
                let end = (next..<min(groups.count, next + 4)).first { isHeadingLike($0) } ?? (groups.count - next <= 3 ? groups.count : nil)
                if let end {
                    run.continuations[run.groups.count - 1, default: []] += Array(next..<end)
                    next = end
                }
            }
            if isNotes(run, groups: groups, after: next, lastNumber: lastNumber, textStart: textStart, isNotesTitle: isNotesTitle, isHeadingLike: isHeadingLike) {
                runs.append(run)
                lastNumber = Int(run.numbers.last!) ?? lastNumber
                textStart = next
            }
            index = next
        }
        // A run broken by a stray line (a split number, a heading-like fragment) continues when numbering does.
        var merged: [Run] = []
        for run in runs {
            if var last = merged.last, let end = last.groups.last, run.groups[0] - end <= 4,
               let lastNumber = Int(last.numbers.last!), let firstNumber = Int(run.numbers[0]), firstNumber > lastNumber, firstNumber <= lastNumber + 3 {
                last.continuations[last.groups.count - 1, default: []] += Array((end + 1)..<run.groups[0])
                for (position, group) in run.groups.enumerated() {
                    last.continuations[last.groups.count] = run.continuations[position]
                    last.groups.append(group)
                    last.numbers.append(run.numbers[position])
                    last.bodies.append(run.bodies[position])
                }
                merged[merged.count - 1] = last
            } else {
                merged.append(run)
            }
        }
        // A document that titles its notes (`Notes` over a list from 1) keeps them there: another list from 1 is a
        // list, unless it follows notes kept (numbering that restarts per chapter in one notes section).
        let titled = merged.map { $0.numbers[0] == "1" && $0.groups[0] > 0 && isNotesTitle($0.groups[0] - 1) }
        if titled.contains(true) {
            runs = []
            for (position, run) in merged.enumerated() {
                let followsKept = runs.last.map { run.groups[0] - ($0.groups.last ?? 0) <= 4 } ?? false
                if titled[position] || run.numbers[0] != "1" || followsKept { runs.append(run) }
            }
        } else {
            runs = merged
        }
        runs += PGFootnoteBlock.runs(groups)
        runs += BareNumberNotes.runs(groups, isNotesTitle: isNotesTitle, isHeadingLike: isHeadingLike)
        // Star notes: "* text" anywhere, matched to the nearest earlier "*" marker by the linker.
        for (position, group) in groups.enumerated() {
            if let item = Self.parse(group), item.number == "*" || item.number == "†" {
                runs.append(Run(groups: [position], numbers: [item.number], bodies: [item.body]))
            }
        }
        // Runs found by different means never share groups: one that starts inside another's span is left out.
        var kept: [Run] = []
        var end = -1
        for run in runs.sorted(by: { ($0.groups[0], -$0.groups.count) < ($1.groups[0], -$1.groups.count) }) where run.groups[0] > end {
            kept.append(run)
            end = max(end, run.groups.last!, run.continuations.values.compactMap { $0.max() }.max() ?? 0)
        }
        return kept
    }

    private func isNotes(_ run: Run, groups: [LineGroup], after next: Int, lastNumber: Int, textStart: Int, isNotesTitle: (Int) -> Bool, isHeadingLike: (Int) -> Bool) -> Bool {
        // Notes close a division: a heading (or the end) follows within two short groups.
        var closes = next >= groups.count
        var probe = next
        while !closes, probe < groups.count, probe < next + 3 {
            if isHeadingLike(probe) { closes = true; break }
            probe += 1
        }
        // Numbers in brackets or parentheses (`[1]`, `(1)`), the same for the whole run.
        let bracket = groups[run.groups[0]].lines[0].text.first.flatMap { $0 == "[" || $0 == "(" ? $0 : nil }
        // Numbering that restarts at [1] (or (1)) right after the run: the next chapter's notes in the same section.
        if !closes, let bracket, next < groups.count, groups[next].lines[0].text.first == bracket, Self.parse(groups[next])?.number == "1" { closes = true }
        // Numbered from one right under a notes heading: notes, wherever the list ends (one note where a heading that
        // is no note, or the end, follows it at once).
        let closesAtOnce = next >= groups.count || (isHeadingLike(next) && Self.parse(groups[next]) == nil)
        if Int(run.numbers[0]) == 1, run.groups.count >= 2 || closesAtOnce, run.groups[0] > 0, isNotesTitle(run.groups[0] - 1) { return true }
        guard closes else { return false }
        let firstNumber = Int(run.numbers[0]) ?? 0
        // Numbered from [1] under a short title; from (1), an item's number as often, only under a title that names notes.
        if let bracket, firstNumber == 1, Self.followsNotesTitle(run.groups[0], groups),
           bracket == "[" || HeadingPattern.match(groups[run.groups[0] - 1].plainText).map({ $0.isMatter && $0.kind == .notes }) == true { return true }
        if lastNumber > 0, firstNumber == lastNumber + 1 { return true }
        if groups[run.groups[0]].plainText.first.map({ Self.superscripts[$0] != nil }) == true { return true }
        if groups[run.groups[0]].lines[0].leadingSpaces > 0 { return true }
        let cited = run.bodies.count(where: Self.looksLikeCitation)
        if cited * 4 >= run.bodies.count { return true }
        // A lone paragraph numbered as an essay's notes are (`1. All quotations …`) whose number the text before it shows
        // once as a marker is its note (a list of one item is rare; a numbered title, `5. Threats and Bribes`, is neither).
        guard run.groups.count == 1, groups[run.groups[0]].lines[0].text.hasPrefix(run.numbers[0] + ". "), !isHeadingLike(run.groups[0]) else { return false }
        let text = groups[max(textStart, run.groups[0] - Self.loneNoteReach)..<run.groups[0]]
        return Self.markerCount(of: run.numbers[0], in: text) == 1
    }

    /// How many groups before a lone note its marker is looked for in (an essay's worth).
    private static let loneNoteReach = 400

    /// How many markers of `number` stand in `text`, the groups since the last notes (`revealing.” 1 We might`).
    private static func markerCount(of number: String, in text: ArraySlice<LineGroup>) -> Int {
        let scanner = NoteMarkerScanner()
        let value = Int(number)
        return text.reduce(0) { count, group in count + scanner.scan(group.plainText).count { !$0.weak && $0.number == value } }
    }

    /// The group before a note run is a short title line standing apart (`NOTES`, `Footnotes`, `Chapter III`),
    /// or the end of an earlier run of notes.
    static func followsNotesTitle(_ first: Int, _ groups: [LineGroup]) -> Bool {
        guard first > 0 else { return false }
        let title = groups[first - 1]
        if title.lines[0].text.hasPrefix("["), parse(title) != nil { return true }
        if title.lines.first?.leadingSpaces ?? 0 >= 4, first > 1, parse(groups[first - 2]) != nil { return true }
        guard title.lines.count == 1, title.blankBefore >= 1, title.length <= 40 else { return false }
        let text = title.lines[0].text
        return text.split(separator: " ").count <= 4 && !text.hasSuffix(",") && !text.hasSuffix(";") && text.first?.isLowercase == false
    }

    private static let citationCues = ["p. ", "pp. ", "ibid", "op. cit", "loc. cit", "vol. ", "see ", "cf. ", "ed. ", "quoted in", "translated by", "published", "http"]

    /// `text.firstRange(of: pattern) != nil`, searched only when the pattern's bytes occur at all.
    private static func mentions(_ text: String, _ pattern: String) -> Bool {
        ByteSearch.mayContain(text, bytesOf: pattern) && text.firstRange(of: pattern) != nil
    }

    static func looksLikeCitation(_ text: String) -> Bool {
        let lower = " " + text.lowercased()
        for cue in Self.citationCues where Self.mentions(lower, " " + cue) || Self.mentions(lower, "(" + cue) {
            return true
        }
        // "Author, Title, 123." ends with a page number.
        let tail = text.trimming(" .")
        return tail.last?.isNumber == true && tail.contains("," as Character)
    }
}
