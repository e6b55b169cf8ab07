/// A text wrapped by a program at a fixed width in characters (`fmt`, `textwrap`, an editor's hard wrap): no line
/// inside a paragraph is longer than the width, and none has room left for the next line's first word.
enum FixedWrap {
    /// The width, when the document's own lines show one: of at least 20 lines that a lower-case line continues
    /// (surely inside a paragraph), both flush, 99 in 100 leave no room for the next line's first word at the width
    /// that 99 in 100 of them keep within.
    static func width(_ lines: [SourceLine], text: [Int]) -> Int? {
        // Lengths counted by value (a line is rarely over a thousand characters), so no sort is needed.
        var counts = [Int](repeating: 0, count: 1024)
        var inner: [(length: Int, next: Int)] = []
        for (position, index) in text.enumerated().dropLast() where text[position + 1] == index + 1 {
            let line = lines[index], next = lines[index + 1]
            guard next.startsLowercase, line.leadingSpaces == 0, next.leadingSpaces == 0, !breaksAfterDash(line) else { continue }
            inner.append((line.length, firstWordLength(next)))
            counts[min(line.length, counts.count - 1)] += 1
        }
        guard inner.count >= 20 else { return nil }
        // A word longer than the width stands alone over it (`textwrap` keeps it whole): the 99th percentile is the width.
        var below = 0, width = 0
        while width < counts.count - 1, below + counts[width] <= inner.count * 99 / 100 {
            below += counts[width]
            width += 1
        }
        let roomLeft = inner.count { $0.length + 1 + $0.next <= width }
        return roomLeft * 100 <= inner.count ? width : nil
    }

    /// Whether the first word of `next` would have fitted after `line` at `width`.
    static func leavesRoom(_ line: SourceLine, for next: SourceLine, width: Int) -> Bool {
        line.leadingSpaces + line.length + 1 + firstWordLength(next) <= width
    }

    /// Characters up to the first space.
    static func firstWordLength(_ line: SourceLine) -> Int {
        // Scalars are the bytes that are not UTF-8 continuation bytes.
        line.text.utf8.prefix { $0 != 0x20 }.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// A line ending at a hyphen or a dash, where a program may break a word in two.
    static func breaksAfterDash(_ line: SourceLine) -> Bool {
        // `-` is 2D; U+2010, U+2013 and U+2014 are E2 80 90, 93 and 94; U+00AD is C2 AD.
        let tail = line.text.utf8.suffix(3)
        guard let last = tail.last else { return false }
        if last == 0x2D { return true }
        if tail.count == 3, tail.first == 0xE2, tail.dropFirst().first == 0x80 { return last == 0x90 || last == 0x93 || last == 0x94 }
        return last == 0xAD && tail.dropLast().last == 0xC2
    }
}
