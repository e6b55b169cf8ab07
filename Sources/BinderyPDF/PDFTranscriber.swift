/// Pages → the transcript the reader reads: the blocks `PDFBlockFinder` finds, written in the plain-text
/// conventions the reader knows (see `PDFTranscript`), with each page's furniture kept around a form feed.
package struct PDFTranscriber: Sendable {
    package init() {}

    package func transcribe(_ pages: [PDFPage]) -> PDFTranscript {
        let ordered = pages.map(PDFReadingOrder.arrange)
        let measure = PDFBodyMeasure(ordered, pageWidths: pages.map(\.width))
        let finder = PDFBlockFinder(measure: measure)
        var layouts: [PageLayout] = []
        let repeated = PDFPageFurniture.repeatedTexts(ordered, heights: pages.map(\.height))
        for (page, lines) in zip(pages, ordered) {
            let parts = PDFPageFurniture.split(lines, height: page.height, measure: measure, repeated: repeated)
            let (text, notes) = PDFFootnotes.split(parts.body, measure: measure)
            layouts.append(PageLayout(top: parts.top, blocks: Self.blocks(text, page: page, finder: finder), notes: notes, bottom: parts.bottom))
        }
        Self.keepCentredLinesInVerse(&layouts)
        var writer = Writer()
        let titlePage = layouts.first.map { !$0.blocks.contains { $0.kind == .paragraph } } ?? false
        // Heading styles ranked by size, bold before roman at one size.
        let styles = Set(layouts.flatMap { $0.blocks.filter { $0.kind == .heading }.map { Self.style($0) } })
            .sorted { ($0.size, $0.bold ? 1 : 0) > ($1.size, $1.bold ? 1 : 0) }
        var counts: [PDFBlock.Kind: Int] = [:]
        var headingRanks: [Int: Int] = [:]
        var verseLines: Set<Int> = [], quoteLines: Set<Int> = [], headingStarts: Set<Int> = [], centredLines: Set<Int> = []
        // Footnotes wait for the end of the paragraph that holds their markers, which may go on over the page's end.
        var pendingNotes: [(note: PDFFootnotes.Note, page: Int)] = []
        var figures: [Int: PDFImage] = [:]
        var carried: [(image: PDFImage, page: Int)] = []
        // One picture in one place on three pages or more is the pages' (a logo in the running head), not the text's.
        var boxes: [[Int]: Int] = [:]
        for page in pages { for box in Set(page.images.map(Self.box)) { boxes[box, default: 0] += 1 } }
        let repeatedPictures = Set(boxes.filter { $0.value >= 3 }.keys)
        for (position, layout) in layouts.enumerated() {
            let page = pages[position].index
            if position > 0 { writer.formFeed = true }
            for line in layout.top { writer.line(line.text.trimmingTrailingSpaces(), origin: Self.origin(line, page: page)) }
            // Each picture stands before the first block printed below its middle, never inside a paragraph that goes on
            // over the page's end: after the one that comes from the page before, before the one that goes on.
            var images = pages[position].images.filter { !repeatedPictures.contains(Self.box($0)) }[...]
            for (index, block) in layout.blocks.enumerated() {
                counts[block.kind, default: 0] += 1
                let continues = index == 0 && position > 0 && finder.continues(layouts[position - 1].blocks.last, block)
                let goesOn = index == layout.blocks.count - 1 && position + 1 < layouts.count && finder.continues(block, layouts[position + 1].blocks.first)
                if !continues {
                    for (image, page) in carried { figures[writer.illustration(origin: Self.origin(image, page: page))] = image }
                    carried = []
                    while let image = images.first, goesOn || (image.top + image.bottom) / 2 < block.lines[0].top {
                        figures[writer.illustration(origin: Self.origin(image, page: page))] = image
                        images = images.dropFirst()
                    }
                }
                if !continues, !pendingNotes.isEmpty {
                    writer.footnotes(pendingNotes)
                    pendingNotes = []
                }
                let before = writer.lines.count
                writer.write(block, continuing: continues, goesOn: goesOn, nextPage: goesOn ? layouts[position + 1].blocks.first?.lines.first : nil)
                // A title page (a first page with no paragraph) holds the book's title, not a heading of it.
                let printedLines = writer.lines[before...].indices.filter { !writer.lines[$0].allSatisfy(\.isWhitespace) }.map { $0 + 1 }
                if block.kind == .verse { verseLines.formUnion(printedLines) }
                if block.kind == .quote { quoteLines.formUnion(printedLines) }
                if block.kind == .centred { centredLines.formUnion(printedLines) }
                if block.kind == .heading, let first = printedLines.first { headingStarts.insert(first) }
                if block.kind == .heading, !(position == 0 && titlePage), let rank = styles.firstIndex(of: Self.style(block)) {
                    // The heading's printed lines, after the blank lines written before it; keys count from 1.
                    for line in writer.lines[before...].indices where !writer.lines[line].allSatisfy(\.isWhitespace) {
                        headingRanks[line + 1] = rank + 1
                    }
                }
                if !goesOn { writer.blank(after: block.kind) }
            }
            // A paragraph that goes on from this page over the next (the page's only block continuing both ways) takes its
            // pictures along, to after its end.
            if let last = layout.blocks.last, position + 1 < layouts.count, finder.continues(last, layouts[position + 1].blocks.first) {
                carried += images.map { ($0, page) }
            } else {
                for (image, page) in carried + images.map({ ($0, page) }) { figures[writer.illustration(origin: Self.origin(image, page: page))] = image }
                carried = []
            }
            pendingNotes += layout.notes.map { ($0, page) }
            if layout.blocks.last.map({ position + 1 < layouts.count && finder.continues($0, layouts[position + 1].blocks.first) }) != true {
                writer.footnotes(pendingNotes)
                pendingNotes = []
            }
            for line in layout.bottom { writer.line(line.text.trimmingTrailingSpaces(), origin: Self.origin(line, page: page)) }
        }
        writer.footnotes(pendingNotes)
        let footnotes = layouts.reduce(0) { $0 + $1.notes.count }
        let kinds = counts.sorted { "\($0.key)" < "\($1.key)" }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let summary = "read from \(pages.count) PDF page(s): body \(Self.points(measure.bodySize)) pt, line step \(Self.points(measure.lineStep)) pt, "
            + "paragraph indent \(Self.points(measure.paragraphIndent)) pt, text block x \(Self.points(measure.edges(ofPage: 0).left))–\(Self.points(measure.edges(ofPage: 0).right)) pt "
            + "(odd pages), \(Self.points(measure.edges(ofPage: 1).left))–\(Self.points(measure.edges(ofPage: 1).right)) pt (even); blocks: \(kinds); "
            + "\(footnotes) footnote(s)"
        return PDFTranscript(text: writer.text, origins: writer.origins, headingRanks: headingRanks,
                             verseLines: verseLines, quoteLines: quoteLines, headingStarts: headingStarts, centredLines: centredLines,
                             figures: figures, summary: summary)
    }

    /// A page's blocks; on a page in two columns, each column's, a paragraph that goes on from the foot of one
    /// column to the head of the next made one.
    private static func blocks(_ lines: [PDFLine], page: PDFPage, finder: PDFBlockFinder) -> [PDFBlock] {
        guard let segments = PDFColumns.segments(lines, width: page.width) else { return finder.blocks(lines, page: page.index) }
        var blocks: [PDFBlock] = []
        for segment in segments {
            var found = finder.blocks(segment.lines, page: page.index, edges: segment.edges)
            if let first = found.first, finder.continues(blocks.last, first) {
                blocks[blocks.count - 1].lines += first.lines
                blocks[blocks.count - 1].endsFull = first.endsFull
                blocks[blocks.count - 1].right = first.right
                found.removeFirst()
            }
            blocks += found
        }
        return blocks
    }

    /// One page: its running head and folio, its blocks, its footnotes.
    struct PageLayout {
        var top: [PDFLine]
        var blocks: [PDFBlock]
        var notes: [PDFFootnotes.Note]
        var bottom: [PDFLine]
    }

    /// A centred line between stanzas (a section's number in a poem), on one page or over a page's end, is the poem's:
    /// it opens the stanza after it on its page, else it closes the one before it. An ornament between the stanza
    /// before and the line (`***`, then `14`) stays where it is.
    private static func keepCentredLinesInVerse(_ layouts: inout [PageLayout]) {
        for page in layouts.indices {
            var index = 0
            while index < layouts[page].blocks.count {
                let blocks = layouts[page].blocks
                let earlier = index >= 2 ? Array(blocks[(index - 2)..<index])
                    : Array(layouts[..<page].last { !$0.blocks.isEmpty }?.blocks.suffix(2) ?? []) + blocks[..<index]
                let before = earlier.reversed().first { !isOrnament($0) }
                let after = index + 1 < blocks.count ? blocks[index + 1] : layouts[(page + 1)...].first { !$0.blocks.isEmpty }?.blocks.first
                guard blocks[index].kind == .centred, blocks[index].lines.count == 1, !isOrnament(blocks[index]), before?.kind == .verse,
                      after?.kind == .verse else {
                    index += 1
                    continue
                }
                if index + 1 < blocks.count {
                    layouts[page].blocks[index + 1].lines.insert(contentsOf: blocks[index].lines, at: 0)
                    layouts[page].blocks.remove(at: index)
                } else if index > 0, blocks[index - 1].kind == .verse {
                    layouts[page].blocks[index - 1].lines += blocks[index].lines
                    layouts[page].blocks.remove(at: index)
                } else {
                    layouts[page].blocks[index].kind = .verse
                    index += 1
                }
            }
        }
    }

    /// A centred line of signs only (`***`, `⁂`): a scene break.
    private static func isOrnament(_ block: PDFBlock) -> Bool {
        block.kind == .centred && block.lines.count == 1 && !block.lines[0].text.contains { $0.isLetter || $0.isNumber }
    }

    private struct Style: Hashable {
        var size: Double
        var bold: Bool
    }

    private static func style(_ block: PDFBlock) -> Style {
        Style(size: PDFBodyMeasure.round(block.lines[0].bodySize, 0.5), bold: block.lines[0].isBold)
    }

    static func origin(_ line: PDFLine, page: Int) -> String {
        "p. \(page), x \(points(line.left)), y \(points(line.baseline)), \(points(line.bodySize)) pt"
    }

    /// A picture's place and size to the point, and its pixels, to find the one printed alike on many pages.
    private static func box(_ image: PDFImage) -> [Int] {
        [image.left, image.top, image.right, image.bottom].map { Int($0.rounded()) } + [image.png.hashValue]
    }

    static func origin(_ image: PDFImage, page: Int) -> String {
        "p. \(page), x \(points(image.left)), y \(points(image.top)), picture \(points(image.right - image.left)) × \(points(image.bottom - image.top)) pt, "
            + "\(image.width) × \(image.height) px"
    }

    static func points(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e9 else { return "?" }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
