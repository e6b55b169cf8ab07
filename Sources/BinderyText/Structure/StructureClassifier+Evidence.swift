import BinderyModel

/// Unnumbered heading candidates checked against the document's own habits.
extension StructureClassifier {
    /// Drops unnumbered candidates that the document's evidence does not support: where its numbered or named
    /// divisions stand after more blank lines than its paragraphs, a line with no more than a paragraph's spacing;
    /// and a line ending in a period right under or over another heading (a signature or a dateline, not a title).
    func dropUnsupportedCandidates(_ groups: [LineGroup], schemes: NumberingSchemes, patterns: inout [HeadingPattern?], roles: [GroupRole]) {
        let divisions = groups.indices.filter { index in
            guard let pattern = patterns[index] else { return false }
            if case .keyword = pattern.family { return true }
            return schemes.members[index] != nil
        }
        let divisionGaps = divisions.map { groups[$0].blankBefore }.sorted()
        let paragraphGap = Self.paragraphGap(groups, patterns: patterns)
        var divisionGap = divisionGaps.count >= 3 ? divisionGaps[divisionGaps.count / 2] : nil
        var firstDivision = divisions.first
        if divisionGap == nil, let paragraphGap {
            // No numbered divisions: titles that stand after two blank lines more than paragraphs do, three at least
            // and half the candidates, are the document's way of setting its divisions apart.
            let candidates = groups.indices.filter { patterns[$0].map { !$0.isMatter && ($0.family == .plain || $0.family == .allCaps) } ?? false }
            let wide = candidates.filter { groups[$0].blankBefore >= paragraphGap + 2 }
            if wide.count >= 3, wide.count * 2 >= candidates.count {
                divisionGap = wide.map { groups[$0].blankBefore }.sorted()[wide.count / 2]
                firstDivision = wide.first
            }
        }
        // Where the divisions are centred (pdftotext -layout keeps it), a title is too: a line nearer the margin
        // than half their indent (a speech going on after a page break, a stage direction) is not one, unless it is
        // centred on the same column (a long title, set in less) or too wide to be set in at all.
        let divisionIndents = divisions.map { groups[$0].lines[0].leadingSpaces }.sorted()
        let centred = divisionIndents.count >= 3 ? divisionIndents[divisionIndents.count / 2] : 0
        let doubledCentres = divisions.map { Self.doubledCentre(groups[$0].lines[0]) }.sorted()
        let doubledCentre = doubledCentres.isEmpty ? 0 : doubledCentres[doubledCentres.count / 2]
        let labels = Self.columnLabels(groups)
        for index in groups.indices {
            // A label that heads many table rows (a speaker beside a speech) standing alone is that label again.
            if let pattern = patterns[index], schemes.members[index] == nil, labels.contains(pattern.text) {
                patterns[index] = nil
                continue
            }
            // A name right under the line that closes a quotation, nothing between them, and set apart below, signs the
            // quotation (an epigraph's author, `W. B. Yeats` though its initial reads as a letter's number): it heads nothing.
            if let pattern = patterns[index], !pattern.isMatter, schemes.members[index] == nil, index > 0, groups[index].blankBefore == 0,
               groups[index].pageBreakBefore == nil, groups[index].blankAfter >= 1, groups[index - 1].lines.last.map(ParagraphEndOdds.endsInQuote) == true,
               Self.opensQuotation(before: index, groups), Byline.name(groups[index].plainText).map({ !Byline.isWeak($0) }) == true {
                patterns[index] = nil
                continue
            }
            guard let pattern = patterns[index], schemes.members[index] == nil, !pattern.isMatter,
                  pattern.family == .plain || pattern.family == .allCaps else { continue }
            // (A line of verse that happens to sit on that column has more lines under it at its indent.)
            let first = groups[index].lines[0]
            let setLikeNext = index + 1 < groups.count && groups[index + 1].lines[0].leadingSpaces == first.leadingSpaces
            // (At the margin, a line as wide as the column, twice its middle, ending no sentence, is set as wide as it can be.)
            let centredToo = first.leadingSpaces < 2 ? first.length + 2 >= doubledCentre && !first.endsSentence
                : !setLikeNext && abs(Self.doubledCentre(first) - doubledCentre) <= 4
            if centred >= 16, first.leadingSpaces * 2 < centred, first.length * 10 <= profile.measure * 11, !centredToo {
                patterns[index] = nil
                continue
            }
            // Where the divisions stand at the margin, a line set in as deep as a block of lines right over it, or right
            // under it when it ends a sentence (a poem's title over its stanza ends none), is part of that block (a one-line
            // paragraph of a quoted document), not a title.
            let sides = first.endsSentence ? [index - 1, index + 1] : [index - 1]
            if centred < 2, first.leadingSpaces >= 2, sides.contains(where: { groups.indices.contains($0)
                && groups[$0].lines.count >= 2 && groups[$0].lines.allSatisfy { $0.leadingSpaces == first.leadingSpaces } }) {
                patterns[index] = nil
                continue
            }
            // A line at the top of a page after a text's line that ends in mid-sentence goes on with that sentence: after a
            // comma or a semicolon, or after a colon or a word (a verse line running on) where that line runs on from
            // the text over it (a credit standing alone, `by James Joyce`, ends in a word too).
            if groups[index].pageBreakBefore != nil, index > 0, roles[index - 1] == .paragraph(classes: []),
               let last = groups[index - 1].lines.last?.text.last,
               last == "," || last == ";" || (last == ":" || last.isLetter) && index >= 2 && groups[index - 1].blankBefore == 0 {
                patterns[index] = nil
                continue
            }
            // The lines before the first division (a title, an author) are the front's, not the body's spacing.
            if let divisionGap, let paragraphGap, let first = firstDivision, index > first, divisionGap > paragraphGap,
               groups[index].blankBefore <= paragraphGap,
               groups[index].pageBreakBefore == nil {
                patterns[index] = nil
                continue
            }
            // A line ending in a period with a heading right under it, or right under one, is a signature,
            // a dateline or a place line, not a title. (A title whose subtitle in parentheses ends in one is a title.)
            if TextShape.finalMark(pattern.text) == ".", !pattern.text.hasSuffix(")") || pattern.text.hasPrefix("("),
               nextContent(after: index, roles).map({ patterns[$0] != nil }) == true
                || (index > 0 && (0..<index).last(where: { roles[$0] != .absorbed }).map({ patterns[$0] != nil }) == true) {
                patterns[index] = nil
            }
        }
    }

    /// Whether one of the groups right over `index`, back to a blank line or a page break (eight at most), opens with a
    /// quotation mark: a quotation ends over it.
    static func opensQuotation(before index: Int, _ groups: [LineGroup]) -> Bool {
        var start = index - 1
        while start >= 0, index - start <= 8 {
            if let first = groups[start].lines[0].text.first, "“\"‘«„".contains(first) { return true }
            if groups[start].blankBefore > 0 || groups[start].pageBreakBefore != nil { return false }
            start -= 1
        }
        return false
    }

    /// Twice the column a line's middle stands at.
    static func doubledCentre(_ line: SourceLine) -> Int { 2 * line.leadingSpaces + line.length }

    /// The blank lines the document most often puts before a paragraph that is no heading candidate, after one that is
    /// none either (a paragraph under a title stands after the title's gap: a book of short sections has more of those).
    static func paragraphGap(_ groups: [LineGroup], patterns: [HeadingPattern?]) -> Int? {
        LineGroup.paragraphGap(groups) { patterns[$0] == nil && ($0 == 0 || patterns[$0 - 1] == nil) }
            ?? LineGroup.paragraphGap(groups) { patterns[$0] == nil }
    }

    /// First cells of lines with a column gap (three spaces) that begin three such lines or more.
    static func columnLabels(_ groups: [LineGroup]) -> Set<String> {
        var counts: [String: Int] = [:]
        for group in groups {
            for line in group.lines where ByteSearch.mayContainColumnGap(line.text) {
                guard let gap = line.text.range(of: "   ") else { continue }
                counts[String(line.text[..<gap.lowerBound]), default: 0] += 1
            }
        }
        return Set(counts.filter { $0.value >= 3 }.keys)
    }
}
