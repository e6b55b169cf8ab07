import BinderyModel

/// Stage 4: joins the lines of a paragraph. An end-of-line hyphen (or `¬`) between letters is dropped when
/// the joined word occurs elsewhere in the document and the hyphenated form does not; otherwise it is kept
/// (a compound such as `self-government`). A document whose typesetter marks its line-end breaks with U+2010
/// HYPHEN, and uses that character nowhere else, says so itself: its line-end `‐` are joined and its line-end
/// `-` kept (`con‐` / `siderable`, but `three-` / `dimensional`).
struct Dehyphenator: Sendable {
    /// The hyphen a typesetter draws at a break (U+2010).
    static let breakHyphen: Character = "\u{2010}"
    /// Lower-cased words of the document, hyphenated compounds included whole.
    private var lexicon: Set<String> = []
    private(set) var joined = 0
    private(set) var kept = 0
    private(set) var softHyphens = 0
    /// `auto` asks the lexicon; `join` and `keep` are the sidecar's `hyphenation:` forcing one answer.
    var policy: StructureOverrides.Hyphenation = .auto
    /// The document breaks words with U+2010 at line ends only (`breakHyphenHabit`).
    var marksBreaksWithHyphen = false
    /// The document sets its em dashes closed (`word—word`): one at a line end meets the next line with no space.
    var closesDashes = false
    /// Compounds the text extraction closed up on over-long lines, hyphenated again.
    var compounds: JoinedCompounds?
    private(set) var compoundsRestored = 0
    /// Every hyphen joined or kept, by the line that ends with it, and every compound's hyphen put back.
    private(set) var decisions: [LineDecision] = []

    init(lines: [SourceLine]) {
        // Only the words a line-end hyphen asks about are looked up: collect them, then scan the text once.
        let needed = Self.neededWords(lines)
        self.init(lexicon: needed.isEmpty ? [] : LexiconScan.words(in: lines[...], needed: needed, replacing: LexiconScan.breakFragmentsLeftOut(lines[...])))
    }

    /// A dehyphenator whose lexicon was scanned already: `LexiconScan.Halves(lines).finish(lines)`, the words the
    /// line-end hyphens ask about as the text uses them away from its breaks.
    init(lexicon: Set<String>) {
        self.lexicon = lexicon
    }

    /// The lower-cased words the line-end hyphens ask about: each joined word, its hyphenated form and its halves.
    /// With `marksBreaksWithHyphen` the hyphens are decided without the lexicon: only `¬` asks it.
    static func neededWords(_ lines: [SourceLine], marksBreaksWithHyphen: Bool = false) -> Set<Substring> {
        var needed: Set<Substring> = []
        for (index, line) in lines.enumerated() where index + 1 < lines.count {
            // Only a line whose last byte is `-`, the last of `¬` (C2 AC) or of `‐` (E2 80 90) can end with one.
            guard let lastByte = line.text.utf8.last, lastByte == 0xAC || !marksBreaksWithHyphen && (lastByte == 0x2D || lastByte == 0x90) else { continue }
            guard let last = line.text.last, last == "-" || last == "¬" || last == breakHyphen else { continue }
            let left = Self.trailingWord(line.text.dropLast()).lowercased()
            guard !left.isEmpty else { continue }
            // The word may go on after page furniture (a running head, a folio), not yet told apart here.
            for next in lines[(index + 1)...].lazy.filter({ !$0.isBlank }).prefix(3) {
                let right = String(next.text.prefix(while: { $0.isLetter || $0 == "-" })).lowercased()
                guard !right.isEmpty else { continue }
                for word in [left + right, left + "-" + right, left, right] { needed.insert(Substring(word)) }
            }
        }
        return needed
    }

    /// Whether the lines end in U+2010 often (a tenth of a percent of them, three at least) and never hold it
    /// elsewhere: then the document's typesetter drew it at its breaks only.
    static func breakHyphenHabit(_ lines: [SourceLine]) -> Bool {
        var atEnd = 0
        for line in lines where ByteSearch.mayContain(line.text, bytesOf: "\u{2010}") {
            // U+2010 is E2 80 90; found anywhere but at the very end, it is the text's own hyphen.
            let bytes = Array(line.text.utf8)
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x90 {
                    guard index + 3 == bytes.count else { return false }
                    atEnd += 1
                }
                index += 1
            }
        }
        return atEnd >= 3 && atEnd * 1000 >= lines.count
    }

    /// Whether the em dashes inside the lines stand closed between their neighbours (`word—word`) ten times at
    /// least and four times as often as with a space beside them.
    static func closedDashHabit(_ lines: [SourceLine]) -> Bool {
        var closed = 0, spaced = 0
        for line in lines where ByteSearch.mayContain(line.text, bytesOf: "—") {
            // `—` is E2 80 94; a space beside it is 20 or the no-break space C2 A0 (other spaces are rare here).
            let bytes = Array(line.text.utf8)
            var index = 1
            while index + 3 < bytes.count {
                defer { index += 1 }
                guard bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x94 else { continue }
                let before = bytes[index - 1], after = bytes[index + 3]
                let spacedBefore = before == 0x20 || before == 0xA0 && index >= 2 && bytes[index - 2] == 0xC2
                if spacedBefore || after == 0x20 || after == 0xC2 && index + 4 < bytes.count && bytes[index + 4] == 0xA0 { spaced += 1 } else { closed += 1 }
            }
        }
        return closed >= 10 && closed >= spaced * 4
    }

    /// The trailing run of letters and hyphens of a text: read on its bytes while they are ASCII (A–Z, a–z, `-`).
    static func trailingWord(_ text: Substring) -> String {
        let utf8 = text.utf8
        var start = utf8.endIndex
        while start > utf8.startIndex {
            let before = utf8.index(before: start)
            let byte = utf8[before]
            if byte >= 0x80 { return String(text.reversed().prefix(while: { $0.isLetter || $0 == "-" }).reversed()) }
            guard Self.isASCIIWordByte(byte) else { break }
            start = before
        }
        return String(text[start...])
    }

    /// The leading run of letters and hyphens of a text: read on its bytes while they are ASCII.
    static func leadingWord(_ text: String) -> String {
        let utf8 = text.utf8
        var end = utf8.startIndex
        while end < utf8.endIndex {
            let byte = utf8[end]
            if byte >= 0x80 { return String(text.prefix(while: { $0.isLetter || $0 == "-" })) }
            guard Self.isASCIIWordByte(byte) else { break }
            end = utf8.index(after: end)
        }
        return String(text[..<end])
    }

    /// An ASCII letter or `-`.
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A || byte == 0x2D
    }

    /// The lines of a group as inlines, page breaks in place; with `keepLineBreaks`, each line end too.
    mutating func inlines(_ group: LineGroup, keepLineBreaks: Bool = false) -> [Inline] {
        var result: [Inline] = []
        var text = ""
        if !keepLineBreaks, group.lines.count > 1 {
            // Room for the whole paragraph at once, rather than growing it line by line.
            text.reserveCapacity(group.lines.reduce(group.lines.count) { $0 + $1.text.utf8.count })
        }
        for (position, line) in group.lines.enumerated() {
            var piece = line.text
            if let compounds, let repair = compounds.repaired(line, lexicon: lexicon) {
                piece = repair.text
                compoundsRestored += 1
                decisions.append(LineDecision(line: line.number, kind: .compoundRestored, detail: repair.compound))
            }
            // A line without the bytes of `¬` has nothing to replace (most lines).
            let soft = piece.containsSoftHyphen
            if soft {
                softHyphens += piece.count { $0 == "¬" }
            }
            if position > 0 {
                if let pageBreak = group.pageBreaks[position] {
                    let joiner = join(&text, next: &piece, hyphenLine: group.lines[position - 1].number)
                    text += joiner
                    if !text.isEmpty { result.append(.text(text)) }
                    text = ""
                    result.append(.pageBreak(pageBreak))
                } else if keepLineBreaks {
                    let joiner = join(&text, next: &piece, hyphenLine: group.lines[position - 1].number)
                    if joiner == "-" { text += "-" }
                    if !text.isEmpty { result.append(.text(text)) }
                    text = ""
                    result.append(.lineBreak(LineBreak(joinsWords: joiner != " ", sourceLine: line.number)))
                } else {
                    text += join(&text, next: &piece, hyphenLine: group.lines[position - 1].number)
                }
            }
            if soft {
                text += piece.last == "¬" ? String(piece.dropLast()).replacingSoftHyphens() + "¬" : piece.replacingSoftHyphens()
            } else {
                text += piece
            }
        }
        if text.last == "¬" { text.removeLast() }
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }

    /// Decides how `text` (so far) and the next line meet; trims the hyphen from `text` when a word is rejoined.
    private mutating func join(_ text: inout String, next: inout String, hyphenLine: Int) -> String {
        if closesDashes, text.utf8.last == 0x94, text.hasSuffix("—"), let before = text.unicodeScalars.dropLast().last, !SourceLine.isSpace(before) {
            return ""
        }
        // Only a text whose last byte is `-`, the last of `¬` (C2 AC) or of `‐` (E2 80 90) can end with one.
        guard let lastByte = text.utf8.last, lastByte == 0x2D || lastByte == 0xAC || lastByte == 0x90 else { return " " }
        guard let last = text.last, last == "-" || last == "¬" || last == Self.breakHyphen else { return " " }
        // A range of figures broken at its hyphen (`248-` / `52`) keeps it, as a compound's is kept.
        if last == "-", next.unicodeScalars.first.map(NoteMarkerScanner.isDigit) == true {
            let before = String(String.UnicodeScalarView(text.unicodeScalars.reversed().dropFirst().prefix(while: NoteMarkerScanner.isDigit).reversed()))
            if !before.isEmpty {
                text.removeLast()
                kept += 1
                decisions.append(LineDecision(line: hyphenLine, kind: .hyphenKept, detail: before + "-" + next.prefix(while: \.isNumber), bySidecar: false))
                return "-"
            }
        }
        // The word before the hyphen, read through a slice in a scope of its own: a slice still alive at
        // `text.removeLast()` would make it copy the whole paragraph (debug builds keep locals to the end
        // of their scope). Not `dropLast()`: on a String that counts the paragraph, quadratic over a long one.
        let left: String?
        do {
            let beforeHyphen = text[..<text.index(before: text.endIndex)]
            left = beforeHyphen.last?.isLetter == true ? Self.trailingWord(beforeHyphen) : nil
        }
        guard let left, let letterAfter = next.first, letterAfter.isLetter || (letterAfter.isNumber && last == "-")
        else { return last == "¬" ? dropSoft(&text) : " " }
        let right = Self.leadingWord(next)
        let dropHyphen: Bool
        if policy != .auto {
            dropHyphen = policy == .join
        } else if marksBreaksWithHyphen, last != "¬" {
            dropHyphen = last == Self.breakHyphen
        } else if lexicon.contains((left + "-" + right).lowercased()) {
            dropHyphen = false
        } else if lexicon.contains((left + right).lowercased()) {
            dropHyphen = true
        } else {
            // Neither form elsewhere: a compound's halves are words, the left one met elsewhere and the right one too
            // or whole (`open-` / `mindedness`, `Chaux-` / `de-Fonds`); a word the typesetter broke leaves fragments
            // (`declai-` / `med`, `guard-` / `ian`). The lexicon leaves out the fragments at breaks.
            let leftKnown = lexicon.contains(left.lowercased()) && left.count > 1
            let rightKnown = lexicon.contains(right.lowercased()) && right.count > 1
            let compound = right.contains("-") || (leftKnown && (rightKnown || (left.count >= 3 && right.count >= 6)))
            dropHyphen = !compound && !letterAfter.isUppercase
        }
        text.removeLast()
        decisions.append(LineDecision(line: hyphenLine, kind: dropHyphen ? .hyphenJoined : .hyphenKept,
                                      detail: dropHyphen ? left + right : left + "-" + right, bySidecar: policy != .auto))
        if dropHyphen {
            joined += 1
            return ""
        }
        kept += 1
        return "-"
    }

    private mutating func dropSoft(_ text: inout String) -> String {
        text.removeLast()
        return " "
    }
}

extension String {
    /// True when the text holds a `¬` (U+00AC, UTF-8 C2 AC); a byte scan, cheap on every line.
    var containsSoftHyphen: Bool {
        ByteSearch.mayContain(self, bytesOf: "¬")
    }

    /// Removes `¬` inside a line: between letters it was a soft hyphen (`self¬government` → `self-government`
    /// only when written so elsewhere; here kept as a hyphen, the usual meaning in extracted PDFs).
    func replacingSoftHyphens() -> String {
        guard containsSoftHyphen else { return self }
        var result = ""
        var previous: Character?
        let characters = Array(self)
        for (index, character) in characters.enumerated() {
            if character == "¬" {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if let previous, previous.isLetter, let next, next.isLetter { result.append("-") }
                continue
            }
            result.append(character)
            previous = character
        }
        return result
    }
}
