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
            && (indent == 0 || abs(inLeft - indent) > 0.5)
    }

    /// Larger than the body, or bold throughout and centred, or short at the margin (a section's title there).
    private func isHeading(_ line: PDFLine, centred: Bool, edges: (left: Double, right: Double)) -> Bool {
        sizeClass(line) == .larger || line.isBold && (centred
            || abs(line.left - edges.left) < measure.em && line.right - line.left < (edges.right - edges.left) * 0.7)
    }

    /// The blocks of a page's text block, or of one column of it (`edges` then the column's).
    func blocks(_ lines: [PDFLine], page: Int, edges columnEdges: (left: Double, right: Double)? = nil) -> [PDFBlock] {
        let edges = columnEdges ?? measure.edges(ofPage: page - 1)
        let centred = centredLines(lines, edges: edges)
        let heading = lines.indices.map { isHeading(lines[$0], centred: centred[$0], edges: edges) }
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
                // Under a heading: its next line in the same size (a chapter's numeral over its title), or a
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
        for index in blocks.indices { blocks[index].right = edges.right }
        return blocks
    }

    /// A paragraph (or quotation) on a page's last line goes on when the next page starts at the edge in its kind
    /// and the line was filled: it reaches the measure, or the next page's first word would not have fitted on it.
    /// Verse goes on when the next page opens with verse at its indent.
    func continues(_ before: PDFBlock?, _ after: PDFBlock?) -> Bool {
        guard let before, let after, before.kind == after.kind else { return false }
        // A poem goes on at the next page's head at its own indent (a page's end says nothing of a stanza's).
        if before.kind == .verse { return abs(before.left - after.left) < 1 }
        guard before.kind == .paragraph || before.kind == .quote, after.startsFlush,
              let last = before.lines.last, let first = after.lines.first else { return false }
        let edges = measure.edges(ofPage: before.page - 1)
        let blockRight = before.right > 0 ? before.right : edges.right
        let right = before.kind == .quote ? blockRight - (before.left - edges.left) : blockRight
        return before.endsFull || !fitsNextWord(last, first, width: right - last.left)
    }

    /// `line` ends short of the measure by more than the next line's first word and half an em (a space and some
    /// slack): it ended by choice, not by wrapping.
    func fitsNextWord(_ line: PDFLine, _ next: PDFLine, width: Double) -> Bool {
        let end = line.text.trimmingTrailingSpaces().last
        guard !next.text.isEmpty, end != "‐", end != "-" else { return false }
        return (line.right - line.left) + measure.em * 0.5 + next.firstWordWidth < width
    }

    /// Which lines are centred: set in alike from both edges, not sharing their left edge with a neighbour (a
    /// quotation's lines, justified or ragged), and — when set in by less than 1.5 em each side — beside a line that plainly is centred
    /// (a title's wrapped first line) or beside a heading.
    private func centredLines(_ lines: [PDFLine], edges: (left: Double, right: Double)) -> [Bool] {
        let symmetric = lines.map { isCentred($0, left: edges.left, right: edges.right) }
        func sharesLeftEdge(_ a: Int, _ b: Int) -> Bool {
            lines.indices.contains(b) && abs(lines[a].left - lines[b].left) < 0.5 && abs(lines[a].baseline - lines[b].baseline) < measure.step(forSize: lines[a].bodySize) * 1.3
        }
        let centred = lines.indices.map { symmetric[$0] && !sharesLeftEdge($0, $0 - 1) && !sharesLeftEdge($0, $0 + 1) }
        let plain = lines.indices.map { centred[$0] && min(lines[$0].left - edges.left, edges.right - lines[$0].right) >= measure.em * 1.5 }
        let large = lines.map { sizeClass($0) == .larger }
        func near(_ a: Int, _ b: Int) -> Bool { lines.indices.contains(b) && abs(lines[a].baseline - lines[b].baseline) < measure.lineStep * 2.5 }
        var anchored = plain
        for pass in [Array(lines.indices), Array(lines.indices.reversed())] {
            for index in pass where centred[index] && !anchored[index] {
                anchored[index] = [index - 1, index + 1].contains { near(index, $0) && (anchored[$0] || large[$0]) }
            }
        }
        return anchored
    }
}
