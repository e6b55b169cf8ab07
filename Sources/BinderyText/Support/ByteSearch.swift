import Foundation

/// Byte searches in UTF-8 text that stand in for character-wise searches where they must agree with them.
enum ByteSearch {
    /// Where the ASCII `pattern` occurs in `text` as `ranges(of:)` finds it (left to right, not overlapping),
    /// for simple text; nil when the text is not simple.
    static func asciiRanges(of pattern: String, in text: String) -> [Range<String.Index>]? {
        guard ScalarFacts.isSimple(text) else { return nil }
        let needle = Array(pattern.utf8)
        guard !needle.isEmpty else { return [] }
        // Candidates are found by a letter of the pattern (rarer than spaces and periods), with `memchr`; they come
        // in order, so the matches are those of a left-to-right scan that resumes after each match.
        let key = needle.firstIndex(where: { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }) ?? 0
        var copy = text
        let offsets = copy.withUTF8 { bytes -> [Range<Int>] in
            var found: [Range<Int>] = []
            guard let base = bytes.baseAddress, bytes.count >= needle.count else { return found }
            var index = 0
            while index + needle.count <= bytes.count {
                let from = index + key, limit = bytes.count - needle.count + key + 1
                guard let hit = memchr(base + from, Int32(needle[key]), limit - from) else { break }
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - key
                if (0..<needle.count).allSatisfy({ bytes[start + $0] == needle[$0] }) {
                    found.append(start..<(start + needle.count))
                    index = start + needle.count
                } else {
                    index = start + 1
                }
            }
            return found
        }
        let utf8 = text.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    /// Whether the text holds the byte `candidate` at an offset that passes `test` (given the text's bytes), found with `memchr`.
    static func containsByte(_ candidate: UInt8, in text: String, where test: (UnsafeBufferPointer<UInt8>, Int) -> Bool = { _, _ in true }) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            while index < bytes.count, let hit = memchr(base + index, Int32(candidate), bytes.count - index) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if test(bytes, offset) { return true }
                index = offset + 1
            }
            return false
        }
    }

    /// Whether three spaces stand together anywhere (a column gap): every third byte is looked at, and its
    /// neighbours only where it is a space.
    static func mayContainColumnGap(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            var index = 2
            while index < bytes.count {
                if bytes[index] == 0x20 {
                    // A run of three holds this byte at its start, middle or end.
                    let before = bytes[index - 1] == 0x20, after = index + 1 < bytes.count && bytes[index + 1] == 0x20
                    if before && (bytes[index - 2] == 0x20 || after) { return true }
                    if after && index + 2 < bytes.count && bytes[index + 2] == 0x20 { return true }
                }
                index += 3
            }
            return false
        }
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
            guard bytes.count >= needle.count, let base = bytes.baseAddress else { return false }
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                // `memchr` finds the next candidate first byte.
                guard let found = memchr(base + index, Int32(first), last - index + 1) else { return false }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var matched = 1
                while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
                index += 1
            }
            return false
        }
    }
}
