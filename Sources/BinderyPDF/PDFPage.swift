/// What poppler reads off one page: its size and its printed lines, top to bottom in reading order.
public struct PDFPage: Sendable {
    /// The page's number in the file, 1 first.
    public var index: Int
    public var width: Double
    public var height: Double
    public var lines: [PDFLine]
}

/// One printed line: runs of one font each, left to right. Its measures are taken once, when it is made.
public struct PDFLine: Sendable {
    public private(set) var spans: [PDFSpan]
    public private(set) var text: String
    public private(set) var left: Double
    public private(set) var right: Double
    public private(set) var top: Double
    public private(set) var bottom: Double
    /// The size of most of the line's letters.
    public private(set) var bodySize: Double
    /// The bottom of the line's letters of its body size (a superscript sits higher).
    public private(set) var baseline: Double
    /// Every letter of the line is bold.
    public private(set) var isBold: Bool
    /// The width of the line's first word, as printed.
    public private(set) var firstWordWidth: Double

    public init(spans: [PDFSpan]) {
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
public struct PDFSpan: Sendable {
    public var text: String
    public var font: String
    public var size: Double
    public var left: Double
    public var right: Double
    public var top: Double
    public var bottom: Double
    /// Where the span's first word ends, when a space follows it inside the span.
    public var firstWordEnd: Double?

    /// The font's name says italic or oblique (`DejaVuSerif-Italic`, `LiberationSerif-BoldItalic`).
    public var isItalic: Bool { let name = font.lowercased(); return name.contains("italic") || name.contains("oblique") }
    public var isBold: Bool { let name = font.lowercased(); return name.contains("bold") || name.contains("black") }
}
