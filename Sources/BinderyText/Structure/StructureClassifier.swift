import BinderyModel

/// Stages 5–7: gives every group of lines its role — heading (with level and kind), byline, note text,
/// list item, scene break, table of contents, index, title page — or leaves it a paragraph.
struct StructureClassifier: Sendable {
    var profile: LayoutProfile
    /// Groups the sidecar makes headings, whatever inference says.
    var forced: [Int: StructureOverrides.ForcedHeading] = [:]
    /// Groups the sidecar says are not headings.
    var denied: Set<Int> = []

    struct Result: Sendable {
        var roles: [GroupRole]
        var noteRuns: [NoteTextFinder.Run]
        /// The title page's lines above its first credit: the title, then any subtitle.
        var titleLines: [String] = []
        /// The people the title page credits, with their roles.
        var credits: [Contributor] = []
        /// The title page's lines under its credits: place, publisher, year.
        var imprint: [String] = []
        /// The names of essays' bylines, by the first line of the title they stand under (or in).
        var bylines: [Int: String] = [:]
        var diagnostics: [Diagnostic] = []
        /// Groups whose role the sidecar decided (a forced heading, or a heading it denied).
        var bySidecar: Set<Int> = []
    }

    func classify(_ groups: [LineGroup]) -> Result {
        var roles = [GroupRole](repeating: .paragraph(classes: []), count: groups.count)
        var patterns = [HeadingPattern?](repeating: nil, count: groups.count)
        var inlineBylines: [Int: String] = [:]
        var diagnostics: [Diagnostic] = []
        let schemes = NumberingSchemes(groups)
        let play = SpeakerLabels.classes(groups)
        for (index, group) in groups.enumerated() where forced[index] == nil {
            if let part = play[index] {
                // A play's speaker labels, speeches and stage directions are never headings.
                roles[index] = .paragraph(classes: [part])
                continue
            }
            if group.lines.first?.text.hasPrefix("[I") == true, Illustration.caption(group.plainText) != nil {
                roles[index] = .paragraph(classes: ["illustration"])
                continue
            }
            if group.lines.count == 1, SceneBreak.matches(group.plainText) {
                roles[index] = .sceneBreak
                continue
            }
            if let (pattern, byline) = candidate(group) {
                // A postal address (`AK Press` / `33 Tower St.`) is no title, unless it opens with a division's word.
                let keyword = if case .keyword = pattern.family { true } else { false }
                if !keyword, PostalAddress.matches(group.lines[...], measure: profile.measure) { continue }
                patterns[index] = pattern
                if let byline { inlineBylines[index] = byline }
            } else if let member = schemes.members[index] {
                patterns[index] = Self.pattern(for: member, text: group.plainText)
            }
        }
        let divisionsAcrossNotes = releaseNoteNumbers(groups, schemes: schemes, patterns: &patterns)
        keepPhrasesInTitles(groups, patterns: &patterns, inlineBylines: &inlineBylines)
        var bySidecar: Set<Int> = Set(forced.keys)
        for index in denied where patterns[index] != nil {
            patterns[index] = nil
            inlineBylines[index] = nil
            bySidecar.insert(index)
        }
        // Note texts before headings: a numbered note is never a heading.
        let runs = NoteTextFinder().find(groups, isNotesTitle: { patterns[$0]?.isMatter == true && patterns[$0]?.kind == .notes },
                                         isDivisionNumber: { divisionsAcrossNotes.contains($0) }) {
            patterns[$0] != nil || roles[$0] == .sceneBreak || forced[$0] != nil
        }
        for run in runs {
            for (position, group) in run.groups.enumerated() {
                roles[group] = .noteText(number: run.numbers[position], body: run.bodies[position])
                patterns[group] = nil
                for continuation in run.continuations[position] ?? [] {
                    roles[continuation] = .noteText(number: run.numbers[position], body: "")
                    patterns[continuation] = nil
                }
            }
        }
        var result = Result(roles: roles, noteRuns: runs)
        let titleEnd = titlePage(groups, patterns: patterns, result: &result)
        for index in 0..<titleEnd { patterns[index] = nil }
        roles = result.roles
        offerTitles(groups, schemes: schemes, patterns: &patterns, roles: roles)
        mergeSplitHeadings(groups, patterns: &patterns, roles: &roles)
        let lowerCase = LowerCaseUsage(groups)
        mergeWrappedTitles(groups, patterns: &patterns, roles: &roles, lowerCase: lowerCase)
        dropUnsupportedCandidates(groups, schemes: schemes, patterns: &patterns, roles: roles)
        // Bylines: a name right under a title makes the title an essay's (a top division); a member of one of the
        // book's numbering schemes (`Scene I` under `Act I`) is a heading, not a name.
        var essayTitles: Set<Int> = Set(inlineBylines.keys)
        var knownBylines: Set<String> = Set(inlineBylines.values)
        var bylines = Dictionary(inlineBylines.map { (groups[$0.key].firstLine, $0.value) }, uniquingKeysWith: { first, _ in first })
        var candidateCounts: [String: Int] = [:]
        for pattern in patterns { if let pattern { candidateCounts[Self.key(pattern.text), default: 0] += 1 } }
        for index in groups.indices where patterns[index] != nil && inlineBylines[index] == nil {
            guard let next = nextContent(after: index, roles), patterns[index]?.family != .numbered(style: 1) else { continue }
            if [.contents, .index].contains(patterns[index]!.kind) && patterns[index]!.isMatter { continue }
            if patterns[index]!.text.last?.isNumber == true { continue }
            // A title-cased phrase the text also writes in lower case is no one's name.
            if groups[next].lines.count == 1, let name = Byline.name(groups[next].plainText), !lowerCase.writesInLowerCase(phrase: name),
               patterns[next]?.isMatter != true, schemes.members[next] == nil, case .plain = patterns[index]!.family {
                // "The Second Essay" then "Paul Mattick": the weaker name is a title, the stronger one its byline.
                if candidateCounts[Self.key(patterns[index]!.text), default: 0] > 1 { continue }
                if Byline.isWeak(name), let after = nextContent(after: next, roles), groups[after].lines.count == 1,
                   let other = Byline.name(groups[after].plainText), !Byline.isWeak(other) { continue }
                roles[next] = .byline(name: name, text: Byline.correctingOCR(groups[next].plainText))
                patterns[next] = nil
                essayTitles.insert(index)
                knownBylines.insert(name)
                bylines[groups[index].firstLine] = name
            }
        }
        for index in groups.indices where patterns[index] != nil {
            // A signature repeating a byline closes an essay; it is not a heading.
            if let name = Byline.name(groups[index].plainText), knownBylines.contains(name) {
                patterns[index] = nil
                roles[index] = .paragraph(classes: ["signature"])
            }
        }
        // Where divisions are named (Book, Part, Chapter), unnamed short lines are not divisions, except front and
        // back matter, titles with bylines and lines set apart by more blank lines than paragraphs (sections).
        let named = patterns.count { if case .keyword = $0?.family { true } else { false } }
        if named >= 3 {
            let paragraphGap = Self.paragraphGap(groups, patterns: patterns)
            for index in groups.indices {
                guard let pattern = patterns[index], !pattern.isMatter, !essayTitles.contains(index), !pattern.widowProtected,
                      schemes.members[index] == nil else { continue }
                if case .keyword = pattern.family { continue }
                if let paragraphGap, groups[index].blankBefore > paragraphGap, groups[index].blankAfter > paragraphGap { continue }
                patterns[index] = nil
            }
        }
        // A numbered line among numbered paragraphs is a list item, not a heading.
        for index in groups.indices {
            guard let pattern = patterns[index], case .numbered = pattern.family, !pattern.bareNumber, schemes.members[index] == nil else { continue }
            let neighbours = [index - 1, index + 1].filter { groups.indices.contains($0) && patterns[$0] == nil }
            if neighbours.contains(where: { ListMarker.parse(groups[$0])?.ordered == true }) { patterns[index] = nil }
        }
        markContentsAndIndexes(groups, patterns: &patterns, roles: &roles, essayTitles: essayTitles)
        // Lists: consecutive numbered or bulleted items in the body.
        for index in groups.indices where patterns[index] == nil {
            guard case .paragraph(let classes) = roles[index], classes.isEmpty, let marker = ListMarker.parse(groups[index]) else { continue }
            let neighbours = [index - 1, index + 1].filter { groups.indices.contains($0) && patterns[$0] == nil }
            if neighbours.contains(where: { ListMarker.parse(groups[$0])?.ordered == marker.ordered }) {
                roles[index] = .listItem(ordered: marker.ordered, body: marker.rest)
            }
        }
        HeadingLeveler().assign(patterns: patterns, essayTitles: essayTitles, noteRuns: runs, roles: &roles, inlineBylines: inlineBylines)
        levelNestedSchemes(schemes, roles: &roles, patterns: patterns)
        keepNotesOffDivisions(&roles)
        for (index, name) in inlineBylines.sorted(by: { $0.key < $1.key }) where roles[index].isHeading {
            diagnostics.append(Diagnostic(.info, code: "heading.byline", "byline “\(name)” taken out of the heading", line: groups[index].firstLine))
        }
        // A line merged into a title that later stopped being a heading (an index letter) is text again; the owner of a
        // run of merged lines is the group before the run.
        for index in groups.indices where roles[index] == .absorbed {
            var owner = index - 1
            while owner >= 0, roles[owner] == .absorbed { owner -= 1 }
            guard owner < 0 || !roles[owner].isHeading else { continue }
            if owner >= 0, case .paragraph(let classes) = roles[owner] { roles[index] = .paragraph(classes: classes) } else { roles[index] = .paragraph(classes: []) }
        }
        for (index, rule) in forced { roles[index] = forcedRole(groups[index], rule) }
        for index in groups.indices {
            // A heading whose `Ill` or `Il` was read as the roman numeral it stands for: a correction, recorded.
            guard case .heading(_, _, let text) = roles[index], let first = groups[index].lines.first?.text.trimming(" "),
                  first.hasPrefix("Il"), HeadingPattern.fixingRomanOCR(first) != first, text.hasPrefix(HeadingPattern.fixingRomanOCR(first).prefix(3)) else { continue }
            let wrong = first.prefix { $0 != " " && $0 != "." }, right = HeadingPattern.fixingRomanOCR(String(wrong))
            diagnostics.append(Diagnostic(.info, code: "heading.numeral-corrected", "“\(wrong)” at the head of a heading read as the roman numeral \(right)",
                                          line: groups[index].firstLine))
        }
        result.roles = roles
        result.bySidecar = bySidecar
        result.diagnostics += diagnostics
        result.bylines = bylines
        return result
    }

    /// A notes heading over its notes, then divisions deeper than it, would hold them as its notes: it goes down to
    /// their level (a notes heading over subheadings of its own keeps them).
    private func keepNotesOffDivisions(_ roles: inout [GroupRole]) {
        var nextLevel = Int.max
        for index in roles.indices.reversed() {
            guard case .heading(var level, let kind, let text) = roles[index] else { continue }
            if kind == .notes, nextLevel != .max, nextLevel > level, index + 1 < roles.count, case .noteText = roles[index + 1] {
                level = nextLevel
                roles[index] = .heading(level: level, kind: kind, text: text)
            }
            nextLevel = level
        }
    }

    /// One line wider than the document wraps its paragraphs, set apart by blank lines: the document left it
    /// unwrapped, as it leaves titles (`Effects of Habit …; Correlated Variation; Inheritance`).
    private func isUnwrappedTitle(_ group: LineGroup) -> Bool {
        guard group.lines.count == 1, let line = group.lines.first, line.leadingSpaces == 0,
              line.length * 10 > profile.measure * 11, line.length <= 300, group.blankBefore >= 2 || group.firstLine == 1 else { return false }
        // Where paragraphs run on without blank lines, blank lines on both sides set it apart.
        switch profile.layout {
        case .blankLineSeparated: return group.blankAfter >= 1
        case .hardWrapped: return group.blankAfter >= 2
        default: return false
        }
    }

    /// A long title the page wrapped, in text that runs on without blank lines: two flush lines set apart above,
    /// ending no sentence, the first half the measure at least (an address's lines are short), the second the shorter (`Effects of Habit …; Correlated Variation;` / `Inheritance`). It is
    /// matched as an unwrapped title is (semicolons allowed, title-cased); `candidate` checks its lines fall short of the measure.
    private func isWrappedTitle(_ group: LineGroup) -> Bool {
        guard profile.layout == .hardWrapped, group.lines.count == 2, group.blankBefore >= 1 || group.pageBreakBefore != nil,
              group.lines[0].length * 2 >= profile.measure else { return false }
        return group.lines.allSatisfy { $0.leadingSpaces == 0 && !$0.endsSentence } && group.lines[1].length < group.lines[0].length
    }

    /// A heading pattern for a group, with a byline cut off it when it carries one.
    private func candidate(_ group: LineGroup) -> (HeadingPattern, String?)? {
        guard group.lines.count <= 3 else { return nil }
        // A gap of three spaces inside a line is a column gap (a table row, a speaker beside a speech), not a title.
        if group.lines.contains(where: { ByteSearch.mayContainColumnGap($0.text) && $0.text.contains("   ") }) { return nil }
        // Where paragraphs run on without blank lines, a title stands apart; in the run only a named division does.
        let apart = group.blankBefore >= 1 || group.blankAfter >= 1 || group.pageBreakBefore != nil
        let runsOn = profile.layout == .hardWrapped || profile.layout == .doubleSpaced
        if runsOn, !apart, !HeadingPattern.opensWithKeyword(group.lines[0].text) { return nil }
        var text = group.plainText
        var byline: String?
        if group.lines.count >= 2, let name = Byline.name(group.lines.last!.text, requirePrefix: true) {
            text = group.lines.dropLast().map(\.text).joined(separator: " ").trimming(" ,")
            byline = name
        } else if let split = Byline.split(text) {
            text = split.title
            byline = split.name
        }
        if group.lines.contains(where: ParagraphBuilder.isStrayURL) {
            text = group.lines.filter { !ParagraphBuilder.isStrayURL($0) }.map(\.text).joined(separator: " ")
        }
        if profile.layout == .linePerParagraph {
            // Every line is a paragraph; a title stands between blank lines.
            guard (group.blankBefore >= 1 || group.firstLine == 1) && group.blankAfter >= 1 else { return nil }
        }
        let short = CharacterScan.hasAtMost(140, charactersIn: text)
        guard var pattern = (short ? HeadingPattern.match(text) ?? (byline != nil ? HeadingPattern.match(text.trimming(".")) : nil) : nil)
                ?? (isUnwrappedTitle(group) || isWrappedTitle(group) ? HeadingPattern.matchUnwrapped(text) : nil)
        else { return nil }
        pattern.text = pattern.text == text.trimming(".") ? text : pattern.text
        if text.hasSuffix("*") { pattern.text = String(text.dropLast()) }
        if case .keyword = pattern.family { return (pattern, byline) }
        // A line set in as far as the document sets in its paragraphs, with no more than a blank line over it, opens
        // a paragraph (`    Eliza resumed:` before a quotation), not a title.
        if profile.indentMark, !pattern.isMatter, group.lines[0].leadingSpaces == profile.paragraphIndent, group.blankBefore < 2,
           group.pageBreakBefore == nil { return nil }
        if pattern.isMatter { return !runsOn || apart ? (pattern, byline) : nil }
        if group.lines.count > 2 { return nil }
        if runsOn {
            // Its lines fall short of the measure (a wide title wraps early: it is set larger), unless blank lines set
            // it apart on both sides as they set no paragraph.
            let wide = group.blankBefore >= 2 && group.blankAfter >= 2
            guard apart, group.lines.allSatisfy({ $0.length * 10 <= profile.measure * 9 }) || byline != nil || wide else { return nil }
        }
        return (pattern, byline)
    }

    /// `Extinction Caused by Natural Selection`: a "name" after `by` that the running text writes in lower case
    /// is a phrase, not an author; the whole line is the title.
    private func keepPhrasesInTitles(_ groups: [LineGroup], patterns: inout [HeadingPattern?], inlineBylines: inout [Int: String]) {
        guard !inlineBylines.isEmpty else { return }
        let names = Set(inlineBylines.values.map { $0.lowercased() })
        var written: Set<String> = []
        for group in groups where group.lines.count >= 2 && written.count < names.count {
            let text = group.plainText
            for name in names where !written.contains(name) && ByteSearch.mayContain(text, bytesOf: name) && text.contains(name) { written.insert(name) }
        }
        for (index, name) in inlineBylines where written.contains(name.lowercased()) {
            let text = groups[index].plainText
            guard var whole = HeadingPattern.match(text) else { continue }
            whole.text = text
            patterns[index] = whole
            inlineBylines[index] = nil
        }
    }

    /// The heading a sidecar rule makes of a group; its kind from the rule, else from the words, else by level.
    private func forcedRole(_ group: LineGroup, _ rule: StructureOverrides.ForcedHeading) -> GroupRole {
        let text = group.lines.filter { !ParagraphBuilder.isStrayURL($0) }.map(\.text).joined(separator: " ")
        return .heading(level: rule.level, kind: rule.kind ?? Self.divisionKind(of: text, level: rule.level), text: text)
    }

    /// The kind of division a heading given from outside the text's numbering opens: its keyword's or its matter's, else
    /// a chapter at level 1 and a section below.
    static func divisionKind(of text: String, level: Int) -> DivisionKind {
        if let pattern = HeadingPattern.match(text) {
            if case .keyword(let rank) = pattern.family { return rank <= 2 ? .part : .chapter }
            if pattern.isMatter { return pattern.kind }
        }
        return level == 1 ? .chapter : .section
    }

    /// The next group that is not absorbed.
    func nextContent(after index: Int, _ roles: [GroupRole]) -> Int? {
        var next = index + 1
        while next < roles.count, roles[next] == .absorbed { next += 1 }
        return next < roles.count ? next : nil
    }

    /// Letters and digits only, without a trailing page number ("The Start ..... 12" → "thestart").
    static func key(_ text: String) -> String {
        if let key = asciiKey(text) { return key }
        var characters = Array(text.lowercased())
        while let last = characters.last, last.isNumber || last == "." || last == " " || last == "\u{00A0}" {
            guard characters.contains(where: \.isLetter) else { break }
            characters.removeLast()
        }
        return String(characters.filter { $0.isLetter || $0.isNumber })
    }

    /// `key` of ASCII text, on its bytes (ASCII letters and digits are the only ASCII characters that are
    /// letters or numbers); nil for other text.
    private static func asciiKey(_ text: String) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func isLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        // Only digits, periods and spaces go, so whether a letter is left does not change.
        if bytes.contains(where: isLetter) {
            while let last = bytes.last, isDigit(last) || last == 0x2E || last == 0x20 { bytes.removeLast() }
        }
        return String(decoding: bytes.filter { isLetter($0) || isDigit($0) }, as: UTF8.self)
    }
}
