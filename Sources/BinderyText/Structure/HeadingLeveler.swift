import BinderyModel

/// Levels from the families found in the document: keyword families rank among themselves (Book > Part >
/// Chapter), unless one starts again under each of a run of titles (a poem's parts, `Chapter I` under each story's
/// title); essays (titles with bylines), web titles and front/back matter are top divisions; inside a
/// division, numbered headings are sections and unnumbered ones after them subsections, an all-caps family
/// stands over a title-case one; where one numbering runs through the book (chapters), front matter before its
/// first number is a top division beside them.
struct HeadingLeveler: Sendable {
    func assign(patterns: [HeadingPattern?], essayTitles: Set<Int>, noteRuns: [NoteTextFinder.Run], roles: inout [GroupRole], inlineBylines: [Int: String]) {
        let nestedRanks = Self.ranksStartingAgainUnderTitles(patterns)
        let keywordRanks = Set(patterns.compactMap { pattern -> Int? in
            if case .keyword(let rank) = pattern?.family, !nestedRanks.contains(rank) { return rank }
            return nil
        }).sorted()
        let noteEnds = Set(noteRuns.filter { $0.numbers.first != "*" }.compactMap { $0.groups.last })
        var keywordLevel = 0  // level of the deepest open keyword heading
        var topKind: DivisionKind?
        var openedMatter = false  // the open top division is front or back matter
        var afterNotes = false
        var numberedStyles: [Int] = []
        var capsSeen = false
        var numberedSeen = false
        var colonChildStyle: Int?  // numbering style of the children of a "Main arguments:" heading
        var previousHeadingWasColon = false
        let numberedChapters = Self.numberingRunsThrough(patterns)
        let hasTopMarkers = !essayTitles.isEmpty || patterns.contains { $0?.widowProtected == true }
        for index in patterns.indices {
            if noteEnds.contains(index) { afterNotes = true }
            guard let pattern = patterns[index] else {
                if case .paragraph = roles[index] { previousHeadingWasColon = false }
                continue
            }
            var level: Int
            var kind = pattern.kind
            var top = false
            if case .keyword(let rank) = pattern.family, nestedRanks.contains(rank) {
                // Sections of the title above (itself a level under an open named division), as numbered ones are.
                level = keywordLevel > 0 ? keywordLevel + 2 : 2
            } else if case .keyword(let rank) = pattern.family {
                level = (keywordRanks.firstIndex(of: rank) ?? 0) + 1
                keywordLevel = level
                kind = rank <= 2 ? .part : .chapter
            } else if keywordLevel > 0 {
                level = keywordLevel + 1
            } else if essayTitles.contains(index) || pattern.widowProtected || afterNotes
                        || (pattern.isMatter && pattern.kind.isBackMatter && pattern.kind != .bibliography)
                        || (pattern.isMatter && !pattern.kind.isBackMatter && (topKind == nil || openedMatter || !keywordRanks.isEmpty || (numberedChapters && !numberedSeen)))
                        || (!hasTopMarkers && index == patterns.firstIndex(where: { $0 != nil })) || (topKind?.isBackMatter == true && pattern.family == .plain) {
                level = 1
                top = true
            } else if !hasTopMarkers && !pattern.isMatter && (topKind == nil || openedMatter || pattern.family == .plain) {
                level = 1
                top = true
            } else {
                switch pattern.family {
                case .numbered(let style):
                    if previousHeadingWasColon || colonChildStyle == style {
                        level = 3
                        colonChildStyle = style
                    } else if let first = numberedStyles.first, first != style {
                        level = 3
                    } else {
                        level = 2
                        if numberedStyles.isEmpty { numberedStyles.append(style) }
                    }
                case .allCaps:
                    level = 2
                    capsSeen = true
                    colonChildStyle = nil
                default:
                    level = (!numberedStyles.isEmpty || capsSeen) ? 3 : 2
                }
            }
            if top {
                openedMatter = pattern.isMatter
                topKind = pattern.isMatter ? pattern.kind : .chapter
                if pattern.isMatter { kind = pattern.kind } else { kind = .chapter }
                numberedStyles = []
                capsSeen = false
                colonChildStyle = nil
                afterNotes = false
            }
            previousHeadingWasColon = pattern.endsWithColon
            if case .numbered = pattern.family { numberedSeen = true }
            roles[index] = .heading(level: level, kind: kind, text: pattern.text)
        }
    }

    /// Keyword ranks whose numbering starts again (its first number printed twice or more), each time right under an
    /// unnumbered title not in capitals that is no front or back matter: the titles hold them (`Insensibility` / `Chapter I`
    /// … `Chapter VI`, `Exposure` / `Chapter I`).
    static func ranksStartingAgainUnderTitles(_ patterns: [HeadingPattern?]) -> Set<Int> {
        var firstNumber: [Int: Substring] = [:], starts: [Int: Int] = [:], startsUnderTitles: [Int: Int] = [:]
        var previous: HeadingPattern?
        for pattern in patterns {
            guard let pattern else { continue }
            defer { previous = pattern }
            guard case .keyword(let rank) = pattern.family else { continue }
            // The number after the word (and its article: `Book the First`), without its mark.
            let words = TextShape.words(pattern.text).dropFirst().drop { TextShape.lowercased($0) == "the" }
            guard let number = words.first else { continue }
            if firstNumber[rank] == nil { firstNumber[rank] = number }
            guard firstNumber[rank] == number else { continue }
            starts[rank, default: 0] += 1
            if let previous, !previous.isMatter, previous.family == .plain { startsUnderTitles[rank, default: 0] += 1 }
        }
        return Set(starts.filter { $0.value >= 2 && startsUnderTitles[$0.key] == $0.value }.keys)
    }

    /// The first numbering style heads three or more headings, never starts again (no number printed twice) and holds
    /// sections of its own: unnumbered titles stand between its numbers twice or more (chapters; an essay's numbered
    /// sections hold none).
    static func numberingRunsThrough(_ patterns: [HeadingPattern?]) -> Bool {
        let numbered = patterns.indices.compactMap { index -> (index: Int, style: Int, number: Substring)? in
            guard let pattern = patterns[index], case .numbered(let style) = pattern.family else { return nil }
            return (index, style, pattern.text.split(separator: " ").first ?? "")
        }
        guard let style = numbered.first?.style else { return false }
        let members = numbered.filter { $0.style == style }
        guard members.count >= 3, Set(members.map(\.number)).count == members.count, let first = members.first, let last = members.last else { return false }
        let sections = patterns[first.index...last.index].count { pattern in
            guard let pattern, !pattern.isMatter else { return false }
            if case .numbered = pattern.family { return false }
            return true
        }
        return sections >= 2
    }
}
