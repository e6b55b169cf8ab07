/// Accumulates plain text: blank lines between blocks, greedy wrapping at a width (0 = no wrapping).
/// The text is kept as UTF-8 bytes and wrapped in place.
struct TextOutput {
    var wrapWidth: Int
    private var bytes: [UInt8] = []
    private var inTightRun = false

    init(wrapWidth: Int) {
        self.wrapWidth = wrapWidth
    }

    /// The text so far, as UTF-8.
    var utf8: [UInt8] { bytes }

    mutating func heading(_ title: String, underline: Character?) {
        separate()
        append(title)
        bytes.append(0x0A)
        if let underline { append(String(repeating: underline, count: max(3, min(title.count, max(wrapWidth, 72)))) + "\n") }
    }

    mutating func paragraph(_ content: String, indent: Int = 0, hanging: Bool = false, tight: Bool = false) {
        if !(tight && inTightRun) { separate() }
        inTightRun = tight
        wrap(content, indent: indent, hangingIndent: hanging ? 4 : 0)
        bytes.append(0x0A)
    }

    mutating func line(_ content: String, indent: Int) {
        if !inTightRun { separate() }
        inTightRun = true
        spaces(indent)
        append(content)
        bytes.append(0x0A)
    }

    /// A line set off by blank lines and kept as given (no wrapping), such as a scene-break ornament.
    mutating func standalone(_ content: String, indent: Int) {
        separate()
        spaces(indent)
        append(content)
        bytes.append(0x0A)
    }

    mutating func rule() {
        separate()
        append("----\n")
    }

    mutating func endTightRun() { inTightRun = false }

    private mutating func separate() {
        if !bytes.isEmpty { bytes.append(0x0A) }
        inTightRun = false
    }

    private mutating func append(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    private mutating func spaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: count))
    }

    /// Greedy wrapping on the UTF-8 bytes, lines joined by LF; width counts Unicode scalars (bytes that start one).
    private mutating func wrap(_ content: String, indent: Int, hangingIndent: Int) {
        spaces(indent)
        guard wrapWidth > 0 else { return append(content) }
        var content = content
        let wrapWidth = wrapWidth
        content.withUTF8 { source in
            var width = indent
            var atStart = true
            let continuation = indent + hangingIndent
            var index = 0
            while index < source.count {
                while index < source.count, source[index] == 0x20 { index += 1 }
                guard index < source.count else { break }
                let start = index
                var wordWidth = 0
                while index < source.count, source[index] != 0x20 {
                    if source[index] & 0xC0 != 0x80 { wordWidth += 1 }
                    index += 1
                }
                let word = UnsafeBufferPointer(rebasing: source[start..<index])
                if !atStart && width + 1 + wordWidth > wrapWidth {
                    bytes.append(0x0A)
                    spaces(continuation)
                    bytes.append(contentsOf: word)
                    width = continuation + wordWidth
                } else {
                    if !atStart { bytes.append(0x20); width += 1 }
                    bytes.append(contentsOf: word)
                    width += wordWidth
                }
                atStart = false
            }
        }
    }

    /// Runs of spaces, tabs and newlines as one space, trimmed (on the UTF-8 bytes: all three are ASCII).
    /// Text that is already so (the usual case) is returned as it is.
    static func collapseSpaces(_ string: String) -> String {
        var string = string
        return string.withUTF8 { bytes -> String? in
            guard needsCollapsing(bytes) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
                if end > index {
                    if !result.isEmpty { result.append(0x20) }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                }
                index = end
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? string
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// A tab, LF or CR, a space at either end, or two spaces in a row.
    private static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var previousSpace = false
        for byte in bytes {
            if byte == 0x20 {
                if previousSpace { return true }
                previousSpace = true
            } else {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { return true }
                previousSpace = false
            }
        }
        return false
    }
}
