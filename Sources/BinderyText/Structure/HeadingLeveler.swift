import BinderyModel

/// Levels from the families found in the document: keyword families rank among themselves (Book > Part >
/// Chapter); essays (titles with bylines), web titles and front/back matter are top divisions; inside a
/// division, numbered headings are sections and unnumbered ones after them subsections, an all-caps family
/// stands over a title-case one; where one numbering runs through the book (chapters), front matter before its
/// first number is a top division beside them.
struct HeadingLeveler: Sendable {
    func assign(patterns: [HeadingPattern?], essayTitles: Set<Int>, noteRuns: [NoteTextFinder.Run], roles: inout [GroupRole], inlineBylines: [Int: String]) {
        let keywordRanks = Set(patterns.compactMap { pattern -> Int? in
            if case .keyword(let rank) = pattern?.family { return rank }
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
            if case .keyword(let rank) = pattern.family {
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
