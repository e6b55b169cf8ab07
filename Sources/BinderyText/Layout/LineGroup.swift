import BinderyModel

/// A run of source lines that the paragraph builder put together, before it is typed as a block.
struct LineGroup: Sendable, Hashable {
    var lines: [SourceLine]
    /// Page breaks that fall before `lines[key]` (key > 0: inside the group).
    var pageBreaks: [Int: PageBreak] = [:]
    /// A page boundary right before the group.
    var pageBreakBefore: PageBreak?
    var blankBefore: Int
    var blankAfter = 0

    var firstLine: Int { lines.first?.number ?? 0 }
    var lastLine: Int { lines.last?.number ?? 0 }
    var source: SourceRange { SourceRange(firstLine: firstLine, lastLine: lastLine) }
    /// The lines joined by single spaces (no dehyphenation): for classification.
    var plainText: String {
        guard lines.count > 1 else { return lines.first?.text ?? "" }
        var text = ""
        text.reserveCapacity(lines.reduce(lines.count) { $0 + $1.text.utf8.count })
        for (index, line) in lines.enumerated() {
            if index > 0 { text += " " }
            text += line.text
        }
        return text
    }
    var length: Int { lines.reduce(0) { $0 + $1.length } + max(0, lines.count - 1) }

    /// The text of a title set on one line, or on two whose second is set further in (centred under a wide first
    /// line, `Position of the Communists … Exist‐` / `ing Opposition Parties`), rejoined at a break hyphen; nil otherwise.
    var titleText: String? {
        if lines.count == 1 { return lines[0].text }
        guard lines.count == 2, lines[1].leadingSpaces > lines[0].leadingSpaces + 2, !lines[0].endsSentence else { return nil }
        return wrappedTitleText
    }

    /// The lines as one title: a word broken with U+2010 at the line end joined, other lines joined with a space.
    var wrappedTitleText: String {
        lines.dropFirst().reduce(lines.first?.text ?? "") { text, line in
            text.hasSuffix("\u{2010}") ? String(text.dropLast()) + line.text : text + " " + line.text
        }
    }
}

extension LineGroup {
    /// The blank lines the document most often puts before a paragraph (a group of two lines or more, among those
    /// `counts` keeps); nil when there is none.
    static func paragraphGap(_ groups: [LineGroup], counting counts: (Int) -> Bool = { _ in true }) -> Int? {
        var tally: [Int: Int] = [:]
        for index in groups.indices where groups[index].lines.count >= 2 && counts(index) { tally[groups[index].blankBefore, default: 0] += 1 }
        return tally.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }
}
