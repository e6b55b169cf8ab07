/// What poppler reads off one page: its size and its printed lines, top to bottom in reading order.
package struct PDFPage: Sendable {
    /// The page's number in the file, 1 first.
    package var index: Int
    package var width: Double
    package var height: Double
    package var lines: [PDFLine]
    /// The pictures printed on the page (`PDFImages`), top to bottom.
    package var images: [PDFImage] = []
}

/// A picture printed on a page: where (in points from the page's top left) and its pixels as a PNG file.
package struct PDFImage: Sendable, Hashable {
    package var left: Double
    package var top: Double
    package var right: Double
    package var bottom: Double
    package var png: [UInt8]
    /// In pixels.
    package var width: Int
    package var height: Int
}

/// One printed line: runs of one font each, left to right. Its measures are taken once, when it is made.
package struct PDFLine: Sendable {
    package private(set) var spans: [PDFSpan]
    package private(set) var text: String
    package private(set) var left: Double
    package private(set) var right: Double
    package private(set) var top: Double
    package private(set) var bottom: Double
    /// The size of most of the line's letters.
    package private(set) var bodySize: Double
    /// The bottom of the line's letters of its body size (a superscript sits higher).
    package private(set) var baseline: Double
    /// Every letter of the line is bold.
    package private(set) var isBold: Bool
    /// The width of the line's first word, as printed.
    package private(set) var firstWordWidth: Double

    package init(spans: [PDFSpan]) {
        self.spans = spans
        (text, left, right, top, bottom, bodySize, baseline, isBold, firstWordWidth) = ("", 0, 0, 0, 0, 0, 0, false, 0)
        measure()
    }

    private mutating func measure() {
        text = spans.map(\.text).joined()
        left = spans.first?.left ?? 0
        right = spans.last?.right ?? 0
        top = spans.map(\.top).min() ?? 0
        bottom = spans.map(\.bottom).max() ?? 0
        var weight: [Double: Int] = [:]
        for span in spans { weight[span.size, default: 0] += span.text.unicodeScalars.count }
        bodySize = weight.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
        let size = bodySize
        baseline = spans.filter { $0.size == size }.map(\.bottom).max() ?? bottom
        isBold = spans.allSatisfy { $0.isBold || $0.text.allSatisfy(\.isWhitespace) }
        let first = spans.first { !$0.text.allSatisfy(\.isWhitespace) }
        firstWordWidth = ((first?.firstWordEnd ?? first?.right) ?? left) - left
    }
}

/// A run of characters in one font at one size, with its box in points from the page's top left.
package struct PDFSpan: Sendable {
    package var text: String
    package var font: String
    package var size: Double
    package var left: Double
    package var right: Double
    package var top: Double
    package var bottom: Double
    /// Where the span's first word ends, when a space follows it inside the span.
    package var firstWordEnd: Double?

    /// The font's name says italic or oblique (`DejaVuSerif-Italic`, `LiberationSerif-BoldItalic`).
    package var isItalic: Bool { let name = font.lowercased(); return name.contains("italic") || name.contains("oblique") }
    package var isBold: Bool { let name = font.lowercased(); return name.contains("bold") || name.contains("black") }
}
