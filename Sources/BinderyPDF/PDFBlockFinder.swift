/// Cuts a page's text block into headings, paragraphs, quotes and verse from the lines' sizes and places:
/// a run of lines ends at extra space, a change of size or of centring; within a run a paragraph starts at
/// the book's own indent, after a short line, or at a line set out into the margin (a list's number); lines
/// set in further than the indent are a block quote when justified, else verse.
struct PDFBlockFinder {
    var measure: PDFBodyMeasure

    private enum SizeClass { case larger, body, smaller }

    private func sizeClass(_ line: PDFLine) -> SizeClass {
        let size = line.bodySize
        if size >= measure.bodySize * 1.12 { return .larger }
        if size < measure.bodySize * 0.97 { return .smaller }
        return .body
    }

    /// Set in alike from both edges of the text block, by more than a paragraph's indent (a line set in by the
    /// indent is a paragraph's first, however long).
    private func isCentred(_ line: PDFLine, left: Double, right: Double) -> Bool {
        let inLeft = line.left - left, inRight = right - line.right
        let indent = measure.paragraphIndent
        return inLeft > 0.5 && inRight > 0.5 && abs(inLeft - inRight) < max(3, measure.em * 0.6)
            && (indent == 0 || abs(inLeft - indent) > 0.5 || inLeft > measure.em * 1.5)
    }

    /// Larger than the body, or bold throughout and centred.
    private func isHeading(_ line: PDFLine, centred: Bool) -> Bool {
        sizeClass(line) == .larger || centred && line.spans.allSatisfy { $0.isBold || $0.text.allSatisfy(\.isWhitespace) }
    }

    func blocks(_ lines: [PDFLine], page: Int) -> [PDFBlock] {
        let edges = measure.edges(ofPage: page - 1)
        let symmetric = lines.map { isCentred($0, left: edges.left, right: edges.right) }
        // Lines sharing both edges with a neighbour are a justified block set in (a quote), not centred.
        func sharesEdges(_ a: Int, _ b: Int) -> Bool {
            lines.indices.contains(b) && abs(lines[a].left - lines[b].left) < 0.5 && abs(lines[a].right - lines[b].right) < 1
                && abs(lines[a].baseline - lines[b].baseline) < measure.lineStep * 1.3
        }
        var centred = lines.indices.map { symmetric[$0] && !sharesEdges($0, $0 - 1) && !sharesEdges($0, $0 + 1) }
        // Set in by less than 1.5 em each side, a line is centred only beside a line that plainly is (a title's
        // wrapped first line), or beside a heading.
        let plain = lines.indices.map { centred[$0] && min(lines[$0].left - edges.left, edges.right - lines[$0].right) >= measure.em * 1.5 }
        let large = lines.map { sizeClass($0) == .larger }
        func near(_ a: Int, _ b: Int) -> Bool { lines.indices.contains(b) && abs(lines[a].baseline - lines[b].baseline) < measure.lineStep * 2.5 }
        var anchored = plain
        for pass in [Array(lines.indices), Array(lines.indices.reversed())] {
            for index in pass where centred[index] && !anchored[index] {
                anchored[index] = [index - 1, index + 1].contains { near(index, $0) && (anchored[$0] || large[$0]) }
            }
        }
        centred = anchored
        let heading = lines.indices.map { isHeading(lines[$0], centred: centred[$0]) }
        var runs: [Range<Int>] = []
        for index in lines.indices {
            if let run = runs.last, let previous = run.last.map({ lines[$0] }) {
                let line = lines[index]
                let step = measure.step(forSize: max(previous.bodySize, line.bodySize))
                let apart = line.baseline - previous.baseline > step * 1.3
                let changed = sizeClass(line) != sizeClass(previous) || centred[index] != centred[index - 1] || heading[index] != heading[index - 1]
                    || heading[index] && abs(line.bodySize - previous.bodySize) >= 0.2
                if !apart && !changed {
                    runs[runs.count - 1] = run.lowerBound..<(index + 1)
                    continue
                }
            }
            runs.append(index..<(index + 1))
        }
        // A centred run is cut where the next line's first word would have fitted on the line: a title over a summary.
        runs = runs.flatMap { range -> [Range<Int>] in
            guard range.count > 1, range.allSatisfy({ centred[$0] }) else { return [range] }
            var cuts = [range.lowerBound]
            for index in range.dropLast() where fitsNextWord(lines[index], lines[index + 1], width: edges.right - edges.left) {
                cuts.append(index + 1)
            }
            return zip(cuts, cuts.dropFirst() + [range.upperBound]).map { $0..<$1 }
        }
        var blocks: [PDFBlock] = []
        for range in runs {
            let run = Array(lines[range])
            let allCentred = range.allSatisfy { centred[$0] }
            guard heading[range.lowerBound] && run.count <= 4 || allCentred else {
                blocks += textBlocks(run, page: page, edges: edges)
                continue
            }
            let kind: PDFBlock.Kind = heading[range.lowerBound] ? .heading : .centred
            if let last = blocks.last, last.kind == .heading, last.page == page, let previous = last.lines.last,
               run[0].baseline - previous.baseline < measure.lineStep * 3.2 {
                // Under a heading: its next line in the same size (`I` over `Variation Under Domestication`), or a
                // centred line in the body's type (a title in italics under `III`), is the same heading.
                let sameSize = kind == .heading && abs(last.lines[0].bodySize - run[0].bodySize) < 0.2 && last.lines[0].isBold == run[0].isBold
                // A summary in the body's roman type under a chapter's title is not part of it.
                let styled = run.allSatisfy { line in line.spans.allSatisfy { $0.isItalic || $0.isBold || $0.text.allSatisfy(\.isWhitespace) } }
                let subtitled = last.lines.contains { !$0.isBold && abs($0.bodySize - last.lines[0].bodySize) >= 0.2 }
                if sameSize || kind == .centred && styled && !subtitled {
                    blocks[blocks.count - 1].lines += run
                    continue
                }
            }
            blocks.append(PDFBlock(kind: kind, lines: run, page: page, left: run.map(\.left).min() ?? 0))
        }
        return blocks
    }

    /// `line` ends short of the measure by more than the next line's first word: it ended by choice, not by wrapping.
    private func fitsNextWord(_ line: PDFLine, _ next: PDFLine, width: Double) -> Bool {
        let text = next.text
        let end = line.text.trimmingTrailingSpaces().last
        guard !text.isEmpty, end != "‐", end != "-" else { return false }
        let word = text.prefix { !$0.isWhitespace }.count
        let wordWidth = (next.right - next.left) * Double(word) / Double(text.count)
        return (line.right - line.left) + measure.em * 0.3 + wordWidth < width
    }

    /// A run of lines at one size with no extra space: paragraphs, and quotes or verse set in from them.
    private func textBlocks(_ run: [PDFLine], page: Int, edges: (left: Double, right: Double)) -> [PDFBlock] {
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
            if let last = pieces.last?.last, last.left < line.left - 1, last.spans.dropFirst().contains(where: { abs($0.left - line.left) < 1.5 && !$0.text.allSatisfy(\.isWhitespace) }) {
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
            let ragged = piece.count >= 2 && piece.dropLast().count(where: { !full($0) }) * 2 > piece.count - 1
            // Set in on the left only, in the body's size (a definition under its term): paragraphs.
            let leftOnly = right >= edges.right - em && abs(piece[0].bodySize - measure.bodySize) < measure.bodySize * 0.03
            if isSetIn(piece[0]) && !leftOnly {
                let justified = piece.count >= 2 && !ragged
                let kind: PDFBlock.Kind = justified || (piece.count == 1 && piece[0].right - piece[0].left > (edges.right - edges.left) * 0.75) ? .quote : .verse
                if kind == .verse {
                    blocks.append(PDFBlock(kind: .verse, lines: piece, page: page, left: left))
                    continue
                }
                blocks += paragraphs(piece, kind: .quote, page: page, left: Self.commonLeft(piece) ?? left, full: full)
            } else if ragged && piece.count >= 2 && Self.readsAsVerse(piece)
                        && (indent > 0 ? !piece.contains(where: { abs($0.left - edges.left - indent) < em * 0.4 }) : piece.count >= 4) {
                // Ragged lines at the edge with no paragraph indent among them: a poem set at the margin.
                blocks.append(PDFBlock(kind: .verse, lines: piece, page: page, left: left))
            } else {
                blocks += paragraphs(piece, kind: .paragraph, page: page, left: Self.commonLeft(piece) ?? edges.left, full: full)
            }
        }
        return blocks
    }

    /// A poem's lines, at whatever indents: most end short of the measure, they are not justified to one right
    /// edge (a quote's), they read as verse, and no line set in by the paragraph indent has a full line after it.
    private func isVerse(_ run: [PDFLine], edges: (left: Double, right: Double)) -> Bool {
        guard run.count >= 2, Self.readsAsVerse(run) else { return false }
        let em = measure.em
        let short = run.count { $0.right < edges.right - em * 1.2 }
        // Justified: ending at the text block's edge, or as far in from it as the line is set in (a quotation).
        let justified = run.dropLast().count { abs($0.right - edges.right) < 1 || abs((edges.right - $0.right) - ($0.left - edges.left)) < 1.5 }
        let indent = measure.paragraphIndent
        let prose = indent > 0 && zip(run, run.dropFirst()).contains { first, next in
            abs(first.left - edges.left - indent) < em * 0.4 && abs(next.left - edges.left) < em * 0.3 && next.right >= edges.right - em * 1.2
        }
        return short * 2 >= run.count && justified * 2 < max(1, run.count - 1) && !prose
    }

    /// Lines of a poem open with a capital (or a quotation mark) and not with a list's number; a paragraph's
    /// lines, after its first, mostly run on in lower case.
    private static func readsAsVerse(_ lines: [PDFLine]) -> Bool {
        let openings = lines.compactMap { $0.text.first { !$0.isWhitespace && !"“‘\"'(_".contains($0) } }
        let numbered = openings.count { $0.isNumber }
        let lower = openings.count { $0.isLowercase }
        return numbered * 2 < openings.count && lower * 5 <= openings.count
    }

    /// The left edge most of three or more lines share: the edge a paragraph's indent is measured from.
    private static func commonLeft(_ lines: [PDFLine]) -> Double? {
        guard lines.count >= 3 else { return nil }
        var counts: [Double: Int] = [:]
        for line in lines { counts[PDFBodyMeasure.round(line.left, 0.5), default: 0] += 1 }
        guard let mode = PDFBodyMeasure.mode(counts), counts[mode]! * 2 > lines.count else { return nil }
        return mode
    }

    /// Cuts justified lines into paragraphs: at a line set in by the indent, after a short line, or at a line
    /// set out into the margin.
    private func paragraphs(_ lines: [PDFLine], kind: PDFBlock.Kind, page: Int, left: Double, full: (PDFLine) -> Bool) -> [PDFBlock] {
        let em = measure.em
        let indent = measure.paragraphIndent
        var blocks: [PDFBlock] = []
        for line in lines {
            let offset = line.left - left
            let opens = indent > 0 && abs(offset - indent) < em * 0.4 || offset < -em * 0.3
            if let last = blocks.last?.lines.last, !opens, full(last) {
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
