/// Setting a block's words into lines: breaking, justifying, italics and raised note markers.
extension BookPress {
    /// A word as printed: its letters, italic or not, and the note marker raised after it.
    struct Word {
        var text: String
        var italic: Bool
        var marker: Int?
    }

    static func words(_ runs: [BookSpec.Run]) -> [Word] {
        var words: [Word] = []
        for run in runs {
            switch run {
            case .roman(let text), .italic(let text):
                let italic = if case .italic = run { true } else { false }
                words += text.split(separator: " ").map { Word(text: String($0), italic: italic) }
            case .noteMarker(let number):
                words[words.count - 1].marker = number
            }
        }
        return words
    }

    func markerFace(_ face: TypeFace) -> TypeFace { face.sized(face.size * 0.6).italicised(false) }

    func advance(_ word: Word, in face: TypeFace) -> Double {
        canvas.advance(word.text, in: face.italicised(word.italic))
            + (word.marker.map { canvas.advance(String($0), in: markerFace(face)) } ?? 0)
    }

    /// What setting a block's lines did.
    struct SetLines {
        var lineCount: Int
        var overPageBreak: Bool
        var italicOverLineEnd: Bool
    }

    /// Breaks `words` into lines (first-fit) and draws them.
    @discardableResult
    func set(_ words: [Word], face: TypeFace, left: Double, width: Double, firstIndent: Double, step: Double, justified: Bool) -> SetLines {
        let space = canvas.advance(" ", in: face)
        var lines: [[Word]] = [[]]
        var used = 0.0
        for word in words {
            let available = width - (lines.count == 1 ? firstIndent : 0)
            let needed = advance(word, in: face)
            if !lines[lines.count - 1].isEmpty && used + space + needed > available {
                lines.append([])
                used = 0
            }
            used += (lines[lines.count - 1].isEmpty ? 0 : space) + needed
            lines[lines.count - 1].append(word)
        }
        var firstPage: Int?
        for (index, line) in lines.enumerated() {
            let baseline = nextBaseline(step: step)
            if firstPage == nil { firstPage = pageCount }
            let start = left + (index == 0 ? firstIndent : 0)
            let natural = line.map { advance($0, in: face) }.reduce(0, +) + space * Double(line.count - 1)
            let stretch = justified && index < lines.count - 1 && line.count > 1
                ? (width - (start - left) - natural) / Double(line.count - 1) : 0
            draw(line, x: start, baseline: baseline, face: face, gap: space + stretch, wordByWord: justified)
        }
        let italicOverLineEnd = zip(lines, lines.dropFirst()).contains { $0.last?.italic == true && $1.first?.italic == true }
        return SetLines(lineCount: lines.count, overPageBreak: firstPage.map { $0 != pageCount } ?? false, italicOverLineEnd: italicOverLineEnd)
    }

    /// One line: justified lines word by word at stretched gaps; ragged ones as strings with their spaces,
    /// one string per run of a style (a note marker ends a run).
    func draw(_ line: [Word], x: Double, baseline: Double, face: TypeFace, gap: Double, wordByWord: Bool) {
        var x = x
        var index = 0
        while index < line.count {
            var end = index + 1
            if !wordByWord {
                while end < line.count, line[end].italic == line[index].italic, line[end - 1].marker == nil { end += 1 }
            }
            let text = line[index..<end].map(\.text).joined(separator: " ")
            x = canvas.text(text, x: x, baseline: baseline, in: face.italicised(line[index].italic))
            if let marker = line[end - 1].marker {
                x = canvas.text(String(marker), x: x, baseline: baseline - face.size * 0.35, in: markerFace(face))
            }
            x += gap
            index = end
        }
    }
}
