import BinderyModel
import Foundation

/// Stage 1: bytes → lines of NFC text. Handles a BOM, UTF-8 (Windows-1252 fallback), CRLF/CR,
/// NUL and control characters; refuses binary input.
public struct TextDecoder: Sendable {
    /// Largest source accepted, in bytes.
    public var maximumBytes: Int
    /// Large UTF-8 input is split in two halves at once (`splitInHalves`); off, the whole is split in one go.
    var splitsLargeInput = true

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
        if splitsLargeInput, let split = Self.splitInHalves(body) {
            return try nonEmpty(report(split, diagnostics: diagnostics, editorial: editorial))
        }
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

    /// Splits lines and cleans them (`LineSplit`), then reports what was changed.
    private func finish(_ text: String, diagnostics: [Diagnostic], editorial: [EditorialNote]) -> Result {
        var text = text
        return report(text.withUTF8 { LineSplit($0) }, diagnostics: diagnostics, editorial: editorial)
    }

    /// Valid UTF-8 of some size is validated and split in two halves at once, cut after a line feed near the
    /// middle (a line feed is never inside a multi-byte sequence, and a line ends there); nil when either half
    /// is not valid UTF-8, so that the whole text takes the usual path.
    private static func splitInHalves(_ body: ArraySlice<UInt8>) -> LineSplit? {
        guard body.count >= 1 << 18, let cut = body[(body.startIndex + body.count / 2)...].firstIndex(of: 0x0A) else { return nil }
        let first = body[...cut], second = body[(cut + 1)...]
        @Sendable func split(_ part: ArraySlice<UInt8>) -> LineSplit? {
            guard var text = String(validating: part, as: UTF8.self) else { return nil }
            return text.withUTF8 { LineSplit($0) }
        }
        let (front, back) = Concurrently.run({ split(first) }, { split(second) })
        guard var whole = front, let back else { return nil }
        whole.append(back)
        return whole
    }

    /// The result for split lines: the empty line after a final line end dropped, the cleaning reported.
    private func report(_ split: LineSplit, diagnostics: [Diagnostic], editorial: [EditorialNote]) -> Result {
        var diagnostics = diagnostics, editorial = editorial
        var lines = split.lines
        if lines.last == "" { lines.removeLast() }
        if split.sawCR {
            editorial.append(EditorialNote(.normalization, "Line ends were normalised to LF."))
        }
        if split.removedControls > 0 {
            diagnostics.append(Diagnostic(.warning, code: "decode.controls", "\(split.removedControls) control characters (NUL and others) were removed"))
            editorial.append(EditorialNote(.normalization, "\(split.removedControls) control characters were removed."))
        }
        let changedByNFC = split.changedByNFC
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
