import BinderyModel

/// An index's entries, one to a line where lines were joined into one paragraph (`ABC of Communism …, 28n5` /
/// `Anarchy and Scientific Communism …, 13-19`): a line opens an entry when the line before it ends on a locator
/// (a page number, `28n5`, `245-6`) or a closing mark, and it opens with a capital or a quotation mark at the entry's
/// margin. A line that goes on in lower case, with a figure (`learning through struggle, 90`, `52, 253-4`) or set in
/// deeper (a turnover line) continues its entry.
enum IndexEntries {
    /// One entry: its lines (positions in its group) and its inlines.
    struct Entry: Sendable {
        var lines: Range<Int>
        var inlines: [Inline]
    }

    /// The entries of each index paragraph of more than one line that holds no linked note, by group. `lineInlines`
    /// gives a group's inlines with a line break (or a page break) between each two lines; `keepLineBreaks` keeps those
    /// inside an entry (a diplomatic transcription), where otherwise they become the space the paragraph had there.
    static func split(groups: [LineGroup], roles: [GroupRole], inlines: [[Inline]], keepLineBreaks: Bool,
                      lineInlines: (LineGroup) -> [Inline]) -> [Int: [Entry]] {
        var result: [Int: [Entry]] = [:]
        for (index, group) in groups.enumerated() where group.lines.count > 1 && roles[index] == .paragraph(classes: ["index"]) {
            guard !inlines[index].contains(where: { if case .note = $0 { true } else { false } }) else { continue }
            let margin = group.lines[0].leadingSpaces
            let starts = Set(group.lines.indices.dropFirst().filter { opensEntry(group.lines[$0], after: group.lines[$0 - 1], margin: margin) })
            guard !starts.isEmpty else { continue }
            result[index] = entries(lineInlines(group), lineCount: group.lines.count, starts: starts, keepLineBreaks: keepLineBreaks)
        }
        return result
    }

    /// A group's lines as inlines with a line break (or a space and its page break) between each two, as
    /// `Dehyphenator.inlines` gives them, for a text not dehyphenated.
    static func plainLineInlines(_ group: LineGroup) -> [Inline] {
        var result: [Inline] = []
        for (position, line) in group.lines.enumerated() {
            if let pageBreak = group.pageBreaks[position], position > 0 {
                result += [.text(" "), .pageBreak(pageBreak)]
            } else if position > 0 {
                result.append(.lineBreak(LineBreak(joinsWords: false, sourceLine: line.number)))
            }
            result.append(.text(line.text))
        }
        return result
    }

    /// Whether `line` opens an entry after `previous`, the entries' first lines standing at `margin`.
    static func opensEntry(_ line: SourceLine, after previous: SourceLine, margin: Int) -> Bool {
        guard line.leadingSpaces <= margin, let first = line.text.first, first.isUppercase || "“‘\"'".contains(first),
              let last = previous.text.last else { return false }
        return last.isNumber || ".)”’".contains(last)
    }

    /// `inlines` (a line break, or a page break, between each two lines) cut before the lines in `starts`; the breaks
    /// inside an entry become the space (or nothing, for a rejoined word) the paragraph had there, unless kept.
    private static func entries(_ inlines: [Inline], lineCount: Int, starts: Set<Int>, keepLineBreaks: Bool) -> [Entry] {
        var result: [Entry] = []
        var current: [Inline] = [], first = 0, line = 0
        for inline in inlines {
            switch inline {
            case .lineBreak(let lineBreak):
                line += 1
                if starts.contains(line) {
                    result.append(Entry(lines: first..<line, inlines: current))
                    current = []
                    first = line
                } else if keepLineBreaks {
                    current.append(inline)
                } else if !lineBreak.joinsWords {
                    current.append(.text(" "))
                }
            case .pageBreak:
                // A page break stands between two lines, as a line break would (the space before it is the join's).
                line += 1
                if starts.contains(line) {
                    result.append(Entry(lines: first..<line, inlines: current))
                    current = [inline]
                    first = line
                } else {
                    current.append(inline)
                }
            default:
                current.append(inline)
            }
        }
        result.append(Entry(lines: first..<lineCount, inlines: current))
        return result.map { Entry(lines: $0.lines, inlines: merged($0.inlines)) }
    }

    /// Adjacent text inlines joined into one, the space a join left at the entry's end dropped.
    private static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline, case .text(let before)? = result.last {
                result[result.count - 1] = .text(before + text)
            } else {
                result.append(inline)
            }
        }
        if case .text(let text)? = result.last {
            let trimmed = String(text.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(trimmed) }
        }
        return result
    }
}
