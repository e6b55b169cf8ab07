/// Text wrapped as Project Gutenberg wraps it: greedy, at `width` columns, after `indent` spaces.
func gutenbergWrapped(_ text: String, width: Int = 70, indent: Int = 0) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty, indent + line.count + 1 + word.count > width {
            lines.append(String(repeating: " ", count: indent) + line)
            line = ""
        }
        line += line.isEmpty ? String(word) : " " + word
    }
    if !line.isEmpty { lines.append(String(repeating: " ", count: indent) + line) }
    return lines.joined(separator: "\n")
}
