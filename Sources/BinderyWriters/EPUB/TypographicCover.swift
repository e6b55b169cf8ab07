import BinderyModel
import BinderyXML

/// The generated cover of every book (a cover image of the book's own is not read yet): an SVG page (2:3, like a printed book) with the title, subtitle and
/// creators set in a serif on a ground colour chosen from the title, so that a shelf of covers is told apart at a glance.
/// The type is sized so that the longest line fills the measure, from a thumbnail to a phone screen.
struct TypographicCover {
    static let width = 600, height = 900
    /// Ground and ink pairs: dark grounds with light type, all above WCAG AA contrast.
    private static let palettes: [(ground: String, ink: String, accent: String)] = [
        ("#1f3a4d", "#f4efe6", "#c9a96e"), ("#4a1f2b", "#f6eee8", "#d9a38c"), ("#23402e", "#f1f0e6", "#b8c48a"),
        ("#2f2a4a", "#f2effa", "#b9a9e0"), ("#4b3621", "#f7f0e4", "#d6b47c"), ("#263238", "#eceff1", "#90a4ae"),
    ]

    var title: String
    var subtitle: String?
    var creators: [String]
    /// The word for a cover in the book's language.
    var label: String

    init(_ metadata: Metadata, title: String, label: String) {
        self.title = title
        self.label = label
        subtitle = metadata.subtitle.flatMap { $0.isBlank ? nil : $0 }
        creators = metadata.creators.map(\.name).filter { !$0.isBlank }
    }

    /// The cover's alternative text: what it says (`Cover: Title: Subtitle — A, B`), with no word of one language but the label.
    var altText: String {
        label + ": " + title + (subtitle.map { ": " + $0 } ?? "") + (creators.isEmpty ? "" : " — " + creators.joined(separator: ", "))
    }

    func svg() throws(XMLError) -> [UInt8] {
        let palette = Self.palettes[Self.stableHash(title) % Self.palettes.count]
        let titleLines = Self.wrap(title, maximumLines: 6)
        // A serif's average advance is about half its size; the longest line fills 480 of the 600 units.
        let titleSize = min(76, Int(480.0 / (0.52 * Double(max(4, titleLines.map(\.count).max() ?? 1)))))
        // Two lines of subtitle at most (widened as need be), so that it stays clear of two lines of creators.
        let subtitleLines = subtitle.map { Self.wrap($0, maximumLines: 2, width: 30) } ?? []
        let subtitleSize = min(34, Int(480.0 / (0.5 * Double(max(16, subtitleLines.map(\.count).max() ?? 1)))))
        let byline = creators.prefix(3).joined(separator: ", ") + (creators.count > 3 ? " …" : "")
        let bylineLines = Self.wrap(byline, maximumLines: 2, width: 34)
        let bylineSize = min(30, Int(500.0 / (0.55 * Double(max(18, bylineLines.map(\.count).max() ?? 1)))))

        let xml = try XMLWriter(indent: true)
        xml.startDocument()
        xml.startElement("svg")
        xml.attributes([("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"), ("viewBox", "0 0 \(Self.width) \(Self.height)"),
                        ("preserveAspectRatio", "xMidYMid meet")])
        xml.element("title", text: altText)
        xml.element("rect", ["width": "\(Self.width)", "height": "\(Self.height)", "fill": palette.ground])
        xml.element("rect", ["x": "28", "y": "28", "width": "\(Self.width - 56)", "height": "\(Self.height - 56)", "fill": "none",
                             "stroke": palette.accent, "stroke-width": "3"])
        // The title block sits a little above the middle; the subtitle under a short rule; the creators at the foot.
        let titleHeight = titleLines.count * titleSize * 6 / 5
        let subtitleHeight = subtitleLines.isEmpty ? 0 : 60 + subtitleLines.count * subtitleSize * 13 / 10
        var y = max(150, (Self.height - titleHeight - subtitleHeight) * 2 / 5) + titleSize
        text(titleLines, size: titleSize, y: &y, step: titleSize * 6 / 5, fill: palette.ink, style: nil, xml: xml)
        if !subtitleLines.isEmpty {
            let ruleY = y - titleSize * 6 / 5 + 40
            xml.element("rect", ["x": "\(Self.width / 2 - 40)", "y": "\(ruleY)", "width": "80", "height": "3", "fill": palette.accent])
            y = ruleY + 30 + subtitleSize
            text(subtitleLines, size: subtitleSize, y: &y, step: subtitleSize * 13 / 10, fill: palette.ink, style: "italic", xml: xml)
        }
        if !bylineLines.isEmpty {
            // The creators stand at the foot, their last line 90 units above the edge.
            var footY = Self.height - 90 - (bylineLines.count - 1) * bylineSize * 13 / 10
            text(bylineLines, size: bylineSize, y: &footY, step: bylineSize * 13 / 10, fill: palette.accent, style: nil, xml: xml, spacing: "0.05em")
        }
        xml.endElement()
        return try xml.finish()
    }

    /// Centred lines of text, one under another from `y`.
    private func text(_ lines: [String], size: Int, y: inout Int, step: Int, fill: String, style: String?, xml: XMLWriter, spacing: String? = nil) {
        for line in lines {
            xml.startElement("text")
            xml.attributes([("x", "\(Self.width / 2)"), ("y", "\(y)"), ("text-anchor", "middle"), ("fill", fill),
                            ("font-family", "Georgia, 'Liberation Serif', 'Times New Roman', serif"), ("font-size", "\(size)"),
                            ("font-style", style), ("letter-spacing", spacing)])
            xml.text(line)
            xml.endElement()
            y += step
        }
    }

    /// Words in lines of about `width` characters, widened until at most `maximumLines` hold them all.
    static func wrap(_ text: String, maximumLines: Int, width: Int? = nil) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [] }
        // Short titles set large on two lines or so; long ones wider.
        var measure = max(words.map(\.count).max() ?? 0, width ?? max(10, Int((Double(text.count) * 1.6).squareRoot().rounded(.up))))
        while true {
            var lines: [String] = []
            for word in words {
                if let last = lines.last, last.count + 1 + word.count <= measure { lines[lines.count - 1] += " " + word } else { lines.append(word) }
            }
            if lines.count <= maximumLines { return lines }
            measure += 2
        }
    }

    /// FNV-1a of the title's bytes: the same title always gets the same colours.
    private static func stableHash(_ text: String) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(hash % 1_000_003)
    }
}
