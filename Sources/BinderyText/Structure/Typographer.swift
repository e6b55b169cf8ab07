import BinderyModel

/// Stage 8: straight quotes to curly, `--` to an em dash, `...` to an ellipsis; counts what it changed.
struct Typographer: Sendable {
    private(set) var quotes = 0
    private(set) var dashes = 0
    private(set) var ellipses = 0
    /// Backslashes that escaped a quotation mark (`\"`, left over from an export), removed.
    private(set) var escapes = 0

    /// After these a quotation mark opens.
    private static func opensAfter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        switch scalar {
        case " ", "\t", "\u{00A0}", "(", "[", "{", "—", "–", "-", "“", "‘": return true
        default: return scalar.properties.isWhitespace
        }
    }

    /// A byte scan: straight quotes, backslashes, `--` or `..` anywhere? Most text has none of them.
    private static func needsWork(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x22 || byte == 0x27 || byte == 0x5C { return true }
            if (byte == 0x2D || byte == 0x2E) && byte == previous { return true }
            previous = byte
        }
        return false
    }

    mutating func apply(_ text: String) -> String {
        guard Self.needsWork(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            var previous: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            if previous == "\\", index >= 2 { previous = scalars[index - 2] }
            switch scalar {
            case "\\" where index + 1 < scalars.count && ["\"", "'", "“", "”", "‘", "’"].contains(scalars[index + 1]):
                escapes += 1
            case "\"":
                result.append(Self.opensAfter(previous) ? "“" : "”"); quotes += 1
            case "'":
                result.append(Self.opensAfter(previous) ? "‘" : "’"); quotes += 1
            case "-" where index + 1 < scalars.count && scalars[index + 1] == "-":
                var end = index
                while end < scalars.count, scalars[end] == "-" { end += 1 }
                if end - index <= 3 { result.append("—"); dashes += 1 } else { result.append(contentsOf: scalars[index..<end]) }
                index = end
                continue
            case "." where index + 2 < scalars.count && scalars[index + 1] == "." && scalars[index + 2] == ".":
                var end = index
                while end < scalars.count, scalars[end] == "." { end += 1 }
                if end - index == 3 { result.append("…"); ellipses += 1 } else { result.append(contentsOf: scalars[index..<end]) }
                index = end
                continue
            default:
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    mutating func apply(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case .text(let text): result.append(.text(apply(text)))
            case .emphasis(let inner): result.append(.emphasis(apply(inner)))
            case .strong(let inner): result.append(.strong(apply(inner)))
            case .link(let url, let inner): result.append(.link(url: url, apply(inner)))
            case .note(var note):
                note.blocks = note.blocks.map { apply($0) }
                result.append(.note(note))
            case .pageBreak, .lineBreak: result.append(inline)
            }
        }
        return result
    }

    mutating func apply(_ block: Block) -> Block {
        switch block {
        case .heading(var heading):
            heading.inlines = apply(heading.inlines)
            return .heading(heading)
        case .paragraph(let inlines, let info): return .paragraph(apply(inlines), info)
        case .blockQuote(let blocks, let info): return .blockQuote(blocks.map { apply($0) }, info)
        case .list(var list):
            list.items = list.items.map { $0.map { apply($0) } }
            return .list(list)
        case .verse(let lines, let info): return .verse(lines: lines.map { apply($0) }, info)
        case .sceneBreak, .pageBreak: return block
        }
    }
}
