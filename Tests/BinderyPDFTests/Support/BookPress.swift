/// The typesetter's state: the canvas, the page being filled and where its last line sits.
final class BookPress {
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
    /// Pages begun so far: the number of the page being filled.
    private(set) var pageCount = 0

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
}
