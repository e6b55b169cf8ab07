/// Byte searches in UTF-8 text that stand in for character-wise searches where they must agree with them.
enum ByteSearch {
    /// Where the ASCII `pattern` occurs in `text` as `ranges(of:)` finds it (left to right, not overlapping),
    /// for simple text; nil when the text is not simple.
    static func asciiRanges(of pattern: String, in text: String) -> [Range<String.Index>]? {
        guard ScalarFacts.isSimple(text) else { return nil }
        let needle = Array(pattern.utf8)
        guard !needle.isEmpty else { return [] }
        let utf8 = text.utf8
        var result: [Range<String.Index>] = []
        var index = utf8.startIndex
        while let start = utf8[index...].firstIndex(of: needle[0]) {
            var probe = start, matched = 0
            while matched < needle.count, probe < utf8.endIndex, utf8[probe] == needle[matched] {
                matched += 1
                utf8.formIndex(after: &probe)
            }
            if matched == needle.count {
                result.append(start..<probe)
                index = probe
            } else {
                index = utf8.index(after: start)
            }
        }
        return result
    }

    /// Whether the UTF-8 bytes of `pattern` occur anywhere: when they do not, no character-wise search can find it.
    static func mayContain(_ text: String, bytesOf pattern: StaticString) -> Bool {
        pattern.withUTF8Buffer { needle in contains(text, needle) }
    }

    static func mayContain(_ text: String, bytesOf pattern: String) -> Bool {
        var pattern = pattern
        return pattern.withUTF8 { needle in contains(text, needle) }
    }

    private static func contains(_ text: String, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
