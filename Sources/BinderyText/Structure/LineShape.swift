/// Stage 7 (other blocks): tells verse and indented quotations from running paragraphs by their lines.
struct LineShape: Sendable {
    var profile: LayoutProfile
    /// An indent sets lines apart (verse, quotations): a text without first-line indents, read as lines wrapped into
    /// paragraphs or as one paragraph a line, that does not keep its pages' layout (whose indents are positions; asked
    /// of paginated texts only).
    var indentsSetApart = false

    static func indentsSetApart(_ profile: LayoutProfile, keepsPageLayout: Bool) -> Bool {
        !profile.indentMark && [.blankLineSeparated, .hardWrapped, .linePerParagraph].contains(profile.layout) && !keepsPageLayout
    }

    /// Text extracted with the page's layout kept (`pdftotext -layout`): a fifth of its set-in lines or more (ten at
    /// least) hold a gap of three spaces between words, columns set side by side (a speaker beside the speech; a row
    /// of ornaments, `*       *       *`, or of contents, `Chapter 3.   Title   31`, is none). Its indents are the page's
    /// positions, not the author's.
    static func keepsPageLayout(_ lines: [SourceLine]) -> Bool {
        var setIn = 0, gapped = 0
        for line in lines where line.leadingSpaces > 0 && !line.isBlank {
            setIn += 1
            // (A contents row ends in its page number: the page's columns are the body's, not the row's.)
            if ByteSearch.mayContainColumnGap(line.text), line.text.contains("   "), line.text.contains(where: \.isLetter),
               line.text.last?.isNumber != true { gapped += 1 }
        }
        return gapped >= 10 && gapped * 5 >= setIn
    }

    /// Three or more short lines kept apart by their author (verse, an address, an epigraph) in a layout
    /// where paragraphs are otherwise full lines.
    func isVerse(_ group: LineGroup) -> Bool {
        if profile.layout == .hardWrapped { return isRunOnVerse(group) }
        guard profile.layout == .blankLineSeparated, group.lines.count >= 3 else { return false }
        let short = group.lines.dropLast().allSatisfy { $0.length * 10 < profile.measure * 7 }
        let open = group.lines.dropLast().count { !$0.endsSentence }
        // Verse lines begin with capitals; prose broken into short lines does not.
        let capitalised = group.lines.count { !$0.startsLowercase }
        return short && open * 2 >= group.lines.count - 1 && capitalised * 4 >= group.lines.count * 3
            && !group.lines.contains { ListMarker.parse($0.text) != nil }
    }

    /// Verse run into prose by a layout without blank lines (pdftotext's raw text of a poem): line after line opens
    /// with a capital although the line before it ends no sentence — prose wraps into lower case — and the lines
    /// are ragged, not filled to the measure.
    func isRunOnVerse(_ group: LineGroup) -> Bool {
        guard group.lines.count >= 4, !profile.indentMark else { return false }
        let continued = zip(group.lines, group.lines.dropFirst()).filter { !$0.0.endsSentence }
        guard continued.count >= 3 else { return false }
        let capitalised = continued.count { !$0.1.startsLowercase }
        let ragged = group.lines.dropLast().count { $0.length * 10 < profile.measure * 9 }
        return capitalised * 5 >= continued.count * 4 && ragged * 4 >= (group.lines.count - 1) * 3
            && !group.lines.contains { ListMarker.parse($0.text) != nil }
    }

    /// Lines kept as lines, not wrapped: in most of them the next line's first word would still have fitted
    /// within the measure (a wrapped paragraph fills each line before it breaks).
    /// `measure` counts the indent (the width indented lines are wrapped to); nil takes the document's.
    func isUnwrapped(_ lines: ArraySlice<SourceLine>, measure: Int? = nil) -> Bool {
        guard lines.count >= 2 else { return false }
        let measure = measure ?? profile.measure
        var room = 0
        for (line, next) in zip(lines, lines.dropFirst()) {
            let word = next.text.prefix { $0 != " " }.unicodeScalars.count
            if line.leadingSpaces + line.length + 1 + word <= measure { room += 1 }
        }
        return room * 3 >= (lines.count - 1) * 2
    }

    /// Verse by its lines: unwrapped, or (when no line comes near the measure, as in a play all in verse)
    /// three in four lines after the first opening with a capital, which wrapped prose does not. Two lines
    /// are little evidence: they need both.
    func keepsLines(_ lines: ArraySlice<SourceLine>, measure: Int? = nil) -> Bool {
        guard lines.count >= 2 else { return false }
        let capitalised = lines.dropFirst().count(where: opensWithCapital)
        let capitals = capitalised * 4 >= (lines.count - 1) * 3
        if lines.count == 2 { return capitals && isUnwrapped(lines, measure: measure) }
        return capitals || isUnwrapped(lines, measure: measure)
    }

    /// The line's first letter, past opening quotes, brackets and underscores, is a capital.
    func opensWithCapital(_ line: SourceLine) -> Bool {
        line.text.prefix(4).first(where: \.isLetter)?.isUppercase == true
    }

    /// The width (indent included) that lines indented beyond the prose are wrapped to, for each indent
    /// (quotations and list items may be wrapped to different widths): nearly the longest of them.
    static func indentedMeasures(_ groups: [LineGroup], proseIndent: Int) -> [Int: Int] {
        var widths: [Int: [Int]] = [:]
        for group in groups where group.lines.count >= 2 {
            for line in group.lines where line.leadingSpaces >= proseIndent + 2 { widths[line.leadingSpaces, default: []].append(line.leadingSpaces + line.length) }
        }
        // A few lines tell no more than their longest; a handful tells nothing.
        return widths.filter { $0.value.count >= 4 }.mapValues { values in
            let sorted = values.sorted()
            return sorted.count < 20 ? sorted[sorted.count - 1] : sorted[sorted.count * 95 / 100]
        }
    }

    /// Where paragraphs open with an indent, a block of two lines or more set apart by blank lines, every line set in
    /// as deep as the first (a stanza, a quotation): a paragraph's lines after its first go back to the margin.
    func isSetInDisplay(_ group: LineGroup) -> Bool {
        guard profile.indentMark, group.lines.count >= 2, group.blankBefore >= 1, group.pageBreakBefore == nil, group.lines[0].leadingSpaces > 0 else { return false }
        return group.lines.allSatisfy { $0.leadingSpaces == group.lines[0].leadingSpaces }
    }

    /// Every line indented beyond the body's own indent, where indents set lines apart.
    func isIndented(_ group: LineGroup, bodyIndent: Int) -> Bool {
        indentsSetApart && group.lines.allSatisfy { $0.leadingSpaces >= bodyIndent + 2 }
    }

    /// Every line of two or more set in three columns or more beyond the body's own indent, or, where blank lines part
    /// paragraphs, all set in alike by two or more (a centred couplet's lines are not): a block quotation.
    func isBlockQuote(_ group: LineGroup, bodyIndent: Int) -> Bool {
        guard group.lines.count >= 2 else { return false }
        let indent = group.lines[0].leadingSpaces
        return group.lines.allSatisfy { $0.leadingSpaces >= bodyIndent + 3 }
            || (profile.layout == .blankLineSeparated && indent >= bodyIndent + 2 && group.lines.allSatisfy { $0.leadingSpaces == indent })
    }

    /// The usual indent of body lines (most lines start at it).
    static func bodyIndent(_ groups: [LineGroup]) -> Int {
        var counts: [Int: Int] = [:]
        for group in groups { for line in group.lines { counts[line.leadingSpaces, default: 0] += 1 } }
        return counts.max { $0.value < $1.value }?.key ?? 0
    }
}
