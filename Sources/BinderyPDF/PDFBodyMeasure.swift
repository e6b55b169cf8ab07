/// The book's own measures, read from all its pages: the size of its body text, the distance from one
/// baseline to the next, the paragraph indent, and each page side's text block (left and right edges).
struct PDFBodyMeasure: Sendable {
    var bodySize: Double
    /// Baseline to baseline, in points, between two lines of body text.
    var lineStep: Double
    /// How far a paragraph's first line is set in from the lines after it; 0 when paragraphs are not indented.
    var paragraphIndent: Double
    /// Left and right edges of the text block on odd (recto) and even (verso) pages.
    var edges: [Bool: (left: Double, right: Double)]

    var em: Double { bodySize }

    init(_ pages: [[PDFLine]], pageWidths: [Double]) {
        var sizes: [Double: Int] = [:]
        for page in pages { for line in page { sizes[Self.round(line.bodySize, 0.1), default: 0] += line.text.count } }
        bodySize = Self.mode(sizes) ?? 10
        let size = bodySize
        func isBody(_ line: PDFLine) -> Bool { abs(line.bodySize - size) < size * 0.03 }
        var steps: [Double: Int] = [:]
        var indents: [Double: Int] = [:]
        var lefts: [Bool: [Double: Int]] = [true: [:], false: [:]]
        var rights: [Bool: [Double: Int]] = [true: [:], false: [:]]
        for (index, page) in pages.enumerated() {
            let odd = index % 2 == 0
            for (position, line) in page.enumerated() where isBody(line) && line.text.count >= 25 {
                lefts[odd]![Self.round(line.left, 0.5), default: 0] += 1
                rights[odd]![Self.round(line.right, 0.5), default: 0] += 1
                guard position > 0, isBody(page[position - 1]) else { continue }
                let step = line.baseline - page[position - 1].baseline
                if step > size, step < size * 2.5 { steps[Self.round(step, 0.1), default: 0] += 1 }
                // A first line set in, then a line at the edge: the indent of a paragraph.
                if position + 1 < page.count, isBody(page[position + 1]), abs(page[position + 1].left - page[position - 1].left) < 0.5 {
                    let indent = line.left - page[position + 1].left
                    if indent > size * 0.3, indent < size * 4 { indents[Self.round(indent, 0.5), default: 0] += 1 }
                }
            }
        }
        lineStep = Self.mode(steps) ?? size * 1.2
        let indentCount = indents.values.reduce(0, +)
        paragraphIndent = indentCount >= 3 ? Self.mode(indents) ?? 0 : 0
        var edges: [Bool: (left: Double, right: Double)] = [:]
        let widths = pageWidths.isEmpty ? [size * 40] : pageWidths
        for odd in [true, false] {
            // The outermost edges that many lines share: a book of verse set in still has prose at the margin.
            let left = Self.frequentExtreme(lefts[odd]!, smallest: true) ?? Self.frequentExtreme(lefts[!odd]!, smallest: true) ?? size * 4
            let right = Self.frequentExtreme(rights[odd]!, smallest: false) ?? Self.frequentExtreme(rights[!odd]!, smallest: false) ?? (widths[0] - left)
            edges[odd] = (left, right)
        }
        self.edges = edges
    }

    func edges(ofPage index: Int) -> (left: Double, right: Double) {
        edges[index % 2 == 0]!
    }

    /// A step between lines of this size: the body's step, scaled.
    func step(forSize size: Double) -> Double {
        lineStep * max(size, bodySize * 0.5) / bodySize
    }

    static func round(_ value: Double, _ grain: Double) -> Double {
        (value / grain).rounded() * grain
    }

    /// The smallest (or largest) value that at least 3 % of the counted lines, and three at least, share.
    static func frequentExtreme(_ counts: [Double: Int], smallest: Bool) -> Double? {
        let total = counts.values.reduce(0, +)
        let frequent = counts.filter { $0.value >= max(3, total * 3 / 100) }.keys
        return smallest ? frequent.min() : frequent.max()
    }

    static func mode(_ counts: [Double: Int]) -> Double? {
        counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }
}
