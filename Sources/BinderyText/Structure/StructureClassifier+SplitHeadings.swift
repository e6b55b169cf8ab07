import BinderyModel

/// Titles split over two lines or groups are joined.
extension StructureClassifier {
    /// A title split over two groups ("… of the" + "Proletariat?", "CHAPTER 4" + "The Makhnovists …").
    func mergeSplitHeadings(_ groups: [LineGroup], patterns: inout [HeadingPattern?], roles: inout [GroupRole]) {
        for index in groups.indices {
            guard var pattern = patterns[index], index + 1 < groups.count else { continue }
            let next = groups[index + 1]
            // A named heading long enough to have wrapped, with a short line after it, continues there.
            var wrapped = false
            if case .keyword = pattern.family, groups[index].length >= 55, next.length <= 60, patterns[index + 1].map({ if case .keyword = $0.family { false } else { true } }) ?? true,
               !TextShape.endsSentence(next.plainText), next.blankBefore >= 1, next.blankAfter >= 1 {
                wrapped = true
            }
            // A title's second line right under it, the two set apart together: its subtitle (`A Terre` /
            // `(Being the Philosophy of Many Soldiers.)`, `Dulce et Decorum Est` / `A Gas Attack`); a line that reads as
            // a name is the author's (a byline), not a subtitle.
            // In text whose paragraphs run on without blank lines, one blank line sets a title apart, and a subtitle in
            // parentheses may have its text right under it (under a title in mixed case: a name in capitals over a
            // parenthesis is a speaker over a stage direction).
            var subtitle = false
            if pattern.family == .plain || pattern.family == .allCaps, groups[index].lines.count == 1,
               next.lines.count == 1, next.blankBefore == 0, next.pageBreakBefore == nil {
                let line = next.lines[0].text
                let parenthesised = line.hasPrefix("(") && (line.hasSuffix(")") || line.hasSuffix(")."))
                let runsOn = profile.layout == .hardWrapped && groups[index].blankBefore >= 1 && pattern.family == .plain
                subtitle = groups[index].blankBefore >= 2 && next.blankAfter >= 1
                    && (parenthesised || (!next.lines[0].endsSentence && TextShape.titleCaseRatio(line) >= 0.8
                        && HeadingPattern.match(line).map { $0.family == .plain } == true && Byline.name(line).map(Byline.isWeak) ?? true))
                    || runsOn && parenthesised
            }
            guard pattern.open || pattern.bareNumber || wrapped || subtitle else { continue }
            // A title on two lines is one the numbering offered, or one under a bare number that ends no sentence on
            // either line and is title-cased (`XIV` / `Mutual Affinities … Organs—Classi‐` / `fication`), not a couplet.
            let wrappedUnderNumber = pattern.bareNumber && next.lines.count == 2 && next.lines.allSatisfy { !$0.endsSentence }
                && TextShape.titleCaseRatio(next.wrappedTitleText) >= 0.8
            guard let nextText = next.titleText ?? (wrappedUnderNumber ? next.wrappedTitleText : nil), next.length <= 100,
                  roles[index + 1] == .paragraph(classes: []), forced[index + 1] == nil else { continue }
            if next.lines.count == 2, patterns[index + 1] == nil, !wrappedUnderNumber { continue }
            if pattern.bareNumber {
                // Under a named division's bare number (`Part One`) a short title line is its title even where
                // nothing sets it apart (hard-wrapped text prints no blank lines).
                // A number and one line under it that blank lines set apart together, as they set no paragraph,
                // are a title up to a hundred characters (a wide title is no paragraph's line).
                let setApart = groups[index].blankBefore >= 2 && next.blankBefore == 0 && next.blankAfter >= 2 && next.lines.count == 1
                var follower = patterns[index + 1]
                if follower == nil, case .keyword = pattern.family, next.length * 4 <= profile.measure * 3, !next.lines[0].endsSentence {
                    follower = HeadingPattern.match(next.plainText, underNumber: true)
                }
                // (Set apart and title-cased up to the word the stop ends, which may be an abbreviation, its title may end
                // in a full stop, as one on the number's line may: `Swarms of Butterflies, etc.`; a sentence is no title.)
                if follower == nil, setApart || wrappedUnderNumber {
                    let stopped = setApart && TextShape.titleCaseRatio(words: TextShape.words(nextText).dropLast()) >= 0.8
                    follower = HeadingPattern.match(nextText, underNumber: true) ?? (stopped ? HeadingPattern.match(nextText.trimming("."), underNumber: true) : nil)
                }
                guard let follower, follower.family == .plain || follower.family == .allCaps else { continue }
                if case .numbered = pattern.family, !(follower.family == .plain
                    && next.length <= (next.lines.count == 2 || next.lines[0].leadingSpaces >= 6 || setApart || isTitleCasedLine(next) ? 100 : 60)) {
                    continue
                }
            } else if let follower = patterns[index + 1], follower.family != .plain, follower.family != .allCaps {
                continue
            } else if !subtitle, TextShape.endsSentence(next.plainText) && next.length > 40 {
                continue
            }
            var text = nextText
            if text.hasSuffix("*") { text.removeLast() }
            pattern.text += " " + text
            pattern.open = false
            pattern.bareNumber = false
            pattern.endsWithColon = TextShape.finalMark(text) == ":"
            patterns[index] = pattern
            patterns[index + 1] = nil
            roles[index + 1] = .absorbed
        }
    }

    /// A long title that the page wrapped, in text that runs on without blank lines: the lines right under it that are
    /// title-cased, end no sentence, are no front or back matter's title and read as no one's name (`Natural Selection` is written in lower case in the text;
    /// a name never is) go on with it, up to two groups of them (`… Larger Genera Resemble` / `Varieties in Being …`).
    func mergeWrappedTitles(_ groups: [LineGroup], patterns: inout [HeadingPattern?], roles: inout [GroupRole], lowerCase: LowerCaseUsage) {
        guard profile.layout == .hardWrapped || profile.layout == .doubleSpaced else { return }
        for index in groups.indices {
            guard var pattern = patterns[index], pattern.family == .plain || pattern.family == .allCaps, !pattern.isMatter else { continue }
            var next = index + 1
            while next < groups.count, next <= index + 2, isTitleContinuation(groups[next], at: next, patterns: patterns, roles: roles, lowerCase: lowerCase),
                  pattern.text.count + groups[next].length <= 250 {
                pattern.text += " " + groups[next].plainText
                patterns[next] = nil
                roles[next] = .absorbed
                next += 1
            }
            if next > index + 1 { patterns[index] = pattern }
        }
    }

    private func isTitleContinuation(_ group: LineGroup, at index: Int, patterns: [HeadingPattern?], roles: [GroupRole], lowerCase: LowerCaseUsage) -> Bool {
        guard group.blankBefore == 0, group.pageBreakBefore == nil, group.lines.count <= 2, forced[index] == nil,
              roles[index] == .paragraph(classes: []), patterns[index].map({ ($0.family == .plain || $0.family == .allCaps) && !$0.isMatter }) ?? true,
              group.lines.allSatisfy({ !$0.endsSentence && TextShape.titleCaseRatio($0.text) >= 0.8 }) else { return false }
        let text = group.plainText
        // Front or back matter by its own words (`Introduction`) opens a division of its own.
        guard HeadingPattern.match(text).map({ !$0.isMatter }) ?? true else { return false }
        return Byline.name(text).map { Byline.isWeak($0) || lowerCase.writesInLowerCase(phrase: $0) } ?? true
    }
}
