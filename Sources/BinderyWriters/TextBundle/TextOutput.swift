/// Accumulates plain text: blank lines between blocks, greedy wrapping at a width (0 = no wrapping).
struct TextOutput {
    var wrapWidth: Int
    private(set) var text = ""
    private var inTightRun = false

    init(wrapWidth: Int) {
        self.wrapWidth = wrapWidth
    }

    mutating func heading(_ title: String, underline: Character?) {
        separate()
        text += title + "\n"
        if let underline { text += String(repeating: underline, count: max(3, min(title.count, max(wrapWidth, 72)))) + "\n" }
    }

    mutating func paragraph(_ content: String, indent: Int = 0, hanging: Bool = false, tight: Bool = false) {
        if !(tight && inTightRun) { separate() }
        inTightRun = tight
        let lines = wrap(content, indent: indent, hangingIndent: hanging ? 4 : 0)
        text += lines.joined(separator: "\n") + "\n"
    }

    mutating func line(_ content: String, indent: Int) {
        if !inTightRun { separate() }
        inTightRun = true
        text += String(repeating: " ", count: indent) + content + "\n"
    }

    /// A line set off by blank lines and kept as given (no wrapping), such as a scene-break ornament.
    mutating func standalone(_ content: String, indent: Int) {
        separate()
        text += String(repeating: " ", count: indent) + content + "\n"
    }

    mutating func rule() {
        separate()
        text += "----\n"
    }

    mutating func endTightRun() { inTightRun = false }

    private mutating func separate() {
        if !text.isEmpty { text += "\n" }
        inTightRun = false
    }

    private func wrap(_ content: String, indent: Int, hangingIndent: Int) -> [String] {
        let prefix = String(repeating: " ", count: indent)
        guard wrapWidth > 0 else { return [prefix + content] }
        var lines: [String] = []
        var current = prefix
        var currentLength = indent
        var atStart = true
        let continuation = String(repeating: " ", count: indent + hangingIndent)
        for word in content.split(separator: " ", omittingEmptySubsequences: true) {
            if !atStart && currentLength + 1 + word.count > wrapWidth {
                lines.append(current)
                current = continuation + word
                currentLength = continuation.count + word.count
            } else {
                current += (atStart ? "" : " ") + word
                currentLength += (atStart ? 0 : 1) + word.count
            }
            atStart = false
        }
        lines.append(current)
        return lines
    }

    /// Runs of spaces, tabs and newlines as one space, trimmed.
    static func collapseSpaces(_ string: String) -> String {
        string.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
