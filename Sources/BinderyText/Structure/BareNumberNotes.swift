/// Note lists whose numbers stand on lines of their own (`1.`), as pdftotext prints a typeset list: each number
/// with the paragraphs under it, or — in raw reading order — all the numbers first and then all the texts, paired
/// in order. The numbers must rise by one from one (or from where the last notes stopped) after a short title.
enum BareNumberNotes {
    /// The value of a group that is only a note number with its full stop (`12.`), or also without it (`12`) when
    /// `stopless`.
    static func number(_ group: LineGroup, stopless: Bool = false) -> Int? {
        guard group.lines.count == 1 else { return nil }
        let text = group.lines[0].text
        let digits = text.hasSuffix(".") ? text.dropLast() : stopless ? Substring(text) : ""
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// One run per list found; `isHeadingLike` ends a note's paragraphs. Numbers without a full stop (`3` over its
    /// text) are taken only right under a notes heading (`isNotesTitle`), and then for the whole list.
    static func runs(_ groups: [LineGroup], isNotesTitle: (Int) -> Bool = { _ in false }, isHeadingLike: (Int) -> Bool) -> [NoteTextFinder.Run] {
        var runs: [NoteTextFinder.Run] = []
        var lastNumber = 0
        var index = 0
        var stopless = false
        let paragraphGap = LineGroup.paragraphGap(groups) ?? 0
        while index < groups.count {
            if index > 0, groups[index].lines.count == 1, groups[index].lines[0].text == "1", isNotesTitle(index - 1) { stopless = true }
            // A number set apart on both sides by two blank lines or more, and more than the document puts between its
            // paragraphs, as a division's is (`1.` over a chapter), numbers no note.
            let number = { (group: LineGroup) in
                min(group.blankBefore, group.blankAfter) >= max(2, paragraphGap + 1) ? nil : Self.number(group, stopless: stopless)
            }
            guard let first = number(groups[index]), first == 1 || first == lastNumber + 1,
                  first > 1 || NoteTextFinder.followsNotesTitle(index, groups) else { index += 1; continue }
            // The numbers in a column, then as many texts.
            var column = index
            while column + 1 < groups.count, number(groups[column + 1]) == first + (column + 1 - index) { column += 1 }
            let count = column - index + 1
            var run = NoteTextFinder.Run(groups: [], numbers: [], bodies: [])
            if count >= 2 {
                let texts = (column + 1)..<min(groups.count, column + 1 + count)
                // A column of numbers rising by one is evidence enough: a short text under it is a note, not a title.
                guard texts.count == count, texts.allSatisfy({ number(groups[$0]) == nil }) else { index = column + 1; continue }
                for (offset, text) in texts.enumerated() {
                    run.groups.append(index + offset)
                    run.numbers.append(String(first + offset))
                    run.bodies.append("")
                    run.continuations[offset] = [text]
                }
                index = texts.upperBound
            } else {
                // Each number with the paragraphs under it, up to the next number in sequence.
                var probe = index
                var expected = first
                while probe < groups.count, number(groups[probe]) == expected {
                    var end = probe + 1
                    // The text right under a number is its note, however short (a heading-like `Lenin.` at a page's foot).
                    while end < groups.count, number(groups[end]) == nil, end == probe + 1 || !isHeadingLike(end), end <= probe + 12 { end += 1 }
                    guard end > probe + 1 else { break }
                    run.continuations[run.groups.count] = Array((probe + 1)..<end)
                    run.groups.append(probe)
                    run.numbers.append(String(expected))
                    run.bodies.append("")
                    expected += 1
                    probe = end
                }
                index = max(probe, index + 1)
            }
            if !run.groups.isEmpty {
                lastNumber = Int(run.numbers.last!) ?? lastNumber
                runs.append(run)
            }
        }
        return runs
    }
}
