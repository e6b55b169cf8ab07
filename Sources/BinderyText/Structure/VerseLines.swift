import BinderyModel

/// The lines of a verse block as inlines, each note put back on the line that shows its marker, and each page
/// break (`pageBreaks`, keyed by the line's index in its group) at the start of the line it comes before.
enum VerseLines {
    static func lines(_ lines: ArraySlice<SourceLine>, inlines: [Inline], pageBreaks: [Int: PageBreak] = [:]) -> [[Inline]] {
        var result = lines.map { [Inline.text($0.text)] }
        for (index, pageBreak) in pageBreaks where lines.indices.contains(index) {
            result[index - lines.startIndex].insert(.pageBreak(pageBreak), at: 0)
        }
        for case .note(let note) in inlines {
            let marker = "[\(note.number)]"
            // The first line still showing the marker; a marker in another form goes at the end of the last line.
            if let position = result.firstIndex(where: { line in line.contains { if case .text(let text) = $0 { text.contains(marker) } else { false } } }) {
                result[position] = place(note, marker: marker, in: result[position])
            } else if !result.isEmpty {
                result[result.count - 1].append(.note(note))
            }
        }
        return result
    }

    private static func place(_ note: Note, marker: String, in line: [Inline]) -> [Inline] {
        var placed = false
        return line.flatMap { inline -> [Inline] in
            guard !placed, case .text(let text) = inline, let range = text.range(of: marker) else { return [inline] }
            placed = true
            return [.text(String(text[..<range.lowerBound])), .note(note), .text(String(text[range.upperBound...]))].filter { $0 != .text("") }
        }
    }
}
