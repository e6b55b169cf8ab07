import BinderyModel

/// Stage 8: straight quotes to curly, `--` to an em dash, `...` to an ellipsis; counts what it changed.
struct Typographer: Sendable {
    private(set) var quotes = 0
    private(set) var dashes = 0
    private(set) var ellipses = 0
    /// Backslashes that escaped a quotation mark (`\"`, left over from an export), removed.
    private(set) var escapes = 0
    /// The double quotation marks a straight one becomes, as the document's language writes them.
    var doubleQuotes = DoubleQuotes.english

    /// Opening and closing double quotation marks, in UTF-8.
    struct DoubleQuotes: Sendable {
        var open: [UInt8], close: [UInt8]

        static let english = DoubleQuotes(open: Array("“".utf8), close: Array("”".utf8))

        /// The marks of a language (BCP 47 tag, by its primary subtag): French sets guillemets with narrow no-break
        /// spaces inside, German and Polish open low; the others of the reader's languages use guillemets or English marks.
        static func forLanguage(_ tag: String) -> DoubleQuotes {
            switch tag.split(separator: "-").first.map({ $0.lowercased() }) ?? "" {
            case "fr": DoubleQuotes(open: Array("«\u{202F}".utf8), close: Array("\u{202F}»".utf8))
            case "de": DoubleQuotes(open: Array("„".utf8), close: Array("“".utf8))
            case "pl": DoubleQuotes(open: Array("„".utf8), close: Array("”".utf8))
            case "ru", "es", "it", "pt": DoubleQuotes(open: Array("«".utf8), close: Array("»".utf8))
            default: english
            }
        }
    }

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
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x22 || byte == 0x27 || byte == 0x5C { return true }
                if (byte == 0x2D || byte == 0x2E) && byte == previous { return true }
                previous = byte
            }
            return false
        }
    }

    /// Works on the UTF-8 bytes: everything it changes is ASCII; other scalars are copied as they are.
    mutating func apply(_ text: String) -> String {
        guard Self.needsWork(text) else { return text }
        var text = text
        return text.withUTF8 { bytes -> String in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            let count = bytes.count
            var index = 0
            while index < count {
                // Bytes that nothing here changes are copied a run at a time.
                var end = index
                while end < count, !Self.mayChange(bytes[end]) { end += 1 }
                if end > index {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    if index == count { break }
                }
                let byte = bytes[index]
                switch byte {
                case 0x5C where Self.quoteFollows(bytes, index + 1):
                    escapes += 1
                case 0x22:
                    result.append(contentsOf: Self.opensAfter(Self.previous(bytes, before: index)) ? doubleQuotes.open : doubleQuotes.close)
                    quotes += 1
                case 0x27:
                    result.append(contentsOf: Self.opensAfter(Self.previous(bytes, before: index)) ? Self.leftSingle : Self.rightSingle)
                    quotes += 1
                case 0x2D where index + 1 < count && bytes[index + 1] == 0x2D:
                    var end = index
                    while end < count, bytes[end] == 0x2D { end += 1 }
                    if end - index <= 3 { result.append(contentsOf: Self.emDash); dashes += 1 } else { result.append(contentsOf: bytes[index..<end]) }
                    index = end
                    continue
                case 0x2E where index + 2 < count && bytes[index + 1] == 0x2E && bytes[index + 2] == 0x2E:
                    var end = index
                    while end < count, bytes[end] == 0x2E { end += 1 }
                    if end - index == 3 { result.append(contentsOf: Self.ellipsis); ellipses += 1 } else { result.append(contentsOf: bytes[index..<end]) }
                    index = end
                    continue
                default:
                    result.append(byte)
                }
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `\`, `"`, `'`, `-`, `.`: the bytes the switch in `apply` looks at.
    @inline(__always)
    private static func mayChange(_ byte: UInt8) -> Bool {
        byte == 0x5C || byte == 0x22 || byte == 0x27 || byte == 0x2D || byte == 0x2E
    }

    private static let leftSingle: [UInt8] = Array("‘".utf8), rightSingle: [UInt8] = Array("’".utf8)
    private static let emDash: [UInt8] = Array("—".utf8), ellipsis: [UInt8] = Array("…".utf8)

    /// The scalar before a quotation mark at byte `index`, looking past one escaping backslash.
    private static func previous(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Unicode.Scalar? {
        guard let scalar = scalar(bytes, endingBefore: index) else { return nil }
        if scalar == "\\", index >= 2 { return self.scalar(bytes, endingBefore: index - 1) }
        return scalar
    }

    /// The scalar whose last byte is at `end - 1`.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, endingBefore end: Int) -> Unicode.Scalar? {
        guard end > 0 else { return nil }
        if bytes[end - 1] < 0x80 { return Unicode.Scalar(bytes[end - 1]) }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var value = UInt32(bytes[start]) & (end - start == 2 ? 0x1F : end - start == 3 ? 0x0F : 0x07)
        for offset in (start + 1)..<end { value = value << 6 | UInt32(bytes[offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// A quotation mark (straight or curly) starts at byte `index`: a backslash before it escaped it.
    private static func quoteFollows(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        if bytes[index] == 0x22 || bytes[index] == 0x27 { return true }
        // “ ” ‘ ’ are E2 80 9C, 9D, 98, 99.
        guard index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80 else { return false }
        switch bytes[index + 2] {
        case 0x98, 0x99, 0x9C, 0x9D: return true
        default: return false
        }
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

    /// `apply` over the blocks, the two halves at once, each with a typographer of its own; their counts are added up.
    static func apply(toHalvesOf blocks: [Block], quotes: DoubleQuotes = .english) -> ([Block], Typographer) {
        let middle = blocks.count / 2
        let (front, back) = Concurrently.run({ apply(to: blocks[..<middle], quotes: quotes) }, { apply(to: blocks[middle...], quotes: quotes) })
        var typographer = front.1
        typographer.quotes += back.1.quotes
        typographer.dashes += back.1.dashes
        typographer.ellipses += back.1.ellipses
        typographer.escapes += back.1.escapes
        return (front.0 + back.0, typographer)
    }

    private static func apply(to blocks: ArraySlice<Block>, quotes: DoubleQuotes) -> ([Block], Typographer) {
        var typographer = Typographer()
        typographer.doubleQuotes = quotes
        return (blocks.map { typographer.apply($0) }, typographer)
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
        case .sceneBreak, .pageBreak, .figure: return block
        }
    }
}
