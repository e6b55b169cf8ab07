import Foundation

/// Whether the document writes a phrase in lower case somewhere: the words of a title-cased concept usually are
/// (`Natural Selection` — "by natural selection" in the text), a person's name as a whole hardly ever ("emma goldman";
/// its words alone may be: "will", "self"). The text is joined once, when first asked, and searched on its bytes.
final class LowerCaseUsage {
    private let groups: [LineGroup]
    private lazy var joined: [UInt8] = {
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

    /// Whether `phrase` (two words at least) stands in lower case in the text, or, of three words or more, each of its
    /// words does (`Known Fossiliferous Strata`: no name has three words all written in lower case).
    func writesInLowerCase(phrase: String) -> Bool {
        let words = phrase.split(separator: " ").filter { !$0.isEmpty }
        guard words.count >= 2 else { return false }
        return writesInLowerCase(words.joined(separator: " ")) || words.count >= 3 && words.allSatisfy { writesInLowerCase(String($0)) }
    }

    /// Whether the text, lower-cased (ASCII letters and single spaces), stands in the text as written, not inside a word.
    func writesInLowerCase(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard !lower.isEmpty, lower.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x20 }) else { return false }
        if let known = answers[lower] { return known }
        let needle = Array(lower.utf8)
        let found = joined.withUnsafeBufferPointer { haystack -> Bool in
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
