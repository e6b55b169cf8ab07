import BinderyModel
import Foundation

/// Stage 1: bytes → lines of NFC text. Handles a BOM, UTF-8 (Windows-1252 fallback), CRLF/CR,
/// NUL and control characters; refuses binary input.
public struct TextDecoder: Sendable {
    /// Largest source accepted, in bytes.
    public var maximumBytes: Int

    public init(maximumBytes: Int = 64 << 20) {
        self.maximumBytes = maximumBytes
    }

    public struct Result: Sendable {
        public var lines: [String]
        public var diagnostics: [Diagnostic]
        public var editorial: [EditorialNote]
    }

    public func decode(_ bytes: [UInt8]) throws(ReaderError) -> Result {
        guard bytes.count <= maximumBytes else {
            throw ReaderError(.tooLarge, "the file is \(bytes.count) bytes; the limit is \(maximumBytes)")
        }
        var body = bytes[...]
        var diagnostics: [Diagnostic] = []
        var editorial: [EditorialNote] = []
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            editorial.append(EditorialNote(.normalization, "A UTF-8 byte order mark was removed."))
        } else if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(body.dropFirst(2), bigEndian: body.first == 0xFE, diagnostics: &diagnostics, editorial: &editorial)
        } else if let bigEndian = Self.utf16ByteOrderWithoutBOM(body) {
            diagnostics.append(Diagnostic(.warning, code: "decode.utf16-no-bom",
                "the file has no byte order mark but its zero bytes show UTF-16 (\(bigEndian ? "big" : "little")-endian); it was read as such"))
            return try decodeUTF16(body, bigEndian: bigEndian, diagnostics: &diagnostics, editorial: &editorial)
        }
        guard !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw ReaderError(.empty, "the file holds no text")
        }
        try BinarySniffer.refuseBinary(body)
        let text: String
        if let utf8 = String(validating: body, as: UTF8.self) {
            text = utf8
        } else {
            text = Windows1252.decode(body)
            let line = Self.lineOfFirstInvalidUTF8(body)
            diagnostics.append(Diagnostic(.warning, code: "decode.windows1252",
                "the file is not valid UTF-8 (first bad byte on line \(line)); it was read as Windows-1252", line: line))
            editorial.append(EditorialNote(.normalization, "The source was not valid UTF-8 and was decoded as Windows-1252."))
        }
        return try nonEmpty(finish(text, diagnostics: diagnostics, editorial: editorial))
    }

    /// What is left after decoding and cleaning must hold some text.
    private func nonEmpty(_ result: Result) throws(ReaderError) -> Result {
        guard result.lines.contains(where: { !$0.trimmingWhitespace().isEmpty }) else {
            throw ReaderError(.empty, "the file holds no text")
        }
        return result
    }

    /// Text in UTF-16 without a byte order mark, mostly Latin script, has a zero byte in nearly every
    /// code unit, always on the same side: the odd bytes for little-endian, the even ones for big-endian.
    /// Returns true for big-endian, false for little-endian, nil when the head does not look so.
    static func utf16ByteOrderWithoutBOM(_ body: ArraySlice<UInt8>) -> Bool? {
        guard body.count >= 4, body.count.isMultiple(of: 2) else { return nil }
        let head = body.prefix(BinarySniffer.window)
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in head.enumerated() where byte == 0 {
            if offset.isMultiple(of: 2) { evenZeros += 1 } else { oddZeros += 1 }
        }
        let units = head.count / 2
        if oddZeros * 10 >= units * 6, evenZeros * 20 <= units { return false }
        if evenZeros * 10 >= units * 6, oddZeros * 20 <= units { return true }
        return nil
    }

    /// Decodes UTF-16 code units (`payload` without its byte order mark); unpaired surrogates become U+FFFD.
    private func decodeUTF16(
        _ payload: ArraySlice<UInt8>, bigEndian: Bool, diagnostics: inout [Diagnostic], editorial: inout [EditorialNote]
    ) throws(ReaderError) -> Result {
        let payload = Array(payload)
        guard payload.count.isMultiple(of: 2) else {
            throw ReaderError(.undecodable, "the file starts with a UTF-16 byte order mark but has an odd number of bytes")
        }
        let units = stride(from: 0, to: payload.count, by: 2).map { index -> UInt16 in
            let high = UInt16(payload[index + (bigEndian ? 0 : 1)]), low = UInt16(payload[index + (bigEndian ? 1 : 0)])
            return high << 8 | low
        }
        var text = ""
        var replaced = false
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .error: replaced = true; text.unicodeScalars.append("\u{FFFD}")
            case .emptyInput: break decoding
            }
        }
        editorial.append(EditorialNote(.normalization, "The source was decoded from UTF-16 (\(bigEndian ? "big" : "little")-endian)."))
        if replaced {
            diagnostics.append(Diagnostic(.warning, code: "decode.utf16", "unpaired UTF-16 surrogates were replaced by U+FFFD"))
        }
        return try nonEmpty(finish(text, diagnostics: diagnostics, editorial: editorial))
    }

    /// Splits lines (LF, CRLF, CR, form feed kept as its own marker line) and cleans each line.
    /// Works on the UTF-8 bytes: every character it looks at is ASCII or a fixed two/three-byte sequence.
    private func finish(_ text: String, diagnostics: [Diagnostic], editorial: [EditorialNote]) -> Result {
        var diagnostics = diagnostics, editorial = editorial
        var lines: [String] = []
        var removedControls = 0, sawCR = false
        var text = text
        text.withUTF8 { bytes in
            // Kept bytes run from `runStart`; `current` gathers a line's runs only once a byte was taken out of it.
            var current: [UInt8] = []
            var runStart = 0
            func flushRun(_ end: Int) {
                if end > runStart { current.append(contentsOf: bytes[runStart..<end]) }
            }
            func endLine(_ end: Int) {
                if current.isEmpty {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self))
                } else {
                    flushRun(end)
                    lines.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != 0x7F && byte != 0xC2 && byte != 0xEF {
                    index += 1
                    continue
                }
                switch byte {
                case 0x0A:
                    endLine(index)
                    runStart = index + 1
                case 0x0D:
                    sawCR = true
                    endLine(index)
                    if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                    runStart = index + 1
                case 0x0C:
                    // A form feed is a page boundary: keep it as a line of its own for the page finder.
                    endLine(index)
                    lines.append("\u{0C}")
                    runStart = index + 1
                case 0x09:
                    break
                case 0x00..<0x20, 0x7F:
                    removedControls += 1
                    flushRun(index)
                    runStart = index + 1
                case 0xC2 where index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]):
                    removedControls += 1  // a C1 control
                    flushRun(index)
                    index += 1
                    runStart = index + 1
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    removedControls += 1  // U+FFFE, U+FFFF
                    flushRun(index)
                    index += 2
                    runStart = index + 1
                default:
                    break
                }
                index += 1
            }
            endLine(count)
        }
        if lines.last == "" { lines.removeLast() }
        if sawCR {
            editorial.append(EditorialNote(.normalization, "Line ends were normalised to LF."))
        }
        if removedControls > 0 {
            diagnostics.append(Diagnostic(.warning, code: "decode.controls", "\(removedControls) control characters (NUL and others) were removed"))
            editorial.append(EditorialNote(.normalization, "\(removedControls) control characters were removed."))
        }
        var changedByNFC = 0
        for index in lines.indices {
            if ScalarFacts.isSimpleNFC(lines[index]) { continue }
            let normalized = lines[index].precomposedStringWithCanonicalMapping
            if normalized.unicodeScalars.elementsEqual(lines[index].unicodeScalars) == false {
                lines[index] = normalized
                changedByNFC += 1
            }
        }
        editorial.append(EditorialNote(.normalization, "Text was normalised to Unicode NFC\(changedByNFC > 0 ? " (\(changedByNFC) lines changed)" : "")."))
        return Result(lines: lines, diagnostics: diagnostics, editorial: editorial)
    }

    private static func lineOfFirstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumedNewlines = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { consumedNewlines += 1 }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        line += consumedNewlines
        return line
    }
}
