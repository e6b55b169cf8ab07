import Foundation

/// Word sequences of the TEI body and of the bundle's reading text, for the "same text" promise:
/// both must hold exactly the reading text (no notes, no page furniture), word for word.
public enum TextComparison {
    /// Words of `<text>` without the generated title page, the notes, the figures and the `fw` page furniture.
    public static func teiBodyWords(_ tei: String) -> [String] {
        var text = tei
        if let start = text.range(of: "<text>"), let end = text.range(of: "</text>", options: .backwards) {
            text = String(text[start.upperBound..<end.lowerBound])
        }
        text = removing(text, from: "<titlePage>", to: "</titlePage>")
        text = notesAsMarkers(text)
        text = listItemsWithMarkers(text)
        text = text.replacingOccurrences(of: #"<fw [^>]*>[^<]*</fw>"#, with: " ", options: .regularExpression)
        // A figure's description and image are the reader's, not the source's words.
        text = text.replacingOccurrences(of: #"<figure>[\s\S]*?</figure>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<(p|head|l|item|quote|lg|list|div|addrLine)\b"#, with: " <$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        return words(text)
    }

    /// Words of the reading text without its title block, heading underlines, scene breaks, figures' place-holders and the
    /// gathered notes (note markers `[n]` and list markers stay: the TEI side writes them too).
    /// `titleBlockParagraphs`: the blank-separated paragraphs of the title block (title, subtitle, "by …").
    public static func readingWords(_ reading: String, titleBlockParagraphs: Int) -> [String] {
        var kept: [Substring] = []
        var inNotes = false
        let lines = reading.split(separator: "\n", omittingEmptySubsequences: false)
        var start = 0, paragraphs = 0
        while start < lines.count, paragraphs < titleBlockParagraphs {
            if lines[start].isEmpty { paragraphs += 1 }
            start += 1
        }
        func isUnderline(_ line: Substring) -> Bool { !line.isEmpty && (line.allSatisfy { $0 == "=" } || (line.count >= 3 && line.allSatisfy { $0 == "-" })) }
        var index = start
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            if line == "----" { inNotes = true; continue }
            // The gathered notes end where a heading (a line with an underline) begins.
            let nextIsUnderline = index + 1 < lines.count && isUnderline(lines[index + 1]) && lines[index + 1] != "----"
            if inNotes && !nextIsUnderline {
                if line.isEmpty || line.hasPrefix("[") || line.hasPrefix("    ") { continue }
            }
            inNotes = false
            if isUnderline(line) { continue }
            if line.trimmingCharacters(in: .whitespaces) == "*   *   *" { continue }
            kept.append(line)
        }
        // A figure's place-holder (`[Figure: …; images/…]`, maybe wrapped) is the reader's, not the source's words.
        return words(kept.joined(separator: "\n").replacingOccurrences(of: #"\[Figure: [^\]]*\]"#, with: " ", options: .regularExpression))
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    private static func removing(_ text: String, from open: String, to close: String) -> String {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return text }
        return String(text[..<start.lowerBound]) + String(text[end.upperBound...])
    }

    /// Each `<note n="X">…</note>` (nesting-aware) becomes the marker `[X]`, as in the reading text.
    private static func notesAsMarkers(_ text: String) -> String {
        var result = ""
        var depth = 0
        var rest = Substring(text)
        while let open = rest.firstMatch(of: #/<note [^>]*n="([^"]*)"[^>]*>|</note>/#) {
            if depth == 0 { result += rest[..<open.range.lowerBound] }
            if open.output.0.hasPrefix("</") {
                depth -= 1
            } else {
                if depth == 0 { result += "[\(open.output.1 ?? "")]" }
                depth += 1
            }
            rest = rest[open.range.upperBound...]
        }
        return result + rest
    }

    /// Items of TEI lists get the markers the reading text gives them: `- ` or `1. `, `2. `, ….
    private static func listItemsWithMarkers(_ text: String) -> String {
        var result = ""
        var lists: [(numbered: Bool, count: Int, printed: Bool)] = []
        var rest = Substring(text)
        while let tag = rest.firstMatch(of: #/<list rend="(numbered|bulleted)( [^"]*)?">|</list>|<item>/#) {
            result += rest[..<tag.range.lowerBound]
            if tag.output.0 == "</list>" {
                _ = lists.popLast()
            } else if tag.output.0 == "<item>" {
                if var list = lists.popLast() {
                    list.count += 1
                    if !list.printed { result += list.numbered ? " \(list.count). " : " - " }
                    lists.append(list)
                }
            } else {
                lists.append((tag.output.1 == "numbered", 0, tag.output.2?.contains("markers-in-text") == true))
            }
            rest = rest[tag.range.upperBound...]
        }
        return result + rest
    }

    /// The first place two word lists differ, for a readable failure.
    public static func firstDifference(_ a: [String], _ b: [String]) -> String? {
        guard a != b else { return nil }
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let left = a[max(0, index - 5)..<min(a.count, index + 5)].joined(separator: " ")
        let right = b[max(0, index - 5)..<min(b.count, index + 5)].joined(separator: " ")
        return "word \(index) of \(a.count)/\(b.count): «\(left)» vs «\(right)»"
    }
}
