import Foundation

/// Stage 1's line splitting of UTF-8 text: LF, CR LF and CR end lines, a form feed is kept as a line of its
/// own (a page boundary for the page finder), control characters are taken out, each line is made NFC.
/// Works on the bytes: every character it looks at is ASCII or a fixed two/three-byte sequence.
public struct LineSplit: Sendable {
    var lines: [String] = []
    var removedControls = 0
    var sawCR = false
    /// Lines that NFC normalisation changed.
    var changedByNFC = 0

    /// The lines of a text as the reader numbers them, read on its code units (bytes; UTF-16 after its byte order
    /// mark): LF, CR LF and CR end lines, a form feed stands on a line of its own; a last line end opens no line.
    public static func count(_ bytes: [UInt8]) -> Int {
        let utf16 = bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
        let step = utf16 ? 2 : 1, bigEndian = utf16 && bytes[0] == 0xFE
        func unit(_ index: Int) -> UInt16 {
            guard utf16 else { return UInt16(bytes[index]) }
            guard index + 1 < bytes.count else { return 0xFFFF }
            return bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
        }
        var count = 0, index = utf16 ? 2 : 0, open = false
        while index < bytes.count {
            switch unit(index) {
            case 0x0A: count += 1; open = false
            case 0x0D:
                count += 1
                open = false
                if index + step < bytes.count, unit(index + step) == 0x0A { index += step }
            case 0x0C: count += 2; open = false
            default: open = true
            }
            index += step
        }
        return count + (open ? 1 : 0)
    }

    /// Splits valid UTF-8 (a String's bytes); the text after the last line end, even empty, is the last line.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var lines: [String] = []
        var removedControls = 0, sawCR = false
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
        for index in lines.indices {
            if ScalarFacts.isSimpleNFC(lines[index]) { continue }
            let normalized = lines[index].precomposedStringWithCanonicalMapping
            if normalized.unicodeScalars.elementsEqual(lines[index].unicodeScalars) == false {
                lines[index] = normalized
                changedByNFC += 1
            }
        }
        self.lines = lines
        self.removedControls = removedControls
        self.sawCR = sawCR
    }

    /// Joins the split of the text that follows this one, when this text ended with a line end: its last,
    /// empty line is where the next text's first line begins.
    mutating func append(_ next: LineSplit) {
        assert(lines.last == "")
        lines.removeLast()
        lines += next.lines
        removedControls += next.removedControls
        sawCR = sawCR || next.sawCR
        changedByNFC += next.changedByNFC
    }
}
