import BinderyModel

/// An index's entries, one to a line where lines were joined into one paragraph (`ABC of Communism …, 28n5` /
/// `Anarchy and Scientific Communism …, 13-19`): a line opens an entry when the line before it ends on a locator
/// (a page number, `28n5`, `245-6`) or a closing mark, and it opens with a capital or a quotation mark. A line that
/// goes on in lower case or with a figure (`learning through struggle, 90`, `52, 253-4`) continues its entry.
enum IndexEntries {
    /// The entries of each index paragraph of more than one line that holds no linked note, by group: their inlines,
    /// read again with the line ends kept (`dehyphenator` is a copy: what it counts here is not counted twice).
    static func split(groups: [LineGroup], roles: [GroupRole], inlines: [[Inline]], dehyphenator: Dehyphenator) -> [Int: [(lines: Range<Int>, inlines: [Inline])]] {
        var dehyphenator = dehyphenator
        var result: [Int: [(lines: Range<Int>, inlines: [Inline])]] = [:]
        for (index, group) in groups.enumerated() where group.lines.count > 1 && roles[index] == .paragraph(classes: ["index"]) {
            guard !inlines[index].contains(where: { if case .note = $0 { true } else { false } }) else { continue }
            let starts = group.lines.indices.dropFirst().filter { opensEntry(group.lines[$0], after: group.lines[$0 - 1]) }
            guard !starts.isEmpty else { continue }
            result[index] = entries(dehyphenator.inlines(group, keepLineBreaks: true), lineCount: group.lines.count, starts: Set(starts))
        }
        return result
    }

    /// Whether `line` opens an entry after `previous`.
    static func opensEntry(_ line: SourceLine, after previous: SourceLine) -> Bool {
        guard let first = line.text.first, first.isUppercase || "“‘\"'".contains(first), let last = previous.text.last else { return false }
        return last.isNumber || ".)”’".contains(last)
    }

    /// `inlines` (a line break, or a page break, between each two lines) cut before the lines in `starts`; the breaks
    /// inside an entry become the space (or nothing, for a rejoined word) the paragraph had there.
    private static func entries(_ inlines: [Inline], lineCount: Int, starts: Set<Int>) -> [(lines: Range<Int>, inlines: [Inline])] {
        var result: [(lines: Range<Int>, inlines: [Inline])] = []
        var current: [Inline] = [], first = 0, line = 0
        for inline in inlines {
            switch inline {
            case .lineBreak(let lineBreak):
                line += 1
                if starts.contains(line) {
                    result.append((first..<line, current))
                    current = []
                    first = line
                } else if !lineBreak.joinsWords {
                    current.append(.text(" "))
                }
            case .pageBreak:
                // A page break stands between two lines, as a line break would (the space before it is the join's).
                line += 1
                if starts.contains(line) {
                    result.append((first..<line, current))
                    current = [inline]
                    first = line
                } else {
                    current.append(inline)
                }
            default:
                current.append(inline)
            }
        }
        result.append((first..<lineCount, current))
        return result.map { ($0.lines, merged($0.inlines)) }
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
