/// A printed line's spans as text: italics between underscores, raised small numbers as `[n]` note markers.
/// An italic run may go on over a line's end; `italic` carries it from one line to the next of a block.
struct PDFInlineMarkup {
    var italic = false
    var markItalics: Bool

    /// `line` as text; `closing` ends an open italic run at its end (the block ends there).
    mutating func text(of line: PDFLine, closing: Bool) -> String {
        var out = ""
        let size = line.bodySize
        let baseline = line.baseline
        for (index, span) in line.spans.enumerated() {
            // A raised number before a slash is a fraction's numerator (`1/352`), not a note's marker.
            let fraction = index + 1 < line.spans.count && line.spans[index + 1].text.first.map { "/⁄".contains($0) } == true
            if !fraction, let marker = Self.marker(span, lineSize: size, baseline: baseline) {
                // The marker goes right after the word it marks (poppler may see a space before a raised figure).
                while out.last == " " { out.removeLast() }
                if italic { out += "_"; italic = false }
                out += "[\(marker)]" + String(repeating: " ", count: span.text.reversed().prefix { $0 == " " }.count)
                continue
            }
            let wantsItalic = markItalics && span.isItalic
            let content = span.text
            if content.allSatisfy(\.isWhitespace) {
                if italic && !wantsItalic { out += "_"; italic = false }
                out += content
                continue
            }
            if wantsItalic != italic {
                // The mark goes next to the letters: spaces stay outside it.
                if italic {
                    let trimmed = out.reversed().prefix { $0 == " " }.count
                    out.removeLast(trimmed)
                    out += "_" + String(repeating: " ", count: trimmed)
                } else {
                    let leading = content.prefix { $0 == " " }.count
                    out += String(repeating: " ", count: leading) + "_"
                    out += content.dropFirst(leading)
                    italic = true
                    continue
                }
                italic = wantsItalic
            }
            out += content
        }
        if italic && closing {
            let trimmed = out.reversed().prefix { $0 == " " }.count
            out.removeLast(trimmed)
            out += "_"
            italic = false
        }
        return out.trimmingTrailingSpaces()
    }

    /// `[n]` when the line opens with a note's raised marker.
    static func leadingMarker(_ line: PDFLine) -> String? {
        guard let first = line.spans.first, let marker = marker(first, lineSize: line.bodySize, baseline: line.baseline) else { return nil }
        return "[\(marker)]"
    }

    /// A raised run in a smaller size of up to four letters or digits: a note's marker.
    static func marker(_ span: PDFSpan, lineSize: Double, baseline: Double) -> String? {
        let text = span.text.filter { !$0.isWhitespace }
        guard span.size <= lineSize * 0.85, span.bottom < baseline - lineSize * 0.12,
              !text.isEmpty, text.count <= 4, text.allSatisfy({ $0.isLetter || $0.isNumber || "*†‡§".contains($0) }) else { return nil }
        return text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
