import Foundation

/// Whether the document writes a word in lower case somewhere: a person's name never is (`Goldman`), the words of a
/// title-cased phrase usually are (`Natural Selection` — "by natural selection" in the text). The text is joined once,
/// when first asked, and searched on its bytes.
final class LowerCaseUsage {
    private let groups: [LineGroup]
    private lazy var text: [UInt8] = {
        var bytes: [UInt8] = [0x0A]
        for group in groups {
            for line in group.lines {
                bytes += line.text.utf8
                bytes.append(0x0A)
            }
        }
        return bytes
    }()
    private var answers: [String: Bool] = [:]

    init(_ groups: [LineGroup]) {
        self.groups = groups
    }

    /// Whether every word of `phrase` (two at least, ASCII letters) stands in lower case somewhere in the text.
    func writesEveryWordInLowerCase(_ phrase: String) -> Bool {
        let words = phrase.split(separator: " ").filter { !$0.isEmpty }
        guard words.count >= 2 else { return false }
        return words.allSatisfy { writesInLowerCase(String($0)) }
    }

    /// Whether the word, lower-cased, stands in the text as a word of its own (not inside another).
    func writesInLowerCase(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard lower.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), !lower.isEmpty else { return false }
        if let known = answers[lower] { return known }
        let needle = Array(lower.utf8)
        let found = text.withUnsafeBufferPointer { haystack -> Bool in
            guard let base = haystack.baseAddress else { return false }
            var offset = 0
            // `memchr` finds each place the first letter stands; the rest is compared there.
            while offset + needle.count <= haystack.count, let hit = memchr(base + offset, Int32(needle[0]), haystack.count - offset) {
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)), end = start + needle.count
                if end <= haystack.count, memcmp(base + start, needle, needle.count) == 0, !Self.isLetter(haystack[start - 1]),
                   end == haystack.count || !Self.isLetter(haystack[end]) { return true }
                offset = start + 1
            }
            return false
        }
        answers[lower] = found
        return found
    }

    /// An ASCII letter, or a byte of a letter beyond ASCII (any byte from 0x80 on: the search stays on the safe side).
    private static func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A || byte >= 0x80
    }
}
