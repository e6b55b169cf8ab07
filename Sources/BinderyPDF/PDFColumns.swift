/// A page set in two columns, read column by column: its lines (in poppler's reading order, which follows the
/// columns) cut into runs that stay in one column — left, right, or across the page (a title over both) —
/// each with the edges of its own text block, so that a column reads as a page of its own.
enum PDFColumns {
    struct Segment {
        var lines: [PDFLine]
        var edges: (left: Double, right: Double)
    }

    /// The page's segments, or nil for a page in one column.
    static func segments(_ lines: [PDFLine], width: Double) -> [Segment]? {
        guard isTwoColumns(lines, width: width) else { return nil }
        let middle = width / 2
        func column(_ line: PDFLine) -> Int { line.right < middle ? 0 : line.left > middle ? 1 : 2 }
        var segments: [(column: Int, lines: [PDFLine])] = []
        for line in lines {
            if let last = segments.last, last.column == column(line) {
                segments[segments.count - 1].lines.append(line)
            } else {
                segments.append((column(line), [line]))
            }
        }
        return segments.map { segment in
            let lefts = segment.lines.map(\.left), rights = segment.lines.map(\.right)
            return Segment(lines: segment.lines, edges: (lefts.min() ?? 0, rights.max() ?? width))
        }
    }

    /// Most long lines end before the page's middle, or start after it.
    static func isTwoColumns(_ lines: [PDFLine], width: Double) -> Bool {
        let long = lines.filter { $0.text.count >= 20 }
        guard long.count >= 10 else { return false }
        let middle = width / 2
        let leftHalf = long.count { $0.right < middle }
        let rightHalf = long.count { $0.left > middle }
        return leftHalf * 10 >= long.count * 3 && rightHalf * 10 >= long.count * 3
    }
}
