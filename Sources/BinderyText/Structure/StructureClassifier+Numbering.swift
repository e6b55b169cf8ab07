import BinderyModel

/// Headings numbered by the book's own schemes (`NumberingSchemes`): found wherever they stand, titled from the
/// short line under a bare number, and levelled by how the schemes nest.
extension StructureClassifier {
    /// The heading pattern of a scheme member that inference did not make a candidate.
    static func pattern(for member: NumberingSchemes.Member, text: String) -> HeadingPattern {
        let style = switch member.scheme.style { case .roman: 1; case .arabic: 2; case .letter: 3; case .words: 4 }
        return HeadingPattern(family: .numbered(style: style), kind: .section, text: text, isMatter: false, widowProtected: false,
                              bareNumber: !member.scheme.titled, endsWithColon: false, open: false)
    }

    /// Bare numbers in a notes section (after a notes heading such as `Notes` or `Endnotes`, up to the next division's
    /// title) number notes, not divisions, except those that go on from the divisions before with no note numbered
    /// between (`27`, notes `1.`–`3.`, then `28`). Returns those, which no note run may take for a note number either.
    func releaseNoteNumbers(_ groups: [LineGroup], schemes: NumberingSchemes, patterns: inout [HeadingPattern?]) -> Set<Int> {
        guard patterns.contains(where: { $0?.isMatter == true && $0?.kind == .notes }) else { return [] }
        let inNotes = notesSections(groups, schemes: schemes, patterns: patterns)
        var goingOn: Set<Int> = []
        for (scheme, run) in schemes.runs where scheme.word.isEmpty {
            var lastDivision: Int?, noteSince = false
            for member in run where member.title.isEmpty {
                if !inNotes[member.group] {
                    lastDivision = member.value
                    noteSince = false
                } else if let division = lastDivision, !noteSince, member.follows(division) {
                    lastDivision = member.value
                    goingOn.insert(member.group)
                } else {
                    noteSince = true
                    patterns[member.group] = nil
                }
            }
        }
        return goingOn
    }

    /// Whether each group stands in a notes section: from a notes heading to the next division's title, one the body
    /// has not had (endnotes repeat the body's titles over their groups, `CHAPTER 1` or `The Voyage`): a named division
    /// whose number goes on from the body's last (`CHAPTER II` after `CHAPTER I`'s notes), new matter, or a new title set
    /// apart by more blank lines than the document's paragraphs that names no notes (`Notes to Chapter I` does).
    private func notesSections(_ groups: [LineGroup], schemes: NumberingSchemes, patterns: [HeadingPattern?]) -> [Bool] {
        let paragraphGap = Self.paragraphGap(groups, patterns: patterns) ?? 1
        var inNotes = false
        var titles: Set<String> = [], lastNamed: [NumberingSchemes.Scheme: Int] = [:]
        return groups.indices.map { index in
            guard let pattern = patterns[index] else { return inNotes }
            let member = schemes.members[index]
            let key = Self.key(pattern.text)
            if pattern.isMatter && pattern.kind == .notes {
                inNotes = true
            } else if !inNotes {
                // Outside notes, nothing to end.
            } else if case .keyword = pattern.family {
                if let member, let last = lastNamed[member.scheme], member.follows(last) { inNotes = false }
            } else if pattern.isMatter || pattern.family == .plain || pattern.family == .allCaps, !titles.contains(key),
                      pattern.isMatter || groups[index].blankBefore >= 2 && groups[index].blankBefore > paragraphGap,
                      !Self.namesNotes(pattern.text) {
                inNotes = false
            }
            if !inNotes {
                titles.insert(key)
                if let member, !member.scheme.word.isEmpty { lastNamed[member.scheme] = member.value }
            }
            return inNotes
        }
    }

    /// A title that opens with a notes section's name (`Notes to Chapter I`, `Endnotes for Part Two`).
    static func namesNotes(_ text: String) -> Bool {
        let first = TextShape.words(text).first.map { TextShape.lowercased($0) } ?? ""
        return HeadingPattern.matter[first] == .notes
    }

    /// Offers the title under a bare numbered member to `mergeSplitHeadings`, where half its scheme's members
    /// have one or it is title-cased (a poem's numbered parts open on verse lines that could pass for titles).
    func offerTitles(_ groups: [LineGroup], schemes: NumberingSchemes, patterns: inout [HeadingPattern?], roles: [GroupRole]) {
        var titles: [NumberingSchemes.Scheme: [(Int, HeadingPattern)]] = [:]
        var bare: [NumberingSchemes.Scheme: Int] = [:]
        var titled: [NumberingSchemes.Scheme: Int] = [:]  // members whose title is a candidate already
        for (index, member) in schemes.members where !member.scheme.titled && patterns[index] != nil && index + 1 < groups.count {
            bare[member.scheme, default: 0] += 1
            let next = groups[index + 1]
            // One short line, or a wide one with the rest centred under it, or one title-cased line as wide as the text's
            // (the paragraph builder ended it there); a centred line may be long and end with a full stop (`Swarms of
            // Butterflies, Dragonflies, etc.`).
            let centred = next.lines[0].leadingSpaces >= 6
            if patterns[index + 1] != nil, schemes.members[index + 1] == nil { titled[member.scheme, default: 0] += 1 }
            guard patterns[index + 1] == nil, schemes.members[index + 1] == nil, roles[index + 1] == .paragraph(classes: []),
                  let text = next.titleText, next.lines.count == 2 || centred || isTitleCasedLine(next) || next.length * 4 <= profile.measure * 3,
                  let last = next.lines.last, !last.endsSentence || last.text.last == "?" || centred,
                  var title = HeadingPattern.match(text, underNumber: true) ?? (centred ? HeadingPattern.match(text.trimming("."), underNumber: true) : nil),
                  title.family == .plain || title.family == .allCaps else { continue }
            title.text = text
            titles[member.scheme, default: []].append((index + 1, title))
        }
        for (scheme, offered) in titles {
            let usual = (offered.count + titled[scheme, default: 0]) * 2 >= bare[scheme, default: 0]
            for (index, title) in offered where usual || Self.isTitleCased(title.text) { patterns[index] = title }
        }
    }

    /// One title-cased line up to the measure: a number's title that the paragraph builder ended under it, however wide.
    func isTitleCasedLine(_ group: LineGroup) -> Bool {
        group.lines.count == 1 && group.length <= profile.measure && TextShape.titleCaseRatio(group.lines[0].text) >= 0.8
    }

    /// Two words or more, every significant one capitalised (`Seven Apophthegms for Women`).
    static func isTitleCased(_ text: String) -> Bool {
        TextShape.words(text).count >= 2 && TextShape.titleCaseRatio(text) == 1
    }

    /// Members of unnamed schemes take the level of the outermost one's highest member plus their scheme's depth.
    /// Numbered divisions that follow front matter (a Preface, an Introduction) stand beside it, not under it: they
    /// and the unnumbered headings after them move up to its level.
    func levelNestedSchemes(_ schemes: NumberingSchemes, roles: inout [GroupRole], patterns: [HeadingPattern?]) {
        var base = Int.max
        for index in schemes.depth.keys { if case .heading(let level, _, _) = roles[index] { base = min(base, level) } }
        guard base != .max, let first = schemes.depth.keys.filter({ roles[$0].isHeading }).min() else { return }
        var delta = 0
        if let parent = (0..<first).last(where: { if case .heading(let level, _, _) = roles[$0] { level < base } else { false } }),
           case .heading(let level, _, _) = roles[parent], patterns[parent]?.isMatter == true {
            delta = base - level
        }
        for index in first..<roles.count where schemes.depth[index] == nil && delta > 0 {
            guard case .heading(let level, let kind, let text) = roles[index], level > base, patterns[index]?.isMatter != true else { continue }
            roles[index] = .heading(level: level - delta, kind: kind, text: text)
        }
        // Numbering that starts again inside back matter (an appendix's own sections) goes under that heading; back
        // matter the numbering goes on across (a section's notes) is no end of the body.
        let backMatter = patterns.indices.first {
            patterns[$0]?.isMatter == true && patterns[$0]?.kind.isBackMatter == true && !schemes.goesOn(across: $0)
        } ?? roles.count
        var backMatterLevel = 1
        if backMatter < roles.count, case .heading(let level, _, _) = roles[backMatter] { backMatterLevel = level }
        for (index, depth) in schemes.depth {
            guard case .heading(let was, let kind, let text) = roles[index] else { continue }
            let level = index > backMatter ? backMatterLevel + 1 + depth : base - delta + depth
            roles[index] = .heading(level: level, kind: level == was || kind == .part ? kind : level == 1 ? .chapter : .section, text: text)
        }
        // Unnumbered titles after the first member of a numbering that runs through the book without starting
        // again are its sections, up to the back matter (where numbering starts again under each title, the
        // titles are the divisions).
        let outer = schemes.depth.filter { $0.value == 0 && roles[$0.key].isHeading }.keys.sorted()
        let values = outer.compactMap { schemes.members[$0]?.value }
        guard outer.count >= 3, outer[0] < backMatter, zip(values, values.dropFirst()).allSatisfy({ $1 > $0 }) else { return }
        for index in outer[0] + 1..<backMatter where schemes.depth[index] == nil {
            guard case .heading(let level, _, let text) = roles[index], let pattern = patterns[index], !pattern.isMatter,
                  pattern.family == .plain || pattern.family == .allCaps, level <= base - delta else { continue }
            roles[index] = .heading(level: base - delta + 1, kind: .section, text: text)
        }
    }
}
