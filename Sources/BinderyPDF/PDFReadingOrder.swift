/// Puts a page's lines in reading order. Poppler gives a table's cells, and the words of a loosely
/// justified line, as lines of their own; on a one-column page, lines are ordered by their baseline and
/// pieces on one baseline are joined left to right. A page set in two columns keeps poppler's order.
enum PDFReadingOrder {
    static func arrange(_ page: PDFPage) -> [PDFLine] {
        guard !PDFColumns.isTwoColumns(page.lines, width: page.width) else { return page.lines }
        // Lines by baseline; lines within a line's tolerance of the first of a cluster are one printed line, left to right.
        var clusters: [[PDFLine]] = []
        for line in page.lines.sorted(by: { $0.baseline < $1.baseline }) {
            if let first = clusters.last?.first, line.baseline - first.baseline <= tolerance(first, line) {
                clusters[clusters.count - 1].append(line)
            } else {
                clusters.append([line])
            }
        }
        var merged: [PDFLine] = []
        for cluster in clusters {
            // The spans of one printed line gathered first, measured once (a line of many pieces stays linear).
            var spans: [PDFSpan] = []
            var right = -Double.infinity
            for piece in cluster.sorted(by: { $0.left < $1.left }) {
                if !spans.isEmpty, piece.left < right - 1 {
                    // Overlapping pieces are not one line's: keep them apart, in order.
                    merged.append(PDFLine(spans: spans))
                    spans = []
                }
                if let last = spans.last, let first = piece.spans.first, let space = PDFSpan.space(between: last, and: first) { spans.append(space) }
                spans += piece.spans
                right = piece.right
            }
            merged.append(PDFLine(spans: spans))
        }
        return merged
    }

    /// Baselines closer than a third of the smaller size are one printed line; a piece in a smaller size
    /// (a note's raised number standing alone) belongs to a line whose baseline is up to half its size below.
    private static func tolerance(_ a: PDFLine, _ b: PDFLine) -> Double {
        let small = min(a.bodySize, b.bodySize), large = max(a.bodySize, b.bodySize)
        return small < large * 0.85 ? large / 2 : max(1, small / 3)
    }
}

extension PDFSpan {
    /// The space poppler leaves out between two pieces of one printed line: none where they touch, one space, or
    /// for a gap wider than the type's size (a table's columns) one space per half em of it, as `pdftotext -layout` keeps it.
    static func space(between last: PDFSpan, and first: PDFSpan) -> PDFSpan? {
        let em = max(min(last.size, first.size), 1)
        let gap = first.left - last.right
        // Pieces that touch (a note's raised number after its word) take no space.
        guard gap >= em * 0.15 else { return nil }
        // At most 40 spaces: a gap's width says only that it is wide.
        let width = gap > em * 1.5 ? min(40, Int((gap / (em / 2)).rounded())) : 1
        let present = last.text.reversed().prefix { $0 == " " }.count + first.text.prefix { $0 == " " }.count
        guard width > present else { return nil }
        return PDFSpan(text: String(repeating: " ", count: width - present), font: last.font, size: last.size,
                       left: last.right, right: first.left, top: last.top, bottom: last.bottom)
    }
}
