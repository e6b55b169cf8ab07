import BinderyModel

/// The lines of a verse block as inlines, each note put back where its marker stood, and each page break
/// (`pageBreaks`, keyed by the line's index in its group) at the start of the line it comes before.
enum VerseLines {
    /// `inlines` are the group's joined text with its notes linked (`NoteLinker`, which took each marker out): a
    /// note's place there, counted along the lines joined with one space (the markers taken out before it counted
    /// back in), finds its line and the marker printed on it. Where the group's first lines are not verse (a
    /// speaker's name), `leading` is the number of scalars they take in `inlines`.
    static func lines(_ lines: ArraySlice<SourceLine>, inlines: [Inline], pageBreaks: [Int: PageBreak] = [:], leading: Int = 0) -> [[Inline]] {
        var result = lines.map { [Inline.text($0.text)] }
        for (index, pageBreak) in pageBreaks where lines.indices.contains(index) {
            result[index - lines.startIndex].insert(.pageBreak(pageBreak), at: 0)
        }
        let texts = lines.map { Array($0.text.unicodeScalars) }
        var placed: [(line: Int, range: Range<Int>, note: Note)] = []
        var unplaced: [Note] = []
        var offset = -leading
        for inline in inlines {
            guard case .note(let note) = inline else {
                offset += inline.plainText.unicodeScalars.count
                continue
            }
            let taken = placed.map { ($0.line, $0.range) }
            // Else the first line still showing the marker in brackets (italics marks dropped from `inlines` shift the
            // offset); else the end of the last line.
            if let (line, range) = (offset >= 0 ? markerPlace(of: note.number, at: offset, in: texts, taken: taken) : nil)
                ?? bracketedMarker(of: note.number, in: texts, taken: taken) {
                placed.append((line, range, note))
                offset += range.count
            } else {
                unplaced.append(note)
            }
        }
        // Right to left along each line, so that the places still to fill keep their offsets.
        for (line, range, note) in placed.sorted(by: { ($0.line, $0.range.lowerBound) > ($1.line, $1.range.lowerBound) }) {
            result[line] = place(note, at: range, in: result[line])
        }
        if !result.isEmpty { result[result.count - 1] += unplaced.map(Inline.note) }
        return result
    }

    /// The line and the scalar range of the marker of note `number` that stood at `offset` of the lines joined with
    /// one space: the number (`master1`), set off by a space (`said. 3`), in brackets (`[3]`) or in superscript
    /// figures; within three scalars of the offset (a join that drops a hyphen shifts it), not inside a longer
    /// number (`1915`), and not where another note's marker was found.
    static func markerPlace(of number: String, at offset: Int, in texts: [[Unicode.Scalar]], taken: [(Int, Range<Int>)] = []) -> (line: Int, range: Range<Int>)? {
        let superscript = String(number.compactMap { digit in NoteTextFinder.superscripts.first { $0.value == digit }?.key })
        let forms = [number, " " + number, "[" + number + "]", superscript].filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
        var start = 0
        for (index, scalars) in texts.enumerated() {
            defer { start += scalars.count + 1 }
            guard offset <= start + scalars.count else { continue }
            let local = offset - start
            for distance in 0...3 {
                for position in distance == 0 ? [local] : [local - distance, local + distance] where position >= 0 {
                    for marker in forms where position + marker.count <= scalars.count && Array(scalars[position..<(position + marker.count)]) == marker {
                        let range = position..<(position + marker.count)
                        // The figures stand alone there (`1` is no marker inside `12` or `1915`).
                        if range.upperBound < scalars.count, NoteMarkerScanner.isDigit(scalars[range.upperBound]) { continue }
                        if position > 0, NoteMarkerScanner.isDigit(marker[0]), NoteMarkerScanner.isDigit(scalars[position - 1]) { continue }
                        if taken.contains(where: { $0.0 == index && $0.1.overlaps(range) }) { continue }
                        return (index, range)
                    }
                }
            }
            return nil
        }
        return nil
    }

    /// The first `[number]` of the lines not taken already, by line and scalar range.
    private static func bracketedMarker(of number: String, in texts: [[Unicode.Scalar]], taken: [(Int, Range<Int>)]) -> (line: Int, range: Range<Int>)? {
        let marker = Array("[\(number)]".unicodeScalars)
        for (index, scalars) in texts.enumerated() where scalars.count >= marker.count {
            for position in 0...(scalars.count - marker.count) where Array(scalars[position..<(position + marker.count)]) == marker {
                let range = position..<(position + marker.count)
                if !taken.contains(where: { $0.0 == index && $0.1.overlaps(range) }) { return (index, range) }
            }
        }
        return nil
    }

    /// The line's inlines with the text in `range` (scalar offsets in its text) replaced by the note; the note at
    /// the line's end should the range fall in no text of it (no note is ever dropped).
    private static func place(_ note: Note, at range: Range<Int>, in line: [Inline]) -> [Inline] {
        var start = 0
        var placed = false
        let result = line.flatMap { inline -> [Inline] in
            guard !placed, case .text(let text) = inline else { return [inline] }
            let scalars = Array(text.unicodeScalars)
            defer { start += scalars.count }
            guard range.lowerBound >= start, range.upperBound <= start + scalars.count else { return [inline] }
            placed = true
            let before = String(String.UnicodeScalarView(scalars[..<(range.lowerBound - start)]))
            let after = String(String.UnicodeScalarView(scalars[(range.upperBound - start)...]))
            return [.text(before), .note(note), .text(after)].filter { $0 != .text("") }
        }
        return placed ? result : line + [.note(note)]
    }
}
