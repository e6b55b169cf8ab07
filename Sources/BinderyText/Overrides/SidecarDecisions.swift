/// What the sidecar's `structure:` section changed, for the TEI `editorialDecl` and the proof.
struct SidecarDecisions: Sendable {
    var sidecarName: String
    var forcedHeadingLines: [Int] = []
    var deniedHeadingLines: [Int] = []
    var runningHeadLines: [Int] = []
    var runningHeadPatterns: [String] = []
    var paragraphs: StructureOverrides.Paragraphs?
    var hyphenation: StructureOverrides.Hyphenation?
    var linkNotes: Bool?

    /// One sentence naming every decision, with the source lines it touched.
    var sentence: String {
        var parts: [String] = []
        if !forcedHeadingLines.isEmpty { parts.append("\(forcedHeadingLines.count) heading(s) forced (\(Self.lines(forcedHeadingLines)))") }
        if !deniedHeadingLines.isEmpty { parts.append("\(deniedHeadingLines.count) inferred heading(s) made paragraphs (\(Self.lines(deniedHeadingLines)))") }
        if !runningHeadPatterns.isEmpty {
            parts.append("\(runningHeadLines.count) line(s) matching \(runningHeadPatterns.map { "/\($0)/" }.joined(separator: ", ")) removed as running heads"
                + (runningHeadLines.isEmpty ? "" : " (\(Self.lines(runningHeadLines)))"))
        }
        if let paragraphs { parts.append("paragraph layout set to ‘\(paragraphs.rawValue)’") }
        if let hyphenation { parts.append("end-of-line hyphens: \(hyphenation.rawValue)") }
        if linkNotes == false { parts.append("note linking turned off") }
        return "By the sidecar \(sidecarName): " + (parts.isEmpty ? "no structure decision changed." : parts.joined(separator: "; ") + ".")
    }

    /// "lines 3, 7, 12" — at most 20 numbers, then a count of the rest.
    private static func lines(_ numbers: [Int]) -> String {
        let sorted = numbers.sorted()
        let shown = sorted.prefix(20).map(String.init).joined(separator: ", ")
        return (sorted.count == 1 ? "line " : "lines ") + shown + (sorted.count > 20 ? " and \(sorted.count - 20) more" : "")
    }
}
