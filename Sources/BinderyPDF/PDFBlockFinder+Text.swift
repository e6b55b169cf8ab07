/// The text of a run: paragraphs, and quotations or verse set in from them.
extension PDFBlockFinder {
    /// A run of lines at one size with no extra space: paragraphs, and quotes or verse set in from them.
    func textBlocks(_ run: [PDFLine], page: Int, edges: (left: Double, right: Double)) -> [PDFBlock] {
        let em = measure.em
        let indent = measure.paragraphIndent
        // Lines set in further than a paragraph's first line are a quote's or a poem's.
        let setIn = max(indent + em * 0.6, em * 1.5)
        func isSetIn(_ line: PDFLine) -> Bool { line.left - edges.left >= setIn }
        if isVerse(run, edges: edges) {
            return [PDFBlock(kind: .verse, lines: run, page: page, left: run.map(\.left).min() ?? edges.left)]
        }
        var pieces: [[PDFLine]] = []
        for line in run {
            // A line set in under a list item's text, past its number (a hanging indent), goes on with the item.
            if let last = pieces.last?.last, last.left < line.left - 1, Self.opensWithNumber(last),
               last.spans.dropFirst().contains(where: { abs($0.left - line.left) < 1.5 && !$0.text.allSatisfy(\.isWhitespace) }) {
                pieces[pieces.count - 1].append(line)
                continue
            }
            if let last = pieces.last?.last, isSetIn(last) == isSetIn(line) {
                pieces[pieces.count - 1].append(line)
            } else {
                pieces.append([line])
            }
        }
        var blocks: [PDFBlock] = []
        for piece in pieces {
            let left = piece.map(\.left).min() ?? edges.left
            // A set-in piece is justified to as far in from the right edge as it is set in from the left.
            let right = isSetIn(piece[0]) ? max(edges.right - (left - edges.left), piece.map(\.right).max() ?? 0) : edges.right
            let full = { (line: PDFLine) in line.right >= right - em * 1.2 }
            // Ragged: most lines end where the next one's first word would still have fitted (verse), not filled
            // (prose, justified or set ragged-right).
            let ragged = piece.count >= 2 && zip(piece, piece.dropFirst()).count { fitsNextWord($0, $1, width: right - $0.left) } * 2 > piece.count - 1
            // Set in on the left only, in the body's size (a definition under its term): paragraphs.
            let leftOnly = right >= edges.right - em && abs(piece[0].bodySize - measure.bodySize) < measure.bodySize * 0.03
            if isSetIn(piece[0]) && !leftOnly {
                // Verse ends its lines by choice and opens them with capitals; a quotation's lines run on (justified or ragged).
                let verse = piece.count >= 2 ? ragged && Self.readsAsVerse(piece) : piece[0].right - piece[0].left <= (edges.right - edges.left) * 0.75
                let kind: PDFBlock.Kind = verse ? .verse : .quote
                if kind == .verse {
                    blocks.append(PDFBlock(kind: .verse, lines: piece, page: page, left: left))
                    continue
                }
                blocks += paragraphs(piece, kind: .quote, page: page, left: Self.commonLeft(piece) ?? left, right: right, full: full)
            } else if ragged && piece.count >= 2 && Self.readsAsVerse(piece)
                        && (indent > 0 ? !piece.contains(where: { abs($0.left - edges.left - indent) < em * 0.4 }) : piece.count >= 4) {
                // Ragged lines at the edge with no paragraph indent among them: a poem set at the margin.
                blocks.append(PDFBlock(kind: .verse, lines: piece, page: page, left: left))
            } else {
                blocks += paragraphs(piece, kind: .paragraph, page: page, left: Self.commonLeft(piece) ?? edges.left, right: right, full: full)
            }
        }
        return blocks
    }

    /// A poem's lines, at whatever indents: most end by choice, short of the measure, they are not justified to one right
    /// edge (a quote's), they read as verse, and no line set in by the paragraph indent has a full line after it.
    private func isVerse(_ run: [PDFLine], edges: (left: Double, right: Double)) -> Bool {
        guard run.count >= 2, Self.readsAsVerse(run) else { return false }
        let em = measure.em
        // Lines that end where the next one's first word would still have fitted: half of them at least.
        let unwrapped = zip(run, run.dropFirst()).count { fitsNextWord($0, $1, width: edges.right - $0.left) }
        // Justified: ending at the text block's edge, or as far in from it as the line is set in (a quotation).
        let justified = run.dropLast().count { abs($0.right - edges.right) < 1 || abs((edges.right - $0.right) - ($0.left - edges.left)) < 1.5 }
        let indent = measure.paragraphIndent
        let prose = indent > 0 && zip(run, run.dropFirst()).contains { first, next in
            abs(first.left - edges.left - indent) < em * 0.4 && abs(next.left - edges.left) < em * 0.3 && next.right >= edges.right - em * 1.2
        }
        return unwrapped * 2 >= run.count - 1 && unwrapped > 0 && justified * 2 < max(1, run.count - 1) && !prose
    }

    /// Lines of a poem open with a capital (or a quotation mark) and not with a list's number; a paragraph's
    /// lines, after its first, mostly run on in lower case.
    private static func readsAsVerse(_ lines: [PDFLine]) -> Bool {
        let openings = lines.compactMap { $0.text.first { !$0.isWhitespace && !"“‘\"'(_".contains($0) } }
        let numbered = openings.count { $0.isNumber }
        let lower = openings.count { $0.isLowercase }
        return numbered * 2 < openings.count && lower * 5 <= openings.count
    }

    /// The line opens with an item's number (`3.`, `12)`) in a span of its own: a numbered list's or notes' item.
    private static func opensWithNumber(_ line: PDFLine) -> Bool {
        guard let first = line.spans.first?.text.trimmingTrailingSpaces(), first.count >= 2, let mark = first.last else { return false }
        return (mark == "." || mark == ")") && first.dropLast().allSatisfy(\.isNumber)
    }

    /// The left edge most of three or more lines share: the edge a paragraph's indent is measured from.
    private static func commonLeft(_ lines: [PDFLine]) -> Double? {
        guard lines.count >= 3 else { return nil }
        var counts: [Double: Int] = [:]
        for line in lines { counts[PDFBodyMeasure.round(line.left, 0.5), default: 0] += 1 }
        guard let mode = PDFBodyMeasure.mode(counts), counts[mode]! * 2 > lines.count else { return nil }
        return mode
    }

    /// Cuts prose lines into paragraphs: at a line set in by the indent, at a line set out into the margin, or
    /// after a line that ended by choice (short of the measure, and the next line's first word would have fitted
    /// on it: ragged-right prose is not cut at every short line). `full` tells a line that reaches the measure.
    private func paragraphs(_ lines: [PDFLine], kind: PDFBlock.Kind, page: Int, left: Double, right: Double, full: (PDFLine) -> Bool) -> [PDFBlock] {
        let em = measure.em
        let indent = measure.paragraphIndent
        var blocks: [PDFBlock] = []
        for line in lines {
            let offset = line.left - left
            var opens = indent > 0 && abs(offset - indent) < em * 0.4 || offset < -em * 0.3
            if let last = blocks.last?.lines.last {
                // A word broken at the line's end, or a line set under the text of a numbered item (a hanging indent),
                // goes on.
                let broken = last.text.trimmingTrailingSpaces().last.map { "‐-".contains($0) } ?? false
                let aligned = last.spans.dropFirst().contains { abs($0.left - line.left) < 1.5 && !$0.text.allSatisfy(\.isWhitespace) }
                let hanging = last.left < line.left - 1 && Self.opensWithNumber(last) && !Self.opensWithNumber(line) && (aligned || full(last))
                if broken || hanging { opens = false }
            }
            if let last = blocks.last?.lines.last, !opens, full(last) || !fitsNextWord(last, line, width: right - last.left) {
                blocks[blocks.count - 1].lines.append(line)
            } else {
                blocks.append(PDFBlock(kind: kind, lines: [line], page: page, startsFlush: abs(offset) < em * 0.3, left: left))
            }
        }
        for index in blocks.indices {
            blocks[index].endsFull = blocks[index].lines.last.map(full) ?? false
        }
        return blocks
    }
}
