/// Prints a `BookSpec` into a PDF with cairo in the given conventions: a title page, headings centred,
/// paragraphs broken into lines (justified or ragged), a block quote and verse set in, note markers raised,
/// the notes listed at the end, running heads and folios on every page after the title page.
struct BookTypesetter {
    /// The PDF and what the tests need to know about how it was printed.
    struct Printed: Sendable {
        var pdf: [UInt8]
        /// The page number printed on each page of the file, first to last (nil: none, the title page).
        var folios: [String?]
        /// The paragraphs (by index in `BookSpec.paragraphs`) whose lines were set on more than one page.
        var paragraphsOverPageBreaks: Set<Int>
        /// The paragraphs (by index) with an italic run broken over a line's end.
        var paragraphsWithItalicsOverLineEnds: Set<Int>
        /// How many lines each block quote was set on, in order.
        var quoteLineCounts: [Int]
    }

    let conventions: PrintConventions

    func print(_ book: BookSpec) -> Printed {
        let press = Press(conventions, book)
        press.titlePage()
        var paragraphIndex = 0
        var previous: BookSpec.Block?
        for block in book.blocks {
            switch block {
            case .heading(let level, let label, let title):
                press.heading(level: level, lines: (conventions.numberLines ? [label].compactMap { $0 } : []) + [title])
                if level < conventions.headingLevels - 1 { press.newPage() }
            case .paragraph(let runs):
                let afterHeading = if case .heading = previous { true } else { false }
                let set = press.paragraph(runs, afterHeading: afterHeading)
                if set.overPageBreak { press.overPageBreaks.insert(paragraphIndex) }
                if set.italicOverLineEnd { press.italicsOverLineEnds.insert(paragraphIndex) }
                paragraphIndex += 1
            case .quote(let text):
                press.quoteLineCounts.append(press.quote(text))
            case .verse(let lines):
                press.verse(lines)
            }
            previous = block
        }
        press.notes(heading: book.notesHeading, book.notes)
        return Printed(pdf: press.canvas.finish(), folios: press.folios, paragraphsOverPageBreaks: press.overPageBreaks,
                       paragraphsWithItalicsOverLineEnds: press.italicsOverLineEnds, quoteLineCounts: press.quoteLineCounts)
    }
}

/// The typesetter's state: the canvas, the page being filled and where its last line sits.
private final class Press {
    let conventions: PrintConventions
    let book: BookSpec
    let canvas: PDFCanvas
    var folios: [String?] = []
    var overPageBreaks: Set<Int> = []
    var italicsOverLineEnds: Set<Int> = []
    var quoteLineCounts: [Int] = []

    let width: Double, height: Double
    let margin: Double
    var measure: Double { width - 2 * margin }
    var body: TypeFace { TypeFace(size: conventions.bodySize) }
    var small: TypeFace { body.sized(conventions.bodySize * 0.9) }
    let headBaseline: Double, folioBaseline: Double
    /// The first and the last baseline a page's text may have.
    let textTop: Double, textBottom: Double

    /// The baseline of the page's last line; nil on a page with nothing on it yet.
    private var cursor: Double?
    /// Space asked for before the next line (after a heading, between paragraphs).
    private var pendingSpace = 0.0
    private var pageCount = 0

    init(_ conventions: PrintConventions, _ book: BookSpec) {
        self.conventions = conventions
        self.book = book
        (width, height) = conventions.pageSize.points
        canvas = PDFCanvas(width: width, height: height)
        margin = width * 0.13
        headBaseline = height * 0.075
        folioBaseline = height * 0.94
        textTop = headBaseline + 3 * conventions.lineStep
        textBottom = folioBaseline - 3 * conventions.lineStep
    }

    // MARK: Pages

    func newPage() {
        if pageCount > 0 { canvas.endPage() }
        pageCount += 1
        cursor = nil
        pendingSpace = 0
        guard pageCount > 1 else {
            folios.append(nil)
            return
        }
        let folio = String(pageCount)
        folios.append(folio)
        let face = small
        switch conventions.furniture {
        case .headsAtTop(let alternating):
            let verso = pageCount % 2 == 0
            let head = verso || !alternating ? book.title : book.author
            centred(head, baseline: headBaseline, in: face)
            if verso {
                canvas.text(folio, x: margin, baseline: headBaseline, in: face)
            } else {
                canvas.text(folio, x: width - margin - canvas.advance(folio, in: face), baseline: headBaseline, in: face)
            }
        case .folioAtFoot:
            centred(folio, baseline: folioBaseline, in: face)
        }
    }

    /// The baseline for a line `step` below the last (after `pendingSpace`), on a new page when it does not fit.
    func nextBaseline(step: Double) -> Double {
        if let cursor, cursor + pendingSpace + step <= textBottom {
            self.cursor = cursor + pendingSpace + step
        } else {
            if cursor != nil { newPage() }
            cursor = textTop
        }
        pendingSpace = 0
        return cursor!
    }

    /// Room for `lines` more lines of `step` on this page.
    func hasRoom(lines: Int, step: Double) -> Bool {
        guard let cursor else { return true }
        return cursor + pendingSpace + Double(lines) * step <= textBottom
    }

    func centred(_ text: String, baseline: Double, in face: TypeFace) {
        canvas.text(text, x: (width - canvas.advance(text, in: face)) / 2, baseline: baseline, in: face)
    }

    /// `text` broken into centred lines no wider than the measure.
    func centredLines(_ text: String, in face: TypeFace) -> [String] {
        var lines: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            if let last = lines.last, canvas.advance(last + " " + word, in: face) <= measure * 0.9 {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines
    }

    // MARK: Blocks

    func titlePage() {
        newPage()
        let titleFace = body.sized(conventions.bodySize * 2)
        var baseline = height * 0.3
        for line in centredLines(book.title, in: titleFace) {
            centred(line, baseline: baseline, in: titleFace)
            baseline += titleFace.size * 1.3
        }
        centred(book.author, baseline: height * 0.45, in: body.sized(conventions.bodySize * 1.3))
        cursor = textBottom
    }

    /// A centred heading; a part or a chapter opens a page (a part's title stands alone on its page), a
    /// section is kept with three lines after it.
    func heading(level: Int, lines: [String]) {
        let face = body.sized(conventions.headingSize(level: level))
        let step = face.size * 1.3
        if level < conventions.headingLevels || cursor == nil {
            if cursor != nil { newPage() }
            cursor = textTop + 2 * conventions.lineStep
        } else {
            pendingSpace = 1.5 * conventions.lineStep
            if !hasRoom(lines: lines.count + 3, step: step) { newPage() }
        }
        for line in lines.flatMap({ centredLines($0, in: face) }) {
            centred(line, baseline: nextBaseline(step: step), in: face)
        }
        pendingSpace = conventions.lineStep
    }

    /// A paragraph of the body.
    func paragraph(_ runs: [BookSpec.Run], afterHeading: Bool) -> SetLines {
        let indented = conventions.paragraphs == .indented
        if !afterHeading && !indented { pendingSpace = max(pendingSpace, conventions.lineStep * 0.8) }
        let indent = indented && !afterHeading ? conventions.bodySize * 1.5 : 0
        return set(Self.words(runs), face: body, left: margin, width: measure, firstIndent: indent,
                   step: conventions.lineStep, justified: conventions.justified)
    }

    /// Set in on both sides by 2.5 em (LaTeX's `quote`), in the smaller size; returns its number of lines.
    func quote(_ text: String) -> Int {
        pendingSpace = max(pendingSpace, conventions.lineStep * 0.6)
        let inset = conventions.bodySize * 2.5
        let lineCount = set(Self.words([.roman(text)]), face: small, left: margin + inset, width: measure - 2 * inset, firstIndent: 0,
                step: conventions.lineStep * 0.9, justified: conventions.justified).lineCount
        pendingSpace = conventions.lineStep * 0.6
        return lineCount
    }

    /// Verse: each line as written, set in and ragged.
    func verse(_ lines: [String]) {
        pendingSpace = max(pendingSpace, conventions.lineStep * 0.6)
        for line in lines {
            canvas.text(line, x: margin + conventions.bodySize * 3, baseline: nextBaseline(step: conventions.lineStep * 0.9), in: small)
        }
        pendingSpace = conventions.lineStep * 0.6
    }

    /// The notes, numbered, after a top-level heading, in the smaller size.
    func notes(heading: String, _ notes: [String]) {
        self.heading(level: 1, lines: [heading])
        for (index, note) in notes.enumerated() {
            pendingSpace = max(pendingSpace, conventions.lineStep * 0.4)
            set(Self.words([.roman("\(index + 1). " + note)]), face: small, left: margin, width: measure, firstIndent: 0,
                    step: conventions.lineStep * 0.9, justified: conventions.justified)
        }
    }

    // MARK: Lines

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
