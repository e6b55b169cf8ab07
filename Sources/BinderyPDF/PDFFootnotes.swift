/// A page's footnotes: the last lines of its text block, smaller than the body and set apart from it, each note
/// opening with a label the page's text carries as a raised marker (`¹` → `1`, `*`). They are written as
/// `[Footnote 1: …]`, the convention the reader links to its marker.
enum PDFFootnotes {
    struct Note {
        var label: String
        var lines: [PDFLine]
    }

    static func split(_ body: [PDFLine], measure: PDFBodyMeasure) -> (text: [PDFLine], notes: [Note]) {
        let markers = Set(body.flatMap { line in
            line.spans.compactMap { PDFInlineMarkup.marker($0, lineSize: line.bodySize, baseline: line.baseline) }
        })
        guard !markers.isEmpty else { return (body, []) }
        let smaller = body.map { $0.bodySize < measure.bodySize * 0.97 }
        var start = body.count
        while start > 0, smaller[start - 1] { start -= 1 }
        guard start > 0, start < body.count,
              body[start].baseline - body[start - 1].baseline > measure.step(forSize: body[start - 1].bodySize) * 1.15 else { return (body, []) }
        var notes: [Note] = []
        for line in body[start...] {
            if let label = label(of: line), markers.contains(label) {
                notes.append(Note(label: label, lines: [line]))
            } else if !notes.isEmpty {
                notes[notes.count - 1].lines.append(line)
            } else {
                return (body, [])
            }
        }
        return (Array(body[..<start]), notes)
    }

    /// The label a note's first line opens with: a raised marker, or a number or sign before a full stop or a space.
    static func label(of line: PDFLine) -> String? {
        guard let first = line.spans.first(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { return nil }
        if let marker = PDFInlineMarkup.marker(first, lineSize: line.bodySize, baseline: line.baseline) { return marker }
        let text = line.text.drop { $0 == " " }
        let label = text.prefix { $0.isNumber || "*†‡§".contains($0) }
        guard !label.isEmpty, label.count <= 3, let next = text.dropFirst(label.count).first, next == "." || next == " " else { return nil }
        return String(label)
    }

    /// The note's first line without its label, as the transcript writes it after `[Footnote n: `.
    static func dropLabel(_ text: String, label: String) -> String {
        var rest = Substring(text).drop { $0 == " " }
        if rest.hasPrefix("[\(label)]") { rest = rest.dropFirst(label.count + 2) } else if rest.hasPrefix(label) { rest = rest.dropFirst(label.count) }
        if rest.first == "." { rest = rest.dropFirst() }
        return String(rest.drop { $0 == " " })
    }
}
