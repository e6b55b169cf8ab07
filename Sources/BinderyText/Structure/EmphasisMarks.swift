import BinderyModel

/// Plain-text italics between underscores (`_word_`, Project Gutenberg's convention) or asterisks (`*word*`) as
/// emphasis, in every block.
enum EmphasisMarks {
    /// The marks read: the underscore and the asterisk.
    static let marks: [UInt8] = [0x5F, 0x2A]

    /// Emphasis for each of `marks` (those the text holds), and how many passages were read.
    static func apply(_ blocks: [Block], marks: [UInt8]) -> (blocks: [Block], count: Int) {
        var count = 0
        var result = blocks
        for mark in marks { result = result.map { block(in: $0, mark: mark, &count) } }
        return (result, count)
    }

    private static func block(in block: Block, mark: UInt8, _ count: inout Int) -> Block {
        switch block {
        case .heading(var heading):
            heading.inlines = inlines(heading.inlines, mark: mark, &count)
            return .heading(heading)
        case .paragraph(let content, let info): return .paragraph(inlines(content, mark: mark, &count), info)
        case .blockQuote(let content, let info): return .blockQuote(content.map { self.block(in: $0, mark: mark, &count) }, info)
        case .list(var list):
            list.items = list.items.map { $0.map { self.block(in: $0, mark: mark, &count) } }
            return .list(list)
        case .verse(let lines, let info): return .verse(lines: lines.map { inlines($0, mark: mark, &count) }, info)
        case .sceneBreak, .pageBreak, .figure: return block
        }
    }

    static func inlines(_ content: [Inline], mark: UInt8 = 0x5F, _ count: inout Int) -> [Inline] {
        var result: [Inline] = []
        var content = content[...]
        while let inline = content.popFirst() {
            // `_words` before a page break and `words_` after it: one emphasis holding the page break.
            if case .text(let text) = inline, content.count >= 2, case .pageBreak = content[content.startIndex],
               case .text(let next) = content[content.startIndex + 1], let across = spanning(text, next, mark: mark) {
                result += split(across.before, mark: mark, &count) + [.emphasis([.text(across.inside), content[content.startIndex], .text(across.after)])]
                count += 1
                content = content.dropFirst(2)
                if !across.rest.isEmpty { content = [.text(across.rest)] + content }
                continue
            }
            switch inline {
            case .text(let text) where ByteSearch.containsByte(mark, in: text): result += split(text, mark: mark, &count)
            case .emphasis(let inner): result.append(.emphasis(inlines(inner, mark: mark, &count)))
            case .strong(let inner): result.append(.strong(inlines(inner, mark: mark, &count)))
            case .note(var note):
                note.blocks = note.blocks.map { block(in: $0, mark: mark, &count) }
                result.append(.note(note))
            default: result.append(inline)
            }
        }
        return result
    }

    /// `a _b c_ d` → text, emphasis, text. An opening mark follows no letter or digit and precedes no space;
    /// a closing one follows no space and precedes no letter or digit.
    static func split(_ text: String, mark: UInt8 = 0x5F, _ count: inout Int) -> [Inline] {
        // On UTF-8 bytes: the mark and the space are one byte each; a neighbour beyond ASCII is decoded to ask
        // whether it is a letter or digit.
        let bytes = Array(text.utf8)
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var result: [Inline] = []
        var plainStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == mark, index == 0 || !isWord(endingAt: index, bytes), index + 1 < bytes.count, bytes[index + 1] != 0x20, bytes[index + 1] != mark,
               let close = bytes[(index + 1)...].firstIndex(of: mark), bytes[close - 1] != 0x20,
               close + 1 == bytes.count || !isWord(startingAt: close + 1, bytes) {
                if plainStart < index { result.append(.text(string(plainStart..<index))) }
                result.append(.emphasis([.text(string((index + 1)..<close))]))
                count += 1
                index = close + 1
                plainStart = index
                continue
            }
            index += 1
        }
        if plainStart < bytes.count { result.append(.text(string(plainStart..<bytes.count))) }
        return result
    }

    /// An emphasis that `text` opens and `next` closes: `text` ends with an opening mark and its words (no other
    /// mark after it), `next` has a closing mark before its first opening one. Nil when the pair is not so.
    static func spanning(_ text: String, _ next: String, mark: UInt8) -> (before: String, inside: String, after: String, rest: String)? {
        let mark = Character(Unicode.Scalar(mark))
        guard let open = text.lastIndex(of: mark), let close = next.firstIndex(of: mark) else { return nil }
        let inside = text[text.index(after: open)...], after = next[..<close]
        let precedes = open == text.startIndex ? nil : text[text.index(before: open)]
        let follows = next.index(after: close) == next.endIndex ? nil : next[next.index(after: close)]
        guard precedes.map({ !$0.isLetter && !$0.isNumber }) ?? true, inside.first.map({ $0 != " " }) == true,
              after.last.map({ $0 != " " }) == true, follows.map({ !$0.isLetter && !$0.isNumber }) ?? true,
              text[..<open].filter({ $0 == mark }).count % 2 == 0 else { return nil }
        return (String(text[..<open]), String(inside), String(after), String(next[next.index(after: close)...]))
    }

    /// A letter or digit (`isAlphabetic`, or a numeric type).
    private static func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }

    /// Whether the scalar whose bytes end before `end` is a letter or digit.
    private static func isWord(endingAt end: Int, _ bytes: [UInt8]) -> Bool {
        let last = bytes[end - 1]
        if last < 0x80 { return isASCIIWord(last) }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWord(startingAt: start, bytes)
    }

    /// Whether the scalar whose bytes start at `start` is a letter or digit.
    private static func isWord(startingAt start: Int, _ bytes: [UInt8]) -> Bool {
        let first = bytes[start]
        if first < 0x80 { return isASCIIWord(first) }
        var decoder = UTF8()
        var iterator = bytes[start...].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return isWord(scalar)
    }

    private static func isASCIIWord(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
