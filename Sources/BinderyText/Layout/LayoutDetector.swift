/// Stage 3a: detects the paragraph layout of a document from its line lengths and separators.
struct LayoutDetector: Sendable {
    /// Forces a layout instead of detecting one.
    var override: ParagraphLayout?
    /// Forces whether an indented first line starts a paragraph (the sidecar's `paragraphs: indent`).
    var indentOverride: Bool?

    func detect(_ lines: [SourceLine], removed: Set<Int> = []) -> LayoutProfile {
        let text = lines.indices.filter { !lines[$0].isBlank && !removed.contains($0) }
        guard !text.isEmpty else { return LayoutProfile(layout: .blankLineSeparated, measure: 80, trailingSpaceMark: false, indentMark: false) }
        let lengths = text.map { lines[$0].length }.sortedLengths()
        let wrapped = Self.wrappedLengths(lines, text: text)
        let measure = max(20, Self.measure(lengths: lengths, wrapped: wrapped))
        let median = lengths[lengths.count / 2]
        let marked = text.filter { lines[$0].trailingSpaces >= 2 }
        let markedEnds = marked.count { lines[$0].endsSentence }
        let trailingSpaceMark = marked.count * 100 >= text.count * 3 && markedEnds * 100 >= marked.count * 85
        // Gaps between consecutive text lines.
        var adjacent = 0, single = 0, singleLong = 0, wider = 0, singleOpen = 0, shortEnds = 0, shortEndsAdjacent = 0, indented = 0, indentedAfterEnd = 0
        var indents: [Int: Int] = [:]
        for (position, index) in text.enumerated().dropLast() {
            let next = text[position + 1]
            let blanks = next - index - 1
            switch blanks {
            case 0: adjacent += 1
            case 1:
                single += 1
                if !lines[index].endsSentence { singleOpen += 1 }
                if lines[index].length * 10 >= measure * 7 { singleLong += 1 }
            default: wider += 1
            }
            let line = lines[index]
            if line.endsSentence, line.length * 10 < measure * 8 {
                shortEnds += 1
                if blanks == 0 { shortEndsAdjacent += 1 }
            }
            // A line set in under a flush one (a block quote's own lines, set in too, are not counted again).
            if blanks == 0, lines[next].leadingSpaces > 0, lines[next].leadingSpaces <= 8, line.leadingSpaces == 0 {
                indented += 1
                if line.endsSentence {
                    indentedAfterEnd += 1
                    indents[lines[next].leadingSpaces, default: 0] += 1
                }
            }
        }
        let gaps = max(1, adjacent + single + wider)
        // Indents mark paragraphs when they are many and at least half follow a sentence's end (quotations and verse
        // set in after a colon or in mid-sentence are the others).
        // Books of long paragraphs have fewer: there, all but a few follow a sentence's end.
        let indentMark = (indented * 20 >= gaps && indentedAfterEnd * 10 >= indented * 5)
            || (indented * 50 >= gaps && indented >= 30 && indentedAfterEnd * 100 >= indented * 97)
        let layout: ParagraphLayout
        if let override {
            layout = override
        } else if median > 160 || measure > 300 {
            layout = .linePerParagraph
        } else if single * 10 >= gaps * 7, singleOpen * 10 >= single * 3, singleLong * 10 >= single * 6, gaps >= 20 {
            layout = .doubleSpaced
        } else if indentMark || (shortEnds > 0 && shortEndsAdjacent * 5 >= shortEnds) {
            layout = .hardWrapped
        } else {
            layout = .blankLineSeparated
        }
        var profile = LayoutProfile(layout: layout, measure: measure, trailingSpaceMark: trailingSpaceMark,
                                    indentMark: indentOverride ?? indentMark, fullLineFloor: Self.fullLineFloor(wrapped: wrapped))
        if profile.indentMark { profile.paragraphIndent = indents.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key }
        profile.setOffMarkers = text.lazy.filter { Self.holdsSetOffMarker(lines[$0].text) }.prefix(3).count == 3
        if layout == .hardWrapped { profile.wrapWidth = FixedWrap.width(lines, text: text) }
        // Where nothing marks paragraph ends: the document's habits, its face's widths, or, short of those, a book face's.
        if layout == .hardWrapped, !profile.indentMark, !trailingSpaceMark {
            if profile.fullLineFloor != nil { profile.endOdds = ParagraphEndOdds.measure(lines, text: text, wrapWidth: profile.wrapWidth) }
            if profile.wrapWidth == nil {
                if profile.endOdds != nil {
                    profile.fittedWidths = FittedWidths.fit(lines, text: text)
                } else {
                    profile.bookFaceMeasure = BookFaceMeasure.fit(lines, text: text)
                }
            }
        }
        return profile
    }

    /// The width of a full line: the 90th percentile of line lengths, or of the lengths of wrapped lines where
    /// those are clearly longer (a book mostly of verse, whose few prose lines fill the measure).
    static func measure(lengths: [Int], wrapped: [Int]) -> Int {
        let all = lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        guard wrapped.count >= 30 else { return all }
        // In prose the two agree within a character or two; verse pulls the first down by a tenth or more.
        let full = wrapped[wrapped.count * 9 / 10]
        return full * 100 > all * 105 ? full : all
    }

    /// The 2nd percentile of the wrapped lines' lengths; nil with fewer than 200 of them.
    static func fullLineFloor(wrapped: [Int]) -> Int? {
        wrapped.count >= 200 ? wrapped[wrapped.count / 50] : nil
    }

    /// A number of one to three figures in brackets or parentheses after a space inside the line (`rock, [12] about`).
    static func holdsSetOffMarker(_ text: String) -> Bool {
        // Bytes matched so far: a space, the opening bracket, figures; then the closing bracket ends a marker.
        var matched = 0, close: UInt8 = 0
        for byte in text.utf8 {
            switch (matched, byte) {
            case (_, 0x20): matched = 1
            case (1, 0x5B), (1, 0x28): (matched, close) = (2, byte == 0x5B ? 0x5D : 0x29)
            case (2...4, 0x30...0x39): matched += 1
            case (3...5, close): return true
            default: matched = 0
            }
        }
        return false
    }

    /// The sorted lengths of lines followed, with no blank between, by a line that starts in lower case (so surely
    /// inside a paragraph, and wrapped there).
    static func wrappedLengths(_ lines: [SourceLine], text: [Int]) -> [Int] {
        var lengths: [Int] = []
        for (position, index) in text.enumerated().dropLast() where text[position + 1] == index + 1 && lines[index + 1].startsLowercase {
            lengths.append(lines[index].length)
        }
        return lengths.sortedLengths()
    }
}
