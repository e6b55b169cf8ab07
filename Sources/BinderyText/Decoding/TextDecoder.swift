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
            return try decodeUTF16(body, diagnostics: &diagnostics, editorial: &editorial)
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

    private func decodeUTF16(
        _ body: ArraySlice<UInt8>, diagnostics: inout [Diagnostic], editorial: inout [EditorialNote]
    ) throws(ReaderError) -> Result {
        let bigEndian = body.first == 0xFE
        let payload = Array(body.dropFirst(2))
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
            var current: [UInt8] = []
            current.reserveCapacity(256)
            func endLine() {
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x0A:
                    endLine()
                case 0x0D:
                    sawCR = true
                    endLine()
                    if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                case 0x0C:
                    // A form feed is a page boundary: keep it as a line of its own for the page finder.
                    endLine()
                    lines.append("\u{0C}")
                case 0x09:
                    current.append(byte)
                case 0x00..<0x20, 0x7F:
                    removedControls += 1
                case 0xC2 where index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]):
                    removedControls += 1  // a C1 control
                    index += 1
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    removedControls += 1  // U+FFFE, U+FFFF
                    index += 2
                default:
                    current.append(byte)
                }
                index += 1
            }
            endLine()
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
            if lines[index].utf8.allSatisfy({ $0 < 0x80 }) { continue }
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
