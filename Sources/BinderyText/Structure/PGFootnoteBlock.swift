/// Project Gutenberg's footnote convention: `[Footnote 3: text …]` set after the paragraph that cites it,
/// over one or more paragraphs, the last closing with `]`.
enum PGFootnoteBlock {
    /// The number and body of a group that opens a footnote block, or nil.
    static func opening(_ text: String) -> (number: String, body: String)? {
        guard text.hasPrefix("[Footnote") || text.hasPrefix("[FOOTNOTE") else { return nil }
        let rest = text.dropFirst(9).drop { $0 == " " }
        let label = rest.prefix { $0 != ":" && $0 != "]" }
        guard !label.isEmpty, label.count <= 4, label.allSatisfy({ $0.isNumber || $0.isLetter || $0 == "*" }),
              rest.dropFirst(label.count).first == ":" else { return nil }
        var body = String(rest.dropFirst(label.count + 1)).trimming(" ")
        if body.hasSuffix("]") { body.removeLast() }
        return (String(label), body)
    }

    /// One run per footnote block, its further paragraphs as continuations, up to the one ending in `]`.
    static func runs(_ groups: [LineGroup]) -> [NoteTextFinder.Run] {
        var runs: [NoteTextFinder.Run] = []
        var index = 0
        while index < groups.count {
            guard groups[index].lines.first?.text.hasPrefix("[F") == true, let item = opening(groups[index].plainText) else { index += 1; continue }
            var run = NoteTextFinder.Run(groups: [index], numbers: [item.number], bodies: [item.body], isFootnoteBlock: true)
            var end = index
            if !groups[index].plainText.hasSuffix("]") {
                var probe = index + 1
                while probe < groups.count, probe <= index + 12, opening(groups[probe].plainText) == nil {
                    if groups[probe].plainText.hasSuffix("]") { end = probe; break }
                    probe += 1
                }
                if end > index { run.continuations[0] = Array((index + 1)...end) }
            }
            runs.append(run)
            index = end + 1
        }
        return runs
    }
}
