import BinderyModel

/// The lines of a verse block as inlines, each note put back where its marker stood, and each page break
/// (`pageBreaks`, keyed by the line's index in its group) at the start of the line it comes before.
enum VerseLines {
    /// `inlines` are the group's joined text with its notes linked (`NoteLinker`): a note's place there, counted
    /// along the lines joined with one space, finds its line and the marker printed on it. Where the group's first
    /// lines are not verse (a speaker's name), `leading` is the number of scalars they take in `inlines`.
    static func lines(_ lines: ArraySlice<SourceLine>, inlines: [Inline], pageBreaks: [Int: PageBreak] = [:], leading: Int = 0) -> [[Inline]] {
        var result = lines.map { [Inline.text($0.text)] }
        for (index, pageBreak) in pageBreaks where lines.indices.contains(index) {
            result[index - lines.startIndex].insert(.pageBreak(pageBreak), at: 0)
        }
        let texts = lines.map(\.text)
        var offset = -leading
        for inline in inlines {
            guard case .note(let note) = inline else {
                offset += inline.plainText.unicodeScalars.count
                continue
            }
            // Else the first line still showing the marker in brackets (italics marks dropped from `inlines` shift the
            // offset); else the end of the last line.
            if let (line, range) = (offset >= 0 ? markerPlace(of: note.number, at: offset, in: texts) : nil) ?? bracketedMarker(of: note.number, in: texts) {
                result[line] = place(note, at: range, in: result[line])
            } else if !result.isEmpty {
                result[result.count - 1].append(.note(note))
            }
        }
        return result
    }

    /// The line and the scalar range of the marker of note `number` that stood at `offset` of the lines joined with
    /// one space: the number (`master1`), set off by a space (`said. 3`), in brackets (`[3]`) or in superscript
    /// figures; within a few scalars of the offset, as joins that drop a hyphen shift it.
    static func markerPlace(of number: String, at offset: Int, in texts: [String]) -> (line: Int, range: Range<Int>)? {
        let superscript = String(number.compactMap { digit in NoteTextFinder.superscripts.first { $0.value == digit }?.key })
        let forms = [number, " " + number, "[" + number + "]", superscript].filter { !$0.isEmpty }
        var start = 0
        for (index, text) in texts.enumerated() {
            let scalars = Array(text.unicodeScalars)
            defer { start += scalars.count + 1 }
            guard offset <= start + scalars.count else { continue }
            let local = offset - start
            for distance in 0...3 {
                for position in Set([local - distance, local + distance]) where position >= 0 {
                    for form in forms {
                        let marker = Array(form.unicodeScalars)
                        guard position + marker.count <= scalars.count, Array(scalars[position..<(position + marker.count)]) == marker else { continue }
                        // The figures end there (`1` is no marker inside `12`).
                        if position + marker.count < scalars.count, NoteMarkerScanner.isDigit(scalars[position + marker.count]) { continue }
                        return (index, position..<(position + marker.count))
                    }
                }
            }
            return nil
        }
        return nil
    }

    /// The first `[number]` of the lines, by line and scalar range.
    private static func bracketedMarker(of number: String, in texts: [String]) -> (line: Int, range: Range<Int>)? {
        let marker = "[\(number)]"
        for (index, text) in texts.enumerated() {
            guard let range = text.range(of: marker) else { continue }
            let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
            return (index, start..<(start + marker.unicodeScalars.count))
        }
        return nil
    }

    /// The line's inlines with the text in `range` (scalar offsets in its text) replaced by the note.
    private static func place(_ note: Note, at range: Range<Int>, in line: [Inline]) -> [Inline] {
        var start = 0
        return line.flatMap { inline -> [Inline] in
            guard case .text(let text) = inline else { return [inline] }
            let scalars = Array(text.unicodeScalars)
            defer { start += scalars.count }
            guard range.lowerBound >= start, range.upperBound <= start + scalars.count else { return [inline] }
            let before = String(String.UnicodeScalarView(scalars[..<(range.lowerBound - start)]))
            let after = String(String.UnicodeScalarView(scalars[(range.upperBound - start)...]))
            return [.text(before), .note(note), .text(after)].filter { $0 != .text("") }
        }
    }
}
