import Foundation

/// A line's width as a proportional typeface would print it, in thousandths of an em: text extracted from a typeset
/// page fills its measure in width, not in characters (a line of `m`s holds fewer than a line of `i`s).
enum PrintedWidth {
    /// Widths of the printable ASCII characters (`!` to `~`) in a common serif book face (Times Roman's metrics);
    /// the ratios between letters, not one face's sizes, are what the estimate needs.
    private static let ascii: [UInt16] = [
        333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500,
        500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556,
        722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 333, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500,
        278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
    ]
    static let space: Int = 250

    /// The estimated width of `text`, summed over its UTF-8 bytes (`byteWidths`): a line is measured in one pass
    /// of lookups, for every line of a long book.
    static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in bytes.reduce(0) { $0 + Int(byteWidths[Int($1)]) } }
    }

    /// ASCII from the table; a scalar of more bytes counts half an em at its lead byte and nothing for the others
    /// (quotation marks and dashes are near enough to it for lines that hold a few of them).
    private static let byteWidths: [UInt16] = (0..<256).map { byte in
        switch byte {
        case 0x21...0x7E: ascii[byte - 0x21]
        case 0x80...0xBF: 0
        case 0xC0...0xFF: 500
        default: UInt16(space)
        }
    }

    /// The estimated width of one character: ASCII from the table, a letter with a mark as its base letter, quotation
    /// marks and dashes as a book face sets them, a wide (CJK) character as one em, anything else as half of one.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch value {
        case 0x20, 0xA0: return space
        case 0x21...0x7E: return Int(ascii[Int(value) - 0x21])
        case 0x2018, 0x2019, 0x201A, 0x2010, 0x2011, 0xAD: return 333
        case 0x201C, 0x201D, 0x201E: return 444
        case 0x2013: return 500
        case 0x2014, 0x2026: return 1000
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60: return 1000
        case 0xC0...0x24F: return Int(latinLetters[Int(value) - 0xC0])
        default: return 500
        }
    }

    /// The Latin letters with marks (`é`, `ł`) as wide as their base letters; others (`æ`, `ß`) half an em.
    private static let latinLetters: [UInt16] = (0xC0...0x24F).map { value in
        let decomposed = String(Character(Unicode.Scalar(value)!)).decomposedStringWithCanonicalMapping.unicodeScalars.first!
        return (0x21...0x7E).contains(decomposed.value) ? ascii[Int(decomposed.value) - 0x21] : 500
    }
}
