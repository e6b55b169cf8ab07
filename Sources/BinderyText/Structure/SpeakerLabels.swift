/// Speaker labels of a play (`HAMLET.` on its own line, the speech under it): a short line in capitals
/// ending in a full stop, where the same few names recur many times as the first line of a group.
enum SpeakerLabels {
    /// The label of a line when it has the shape of one: at most four words of capitals, a final full stop.
    static func label(_ line: SourceLine) -> String? {
        let text = line.text
        guard text.hasSuffix("."), line.length >= 3, line.length <= 32, line.leadingSpaces <= 1 else { return nil }
        let name = text.dropLast()
        guard name.split(separator: " ").count <= 4, name.contains(where: \.isLetter),
              name.allSatisfy({ $0.isUppercase || $0 == " " || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "." }) else { return nil }
        return String(name)
    }

    /// Groups opening with a recurring speaker label. Evidence: two or more labels each seen at least three
    /// times, a dozen such groups in all, and most label-shaped openings among them.
    static func find(_ groups: [LineGroup]) -> Set<Int> {
        var labelled: [(Int, String)] = []
        for (index, group) in groups.enumerated() {
            guard let first = group.lines.first, let name = label(first) else { continue }
            labelled.append((index, name))
        }
        let sequences = numberedSequences(labelled.map(\.1))
        labelled.removeAll { numberedStem($0.1).map { sequences.contains($0.stem) } ?? false }
        var counts: [String: Int] = [:]
        for (_, name) in labelled { counts[name, default: 0] += 1 }
        let recurring = Set(counts.filter { $0.value >= 3 }.keys)
        let hits = labelled.filter { recurring.contains($0.1) }
        guard recurring.count >= 2, hits.count >= 12, hits.count * 3 >= labelled.count * 2 else { return [] }
        // Once the play is evident, a label seen once (`PROLOGUE.`) is one too when a speech stands under it.
        let once = labelled.filter { index, name in
            !recurring.contains(name) && (groups[index].lines.count > 1 || (index + 1 < groups.count && groups[index + 1].blankBefore == 0))
        }
        return Set((hits + once).map(\.0))
    }

    /// `CHAPTER` of `CHAPTER IV`: the words before a final roman or arabic number (none for a bare `IV`), and that number.
    static func numberedStem(_ name: String) -> (stem: String, number: Substring)? {
        let space = name.lastIndex(of: " ")
        let number = space.map { name[name.index(after: $0)...] } ?? name[...]
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || "IVXLC".contains($0)) }) else { return nil }
        return (space.map { String(name[..<$0]) } ?? "", number)
    }

    /// Stems that carry three different numbers or more and start again at one (`CHAPTER I.`, `CHAPTER II.`, …,
    /// `CHAPTER I.`): a numbering of divisions repeated under each part, not a speaker (`KING HENRY V.` is one name).
    /// Bare numbers (`II.`, `III.`, `IV.`: the one, `I.`, is too short for a label) need only three different ones.
    static func numberedSequences(_ names: [String]) -> Set<String> {
        var numbers: [String: Set<Substring>] = [:]
        var ones: [String: Int] = [:]
        for name in names {
            guard let (stem, number) = numberedStem(name) else { continue }
            numbers[stem, default: []].insert(number)
            if number == "I" || number == "1" { ones[stem, default: 0] += 1 }
        }
        return Set(numbers.filter { $0.value.count >= 3 && ($0.key.isEmpty || ones[$0.key, default: 0] >= 2) }.keys)
    }

    /// The parts of a play, as paragraph classes by group: `speaker` (a label alone), `speech` (a label with its
    /// speech), `speech-body` (a speech under its label, or resumed after a stage direction: one blank line,
    /// not the wider gap before a heading) and `stage-direction`. Empty when the text is no play.
    static func classes(_ groups: [LineGroup]) -> [Int: String] {
        let labels = find(groups)
        guard !labels.isEmpty else { return [:] }
        var result: [Int: String] = [:]
        for index in labels {
            result[index] = groups[index].lines.count == 1 ? "speaker" : "speech"
            if let body = speechAfter(index, groups) { result[body] = "speech-body" }
        }
        for (index, group) in groups.enumerated() where result[index] == nil {
            if isStageDirection(group) {
                result[index] = "stage-direction"
            } else if index > 0, group.blankBefore <= 1, label(group.lines[0]) == nil,
                      ["stage-direction", "speech-body", "speech"].contains(result[index - 1] ?? "") {
                result[index] = "speech-body"
            }
        }
        return result
    }

    /// The speech under a label that stands alone in its group: the next group, right under it.
    static func speechAfter(_ labelIndex: Int, _ groups: [LineGroup]) -> Int? {
        guard groups[labelIndex].lines.count == 1, labelIndex + 1 < groups.count, groups[labelIndex + 1].blankBefore == 0,
              label(groups[labelIndex + 1].lines[0]) == nil else { return nil }
        return labelIndex + 1
    }

    /// A line wholly in underscores (`_Exit Ghost._`): in a play, a stage direction.
    static func isStageDirection(_ group: LineGroup) -> Bool {
        let text = group.plainText
        return text.hasPrefix("_") && (text.hasSuffix("_") || text.hasSuffix("_.")) && group.lines.count <= 4
    }
}
