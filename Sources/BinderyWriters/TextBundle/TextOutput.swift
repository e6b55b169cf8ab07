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

    /// Greedy wrapping on the UTF-8 bytes; width counts Unicode scalars (bytes that start one).
    private func wrap(_ content: String, indent: Int, hangingIndent: Int) -> [String] {
        let prefix = [UInt8](repeating: 0x20, count: indent)
        var content = content
        guard wrapWidth > 0 else { return [String(decoding: prefix, as: UTF8.self) + content] }
        var lines: [String] = []
        content.withUTF8 { bytes in
            var current = prefix
            var width = indent
            var atStart = true
            let continuation = [UInt8](repeating: 0x20, count: indent + hangingIndent)
            var index = 0
            while index < bytes.count {
                while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                guard index < bytes.count else { break }
                let start = index
                var wordWidth = 0
                while index < bytes.count, bytes[index] != 0x20 {
                    if bytes[index] & 0xC0 != 0x80 { wordWidth += 1 }
                    index += 1
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if !atStart && width + 1 + wordWidth > wrapWidth {
                    lines.append(String(decoding: current, as: UTF8.self))
                    current = continuation
                    current.append(contentsOf: word)
                    width = continuation.count + wordWidth
                } else {
                    if !atStart { current.append(0x20); width += 1 }
                    current.append(contentsOf: word)
                    width += wordWidth
                }
                atStart = false
            }
            lines.append(String(decoding: current, as: UTF8.self))
        }
        return lines
    }

    /// Runs of spaces, tabs and newlines as one space, trimmed (on the UTF-8 bytes: all three are ASCII).
    static func collapseSpaces(_ string: String) -> String {
        var string = string
        return string.withUTF8 { bytes -> String in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = !result.isEmpty
                } else {
                    if pendingSpace { result.append(0x20); pendingSpace = false }
                    result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}
