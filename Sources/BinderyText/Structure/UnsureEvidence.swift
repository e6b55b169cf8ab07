import BinderyModel

/// Warnings where the reader's evidence was weak and a person should look: printed page numbers that skip, and a short
/// line standing again and again as a paragraph of its own (a running head the page finder did not take out?).
enum UnsureEvidence {
    /// Times a short line must stand alone before it is reported.
    static let repeatedLineCount = 5

    static func diagnostics(_ blocks: [Block]) -> [Diagnostic] {
        numberingGaps(blocks) + repeatedLines(blocks)
    }

    /// Arabic page numbers that do not rise by one from break to break.
    static func numberingGaps(_ blocks: [Block]) -> [Diagnostic] {
        var previous: Int?
        var gaps: [(from: Int, to: Int, line: Int?)] = []
        for pageBreak in blocks.flatMap(\.pageBreaks) {
            let value = pageBreak.number.flatMap { Int($0) }
            if let value, let previous, value != previous + 1 { gaps.append((previous, value, pageBreak.sourceLine)) }
            previous = value ?? previous.map { $0 + 1 }
        }
        guard let first = gaps.first else { return [] }
        let listed = gaps.prefix(5).map { "\($0.from) to \($0.to)" + ($0.line.map { " (line \($0))" } ?? "") }.joined(separator: ", ")
        return [Diagnostic(.warning, code: "pages.numbering-gaps",
            "the printed page numbers do not run on by one \(gaps.count) time(s): \(listed)\(gaps.count > 5 ? ", …" : ""); pages may be missing from the text, or their numbers misread",
            line: first.line)]
    }

    /// Short lines without closing punctuation that stand as a paragraph of their own at least `repeatedLineCount` times.
    static func repeatedLines(_ blocks: [Block]) -> [Diagnostic] {
        var counts: [String: (count: Int, line: Int?)] = [:]
        for case .paragraph(let inlines, let info) in blocks where info.attributes.classes.isEmpty {
            let text = inlines.plainText.trimmingCharacters(in: .whitespaces)
            guard (3...60).contains(text.count), let last = text.last, last.isLetter || last.isNumber, text.contains(where: \.isLetter) else { continue }
            counts[text, default: (0, info.source?.firstLine)].count += 1
        }
        return counts.filter { $0.value.count >= repeatedLineCount }.sorted { $0.value.count > $1.value.count }.prefix(3).map { text, found in
            Diagnostic(.warning, code: "text.repeated-line",
                "“\(text)” stands \(found.count) times as a paragraph of its own: a running head left in the text (list it under structure.running-heads in the sidecar to take it out), or a label not recognised",
                line: found.line)
        }
    }
}
