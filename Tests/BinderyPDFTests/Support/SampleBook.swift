import BinderyTestSupport

/// Makes a `BookSpec` from a seed: sentences of lowercase words (no digits, so a printed page number is
/// never the text's), capitalised titles from other words (so a running head is never the text's), italic
/// runs, note markers, a block quote and a poem. The same seed gives the same book.
struct SampleBook {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    private static let words = """
        river stone window garden morning letter quiet evening field harbour bridge winter summer candle lantern \
        shadow meadow orchard valley market road village house door table chair voice silence answer question \
        road ship sail coast island cloud rain wind light dark small old young long slow bright pale warm cold \
        walked spoke waited listened remembered carried opened closed wrote read found lost kept gave took left \
        under over beside beyond across through between toward after before while until because although \
        the a the a the of of to in on and and but with from for her his their our
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Title words, none of which the body uses.
    private static let titleWords = [
        "Amber", "Lattice", "Cobalt", "Saffron", "Granite", "Juniper", "Marrow", "Tamarind", "Quarry", "Vellum",
        "Halcyon", "Osprey", "Bramble", "Cinder", "Fennel", "Larkspur", "Pewter", "Russet", "Thistle", "Wicker",
    ]
    private static let surnames = ["Ashdown", "Blackwood", "Castellan", "Dunmore", "Everly", "Fairweather", "Greaves", "Holloway"]
    private static let given = ["Miriam", "Tobias", "Helena", "Ambrose", "Cordelia", "Silas", "Rosalind", "Edmund"]
    private static let numberWords = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]

    private mutating func pick<T>(_ items: [T]) -> T {
        items[Int(random.next() % UInt64(items.count))]
    }

    private mutating func count(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    private mutating func phrase(_ range: ClosedRange<Int>) -> String {
        (0..<count(range)).map { _ in pick(Self.words) }.joined(separator: " ")
    }

    private mutating func sentence() -> String {
        let text = phrase(6...14)
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// Titles given so far: each title is new, so a heading is found by its title alone.
    private var titles: Set<String> = []

    private mutating func titleText() -> String {
        while true {
            let first = pick(Self.titleWords), second = pick(Self.titleWords)
            let title = "The \(first) and the \(second)"
            if first != second, titles.insert(title).inserted { return title }
        }
    }

    /// A paragraph of `sentences` sentences; `italic` puts an italic phrase in its second sentence,
    /// `note` a note's marker after its first.
    private mutating func paragraph(sentences: Int, italic: Bool, note: Int?) -> [BookSpec.Run] {
        var runs: [BookSpec.Run] = []
        for index in 0..<sentences {
            let lead = runs.isEmpty ? "" : " "
            if italic && index == 1 {
                runs.append(.roman(lead + "They " + phrase(2...4) + " "))
                runs.append(.italic(phrase(1...3)))
                runs.append(.roman(" " + phrase(2...5) + "."))
            } else {
                runs.append(.roman(lead + sentence()))
            }
            if index == 0, let note { runs.append(.noteMarker(note)) }
        }
        return runs
    }

    /// A book with `levels` heading levels: with 3, parts over chapters over sections; with 2, chapters over sections.
    mutating func book(levels: Int) -> BookSpec {
        var blocks: [BookSpec.Block] = []
        var notes: [String] = []
        let chapterLevel = levels == 3 ? 2 : 1
        let partCount = levels == 3 ? 2 : 1
        var chapterNumber = 0
        for part in 0..<partCount {
            if levels == 3 { blocks.append(.heading(level: 1, label: "Part \(Self.numberWords[part])", title: titleText())) }
            for _ in 0..<(levels == 3 ? 2 : 3) {
                blocks.append(.heading(level: chapterLevel, label: "Chapter \(Self.numberWords[chapterNumber])", title: titleText()))
                for index in 0..<5 {
                    let note: Int? = index == 1 ? notes.count + 1 : nil
                    if note != nil { notes.append(sentence() + " " + sentence()) }
                    // The first chapter's third paragraph is longer than any page: it must run over a page break.
                    let extra = index == 2 ? (chapterNumber == 0 ? 70 : 12) : 0
                    blocks.append(.paragraph(paragraph(sentences: count(3...6) + extra, italic: index == 0, note: note)))
                }
                switch chapterNumber % 3 {
                case 0: blocks.append(.quote((0..<3).map { _ in sentence() }.joined(separator: " ")))
                case 1: blocks.append(.verse((0..<count(4...6)).map { _ in let line = phrase(3...6); return line.prefix(1).uppercased() + line.dropFirst() }))
                default: break
                }
                blocks.append(.paragraph(paragraph(sentences: count(2...4), italic: false, note: nil)))
                blocks.append(.heading(level: chapterLevel + 1, label: nil, title: titleText()))
                for _ in 0..<3 {
                    blocks.append(.paragraph(paragraph(sentences: count(3...7), italic: true, note: nil)))
                }
                chapterNumber += 1
            }
        }
        return BookSpec(title: titleText(), author: "\(pick(Self.given)) \(pick(Self.surnames))", blocks: blocks, notes: notes)
    }
}
