import Testing

/// The simulator itself: it covers what it says and prints what each convention says.
@Suite("Typesetting simulator: the renderer")
struct SimulatorSelfTests {
    @Test func everyPairOfValuesIsCovered() {
        let rows = SimulatorMatrix.combinations.map { $0.values.map(\.value) }
        let sizes = SimulatorMatrix.sizes
        for a in sizes.indices {
            for b in (a + 1)..<sizes.count {
                let pairs = Set(rows.map { [$0[a], $0[b]] })
                #expect(pairs.count == sizes[a] * sizes[b], "dimensions \(a) and \(b)")
            }
        }
        #expect(SimulatorMatrix.combinations.count < 60)
    }

    @Test(arguments: HyphenationStyle.allCases, Conventions.widths)
    func wordsAreBrokenAtLineEnds(_ hyphenation: HyphenationStyle, width: Int) {
        let lines = Paginator.collapsed(Typesetter(Conventions(hyphenation: hyphenation, width: width)).lines(.sample))
        let broken = lines.count { $0.hasSuffix("\u{2010}") || $0.hasSuffix("-") }
        let compounds = lines.indices.dropLast().count { lines[$0].hasSuffix("-") && SimBook.sample.containsCompound(lines[$0], lines[$0 + 1]) }
        switch hyphenation {
        case .none: #expect(broken == 0)
        case .unicodeHyphen: #expect(broken >= 3 && lines.allSatisfy { !$0.hasSuffix("-") })
        case .hyphenMinus: #expect(broken >= 3 && compounds == 0)
        case .compound: #expect(compounds >= 2 && compounds == broken)
        }
    }

    /// In hard-wrapped text a paragraph's last line is short and no other line is.
    @Test(arguments: Conventions.widths)
    func onlyLastLinesAreShort(width: Int) {
        for hyphenation in HyphenationStyle.allCases {
            let wrapper = LineWrapper(width: width, hyphenation: hyphenation)
            for chapter in SimBook.sample.chapters {
                for case .paragraph(let spans) in chapter.blocks {
                    let lines = wrapper.wrap(spans.printed(.bracketed))
                    #expect(lines.allSatisfy { $0.count <= width })
                    #expect(lines.dropLast().allSatisfy { $0.count * 10 > width * 6 }, "\(lines)")
                    #expect(lines.last.map { $0.count * 10 <= width * 6 } == true)
                }
            }
        }
    }

    @Test func runningHeadsAlternateAsPdftotextRawPrintsThem() {
        let text = Simulator.render(Conventions(pages: .runningHeads))
        #expect(text.contains("\u{0C}2\n\nMARGARET HALE WINSLOW\n\n"))
        #expect(text.contains("\u{0C}THE MEASURE OF QUIET RIVERS\n\n3\n\n"))
        #expect(Simulator.render(Conventions(pages: .blankPages)).contains("\n\n2\n\n\n"))
        #expect(!Simulator.render(Conventions(pages: .blankPages)).contains("\u{0C}"))
    }

    @Test func aKnownBookHasNotesAndAQuote() {
        let book = SimBook.sample
        #expect(book.notes.count >= 4)
        #expect(book.chapters.flatMap(\.blocks).contains { if case .quote = $0 { true } else { false } })
        #expect(book.expectedItems(Conventions(notes: .glued)).flatMap(\.notes).map(\.number) == book.notes.indices.map { "\($0 + 1)" })
    }
}

extension SimBook {
    /// True when a line ending with `-` and the next line make one of the vocabulary's compounds.
    func containsCompound(_ line: String, _ next: String) -> Bool {
        let left = line.split(separator: " ").last.map(String.init) ?? ""
        let right = String(next.split(separator: " ").first ?? "").filter { $0.isLetter || $0 == "-" }
        return ProseGenerator.compounds.contains(left + right)
    }
}
