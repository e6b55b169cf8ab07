/// Stage 3c: puts back together the lines of a stanza or a play's speech that the paragraph builder split
/// at short lines: adjacent groups (no blank line between) indented beyond the prose indent, or under a
/// speaker label; and a wrapped paragraph split before a line that begins with a number. Whether they are
/// verse or a quotation is decided later, from the lines.
struct StanzaJoiner: Sendable {
    var profile: LayoutProfile
    /// Whether an indent sets lines apart (`LineShape.indentsSetApart`).
    var indentsSetApart: Bool

    func join(_ built: [LineGroup]) -> [LineGroup] {
        let proseIndent = Self.proseIndent(built)
        let groups = indentsSetApart ? built.flatMap { split($0, proseIndent: proseIndent) } : built
        guard groups.count > 1 else { return groups }
        let labels = SpeakerLabels.find(groups)
        var result: [LineGroup] = []
        var underLabel = false
        for (index, group) in groups.enumerated() {
            defer { if labels.contains(index) { underLabel = true } else if group.blankBefore > 0 { underLabel = false } }
            guard var last = result.last, group.blankBefore == 0, group.pageBreakBefore == nil, !labels.contains(index)
            else { result.append(group); continue }
            // (An item of a list set in is no stanza's line.)
            let indented = indentsSetApart && [last, group].allSatisfy { $0.lines.allSatisfy { $0.leadingSpaces >= proseIndent + 2 } }
                && ListMarker.parse(group.lines[0].text) == nil
            // A label alone in its group stays apart from its speech; the speech's own pieces join.
            let speech = underLabel && (!labels.contains(index - 1) || groups[index - 1].lines.count > 1)
            // Where paragraphs stand between blank lines, a full line runs on into the next, even when that
            // begins with a number (`vol. iii, p.` then `322. London`) and so looked like a list item.
            let runsOn = profile.layout == .blankLineSeparated && group.lines[0].text.first?.isNumber == true
                && last.lines[last.lines.count - 1].length * 10 >= profile.measure * 9 && ListMarker.parse(last.lines[0].text) == nil
            guard indented || speech || runsOn else { result.append(group); continue }
            for (key, pageBreak) in group.pageBreaks { last.pageBreaks[key + last.lines.count] = pageBreak }
            last.lines += group.lines
            last.blankAfter = group.blankAfter
            result[result.count - 1] = last
        }
        return result
    }

    /// A group the paragraph builder ran on over a blank line (a sentence going on into a quotation, `that,`
    /// then `    “from the point of view …`) parts there when the indent changes between prose and indented.
    func split(_ group: LineGroup, proseIndent: Int) -> [LineGroup] {
        var parts: [LineGroup] = []
        var current = group
        current.lines = []
        current.pageBreaks = [:]
        for (position, line) in group.lines.enumerated() {
            if let previous = current.lines.last, line.number > previous.number + 1, group.pageBreaks[position] == nil,
               (previous.leadingSpaces >= proseIndent + 2) != (line.leadingSpaces >= proseIndent + 2) {
                current.blankAfter = line.number - previous.number - 1
                parts.append(current)
                current = LineGroup(lines: [], blankBefore: line.number - previous.number - 1)
                current.blankAfter = group.blankAfter
            }
            if let pageBreak = group.pageBreaks[position] { current.pageBreaks[current.lines.count] = pageBreak }
            current.lines.append(line)
        }
        parts.append(current)
        return parts
    }

    /// The indent of running prose: the smallest one that a twentieth of the lines have (a book of verse
    /// indented throughout still sets its prose at the margin).
    static func proseIndent(_ groups: [LineGroup]) -> Int {
        var counts: [Int: Int] = [:]
        var total = 0
        for group in groups { for line in group.lines { counts[line.leadingSpaces, default: 0] += 1; total += 1 } }
        return counts.keys.sorted().first { counts[$0]! * 20 >= total } ?? 0
    }
}
