/// Compares recovered blocks with the known ones and describes the first difference in a line or two.
enum SimComparison {
    /// Nil when the blocks agree: headings by their words at the same relative level (levels ranked), paragraphs
    /// and quotations by their whitespace-normalised text, notes by number, place and text.
    static func firstDifference(expected: [SimItem], actual: [SimItem], furniture: [String] = []) -> String? {
        let expectedRanks = ranks(expected), actualRanks = ranks(actual)
        for index in 0..<max(expected.count, actual.count) {
            let place = "block \(index + 1) of \(expected.count) expected/\(actual.count) read"
            guard index < expected.count else { return "\(place): unexpected \(actual[index])" + leak(actual[index].text, furniture) }
            guard index < actual.count else { return "\(place): missing \(expected[index])" }
            let want = expected[index], got = actual[index]
            switch (want.kind, got.kind) {
            case (.heading(let wantLevel), .heading(let gotLevel)):
                if want.text.headingWords != got.text.headingWords || expectedRanks[wantLevel] != actualRanks[gotLevel] {
                    return "\(place): expected \(want), read \(got) (relative levels \(expectedRanks[wantLevel]!)/\(actualRanks[gotLevel]!))"
                }
            case (.paragraph, .paragraph), (.quote, .quote):
                if want.text != got.text { return "\(place): \(wordDifference(want.text, got.text))" + leak(got.text, furniture) }
                if want.notes != got.notes { return "\(place): notes \(describe(want.notes)) expected, read \(describe(got.notes))" }
            default:
                return "\(place): expected \(want), read \(got)" + leak(got.text, furniture)
            }
        }
        return nil
    }

    /// Heading levels ranked 1, 2, … from the top, so that only relative levels count.
    private static func ranks(_ items: [SimItem]) -> [Int: Int] {
        let levels = Set(items.compactMap { if case .heading(let level) = $0.kind { level } else { nil } }).sorted()
        return Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($0.element, $0.offset + 1) })
    }

    /// The first differing word of two texts, with a few words of context on each side.
    static func wordDifference(_ want: String, _ got: String) -> String {
        let a = want.split(separator: " "), b = got.split(separator: " ")
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        func excerpt(_ words: [Substring]) -> String {
            (index > 4 ? "…" : "") + words[max(0, index - 4)..<min(words.count, index + 4)].joined(separator: " ") + (index + 4 < words.count ? "…" : "")
        }
        return "text differs at word \(index + 1) (of \(a.count)/\(b.count)): expected «\(excerpt(a))», read «\(excerpt(b))»"
    }

    /// Names page furniture that leaked into a text.
    private static func leak(_ text: String, _ furniture: [String]) -> String {
        let leaked = furniture.filter { text.contains($0) }
        return leaked.isEmpty ? "" : " [running head in the text: \(leaked.joined(separator: ", "))]"
    }

    private static func describe(_ notes: [SimNote]) -> String {
        notes.isEmpty ? "none" : notes.map { "\($0.number) after «…\($0.before.suffix(20))» = «\($0.text.prefix(30))…»" }.joined(separator: "; ")
    }
}
