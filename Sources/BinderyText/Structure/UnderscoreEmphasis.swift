import BinderyModel

/// Plain-text italics (`_word_`, Project Gutenberg's convention) as emphasis, in every block.
enum UnderscoreEmphasis {
    static func apply(_ blocks: [Block]) -> (blocks: [Block], count: Int) {
        var count = 0
        let result = blocks.map { block(in: $0, &count) }
        return (result, count)
    }

    private static func block(in block: Block, _ count: inout Int) -> Block {
        switch block {
        case .heading(var heading):
            heading.inlines = inlines(heading.inlines, &count)
            return .heading(heading)
        case .paragraph(let content, let info): return .paragraph(inlines(content, &count), info)
        case .blockQuote(let content, let info): return .blockQuote(content.map { self.block(in: $0, &count) }, info)
        case .list(var list):
            list.items = list.items.map { $0.map { self.block(in: $0, &count) } }
            return .list(list)
        case .verse(let lines, let info): return .verse(lines: lines.map { inlines($0, &count) }, info)
        case .sceneBreak, .pageBreak: return block
        }
    }

    static func inlines(_ content: [Inline], _ count: inout Int) -> [Inline] {
        var result: [Inline] = []
        for inline in content {
            switch inline {
            case .text(let text) where text.utf8.contains(0x5F): result += split(text, &count)
            case .emphasis(let inner): result.append(.emphasis(inlines(inner, &count)))
            case .strong(let inner): result.append(.strong(inlines(inner, &count)))
            case .note(var note):
                note.blocks = note.blocks.map { block(in: $0, &count) }
                result.append(.note(note))
            default: result.append(inline)
            }
        }
        return result
    }

    /// `a _b c_ d` → text, emphasis, text. An opening `_` follows no letter or digit and precedes no space;
    /// a closing one follows no space and precedes no letter or digit.
    static func split(_ text: String, _ count: inout Int) -> [Inline] {
        // On scalars, not characters: `_`, spaces, letters and digits are each one scalar.
        let scalars = Array(text.unicodeScalars)
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var result: [Inline] = []
        var plainStart = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index == 0 || !isWord(scalars[index - 1]), index + 1 < scalars.count, scalars[index + 1] != " ", scalars[index + 1] != "_",
               let close = scalars[(index + 1)...].firstIndex(of: "_"), scalars[close - 1] != " ",
               close + 1 == scalars.count || !isWord(scalars[close + 1]) {
                if plainStart < index { result.append(.text(string(plainStart..<index))) }
                result.append(.emphasis([.text(string((index + 1)..<close))]))
                count += 1
                index = close + 1
                plainStart = index
                continue
            }
            index += 1
        }
        if plainStart < scalars.count { result.append(.text(string(plainStart..<scalars.count))) }
        return result
    }
}
