/// A page's running head and folio: the lines above (or below) its text block, in the page's outer 15 %,
/// no larger than the body, set apart from the text block by more than two lines' space. They are written
/// out as they are, on lines of their own at the page's start or end, where the reader's page model finds,
/// records and removes them.
enum PDFPageFurniture {
    /// `repeated`: texts (digits taken out) printed in the margin zones of three pages or more.
    static func split(_ lines: [PDFLine], height: Double, measure: PDFBodyMeasure, repeated: Set<String>) -> (top: [PDFLine], body: [PDFLine], bottom: [PDFLine]) {
        func small(_ line: PDFLine) -> Bool {
            line.text.count <= 80 && line.bodySize <= measure.bodySize * 1.02
                && (line.bodySize <= measure.bodySize * 0.9 || isFolio(line.text) || repeated.contains(key(line.text)))
        }
        let gap = measure.lineStep * 1.8
        var top = lines.prefix { $0.bottom < height * 0.15 && small($0) }.count
        while top > 0, top < lines.count, lines[top].baseline - lines[top - 1].baseline < gap { top -= 1 }
        if top == lines.count { top = 0 }
        var bottom = lines.count - lines[top...].reversed().prefix { $0.top > height * 0.85 && small($0) }.count
        while bottom < lines.count, bottom > top, lines[bottom].baseline - lines[bottom - 1].baseline < gap { bottom += 1 }
        if bottom == top { bottom = lines.count }
        return (Array(lines[..<top]), Array(lines[top..<bottom]), Array(lines[bottom...]))
    }

    /// The texts printed in the top or bottom zone of three pages or more, digits taken out: running heads.
    static func repeatedTexts(_ pages: [[PDFLine]], heights: [Double]) -> Set<String> {
        var pagesOf: [String: Int] = [:]
        for (lines, height) in zip(pages, heights) {
            let zone = Set(lines.filter { $0.bottom < height * 0.15 || $0.top > height * 0.85 }.map { key($0.text) }.filter { !$0.isEmpty })
            for text in zone { pagesOf[text, default: 0] += 1 }
        }
        return Set(pagesOf.filter { $0.value >= 3 }.keys)
    }

    private static func key(_ text: String) -> String {
        String(text.filter { !$0.isNumber && !$0.isWhitespace }.lowercased())
    }

    /// Digits alone, or a roman numeral alone: a page number.
    private static func isFolio(_ text: String) -> Bool {
        let trimmed = text.filter { !$0.isWhitespace }
        return !trimmed.isEmpty && trimmed.count <= 6 && (trimmed.allSatisfy(\.isNumber) || trimmed.lowercased().allSatisfy { "ivxlcdm".contains($0) })
    }
}
