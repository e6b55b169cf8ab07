/// One decoded source line with the measurements the stages use.
struct SourceLine: Sendable, Hashable {
    /// 1-based line number, as Python `split('\n')` counts.
    var number: Int
    /// The line without leading and trailing white space (no-break spaces included).
    var text: String
    /// Columns of white space before `text`, a tab reaching the next multiple of eight (as `expand` reads it).
    var leadingSpaces: Int
    var trailingSpaces: Int
    /// Length of `text` in Unicode scalars.
    var length: Int
    var isFormFeed: Bool
    /// `TextShape.endsSentence(text)` and `TextShape.startsLowercase(text)`, asked of most lines more than once.
    var endsSentence: Bool
    var startsLowercase: Bool

    var isBlank: Bool { text.isEmpty }

    init(number: Int, raw: String) {
        self.number = number
        isFormFeed = raw.utf8.count == 1 && raw.utf8.first == 0x0C
        let scalars = raw.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        var leading = 0, trailing = 0
        while start < end, Self.isSpace(scalars[start]) {
            leading = scalars[start] == "\t" ? leading / 8 * 8 + 8 : leading + 1
            scalars.formIndex(after: &start)
        }
        while end > start {
            let previous = scalars.index(before: end)
            guard Self.isSpace(scalars[previous]) else { break }
            end = previous
            trailing += 1
        }
        leadingSpaces = leading
        trailingSpaces = trailing
        length = Self.scalarCount(raw.utf8[start..<end])
        // Slicing the string at scalar boundaries copies the bytes (faster than building from scalars).
        text = leading == 0 && trailing == 0 ? raw : String(raw[start..<end])
        endsSentence = TextShape.endsSentence(text)
        startsLowercase = TextShape.startsLowercase(text)
    }

    /// Unicode scalars in UTF-8: the bytes that are not continuation bytes.
    private static func scalarCount(_ bytes: Substring.UTF8View) -> Int {
        bytes.withContiguousStorageIfAvailable(scalarCount) ?? bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// `scalarCount` of a buffer, eight bytes at a time: a continuation byte has its top bit set and the next one clear.
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var continuations = 0, index = 0
        while index + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < buffer.count {
            if buffer[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return buffer.count - continuations
    }

    /// White space, the no-break space included.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }
}
