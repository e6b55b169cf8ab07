import BinderyModel

/// Applies the sidecar's `headings` and `not-headings` to the line groups. A forced heading that the
/// paragraph builder ran into a paragraph is split out to stand alone; a short group is forced whole.
struct HeadingOverrides {
    /// The groups after splitting, and which of them the sidecar makes or unmakes headings.
    struct Resolution {
        var groups: [LineGroup]
        var forced: [Int: StructureOverrides.ForcedHeading] = [:]
        var denied: Set<Int> = []
        /// Rules that picked no line, described for a diagnostic.
        var unused: [String] = []
        /// Rules refused or stopped as too slow (`RegexBudget`), described for a diagnostic.
        var stopped: [String] = []
    }

    private let headings: [(rule: StructureOverrides.ForcedHeading, test: CompiledSelector)]
    private let notHeadings: [(selector: StructureOverrides.Selector, test: CompiledSelector)]

    /// Rules whose regex does not compile are left out (the sidecar parser already reported them).
    init(_ overrides: StructureOverrides) {
        headings = overrides.headings.compactMap { rule in (try? CompiledSelector(rule.selector)).map { (rule, $0) } }
        notHeadings = overrides.notHeadings.compactMap { selector in (try? CompiledSelector(selector)).map { (selector, $0) } }
    }

    var isEmpty: Bool { headings.isEmpty && notHeadings.isEmpty }

    func resolve(_ groups: [LineGroup]) -> Resolution {
        guard !isEmpty else { return Resolution(groups: groups) }
        var resolution = Resolution(groups: [])
        var usedHeadings = Set<Int>(), usedDenials = Set<Int>()
        for group in groups {
            // A short group whose text is picked, or whose first line is and the rest reads as a subtitle, is a heading whole.
            if group.lines.count <= 3, group.length <= 140, let rule = headings.firstIndex(where: {
                $0.test.matches(group.plainText, line: group.firstLine)
                    || (Self.isSubtitle(group.lines.dropFirst()) && $0.test.matches(group.lines[0].text, line: group.firstLine))
            }) {
                usedHeadings.insert(rule)
                resolution.forced[resolution.groups.count] = headings[rule].rule
                resolution.groups.append(group)
                continue
            }
            var cuts: [(position: Int, rule: Int)] = []
            for (position, line) in group.lines.enumerated() {
                if let rule = headings.firstIndex(where: { $0.test.matches(line.text, line: line.number) }) { cuts.append((position, rule)) }
            }
            for piece in Self.split(group, at: cuts) {
                if let rule = piece.rule {
                    usedHeadings.insert(rule)
                    resolution.forced[resolution.groups.count] = headings[rule].rule
                }
                resolution.groups.append(piece.group)
            }
        }
        for (index, group) in resolution.groups.enumerated() {
            guard let denial = notHeadings.firstIndex(where: { $0.test.matches(group) }) else { continue }
            usedDenials.insert(denial)
            resolution.forced[index] = nil
            resolution.denied.insert(index)
        }
        resolution.unused = headings.indices.filter { !usedHeadings.contains($0) && !headings[$0].test.wasStopped }.map { "headings: \(headings[$0].rule.selector)" }
            + notHeadings.indices.filter { !usedDenials.contains($0) && !notHeadings[$0].test.wasStopped }.map { "not-headings: \(notHeadings[$0].selector)" }
        resolution.stopped = headings.filter(\.test.wasStopped).map { "headings: \($0.rule.selector)" }
            + notHeadings.filter(\.test.wasStopped).map { "not-headings: \($0.selector)" }
        return resolution
    }

    /// Lines under a title that continue it rather than start the text: one or two short lines without closing punctuation.
    private static func isSubtitle(_ lines: ArraySlice<SourceLine>) -> Bool {
        lines.count <= 2 && lines.allSatisfy { $0.length <= 60 && !".,;:".contains($0.text.last ?? ".") }
    }

    /// Cuts a group so that each line at a cut position stands alone; page breaks stay before their lines.
    static func split(_ group: LineGroup, at cuts: [(position: Int, rule: Int)]) -> [(group: LineGroup, rule: Int?)] {
        guard !cuts.isEmpty else { return [(group, nil)] }
        var bounds: [(range: Range<Int>, rule: Int?)] = []
        var start = 0
        for cut in cuts {
            if cut.position > start { bounds.append((start..<cut.position, nil)) }
            bounds.append((cut.position..<(cut.position + 1), cut.rule))
            start = cut.position + 1
        }
        if start < group.lines.count { bounds.append((start..<group.lines.count, nil)) }
        return bounds.map { bound in
            var piece = LineGroup(lines: Array(group.lines[bound.range]),
                                  pageBreakBefore: bound.range.lowerBound == 0 ? group.pageBreakBefore : group.pageBreaks[bound.range.lowerBound],
                                  blankBefore: bound.range.lowerBound == 0 ? group.blankBefore : 0)
            piece.blankAfter = bound.range.upperBound == group.lines.count ? group.blankAfter : 0
            for (key, pageBreak) in group.pageBreaks where key > bound.range.lowerBound && key < bound.range.upperBound {
                piece.pageBreaks[key - bound.range.lowerBound] = pageBreak
            }
            return (piece, bound.rule)
        }
    }
}
