/// What poppler reads off one page: its size and its printed lines, top to bottom in reading order.
public struct PDFPage: Sendable {
    /// The page's number in the file, 1 first.
    public var index: Int
    public var width: Double
    public var height: Double
    public var lines: [PDFLine]
}

/// One printed line: runs of one font each, left to right.
public struct PDFLine: Sendable {
    public var spans: [PDFSpan]

    public var text: String { spans.map(\.text).joined() }
    public var left: Double { spans.first?.left ?? 0 }
    public var right: Double { spans.last?.right ?? 0 }
    public var top: Double { spans.map(\.top).min() ?? 0 }
    public var bottom: Double { spans.map(\.bottom).max() ?? 0 }
    /// The bottom of the line's letters of its body size (a superscript sits higher).
    public var baseline: Double {
        let size = bodySize
        return spans.filter { $0.size == size }.map(\.bottom).max() ?? bottom
    }
    /// Every letter of the line is bold.
    public var isBold: Bool { spans.allSatisfy { $0.isBold || $0.text.allSatisfy(\.isWhitespace) } }
    /// The size of most of the line's letters.
    public var bodySize: Double {
        var weight: [Double: Int] = [:]
        for span in spans { weight[span.size, default: 0] += span.text.unicodeScalars.count }
        return weight.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
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

    /// The font's name says italic or oblique (`DejaVuSerif-Italic`, `LiberationSerif-BoldItalic`).
    public var isItalic: Bool { let name = font.lowercased(); return name.contains("italic") || name.contains("oblique") }
    public var isBold: Bool { let name = font.lowercased(); return name.contains("bold") || name.contains("black") }
}
