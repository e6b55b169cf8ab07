/// The characters XML 1.0 allows (§2.2 Char): tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up.
public enum XMLCharacters {
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The string without the characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF).
    public static func clean(_ string: String) -> String {
        guard mayHoldForbidden(string) else { return string }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: string.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// A byte scan: C0 controls other than tab, LF and CR, or U+FFFE/U+FFFF (EF BF BE/BF)? Valid Swift
    /// strings hold no surrogates, so nothing else can be forbidden. Eight bytes at a time while none is
    /// below 0x20 or 0xEF.
    static func mayHoldForbidden(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let low = (word &- ones &* 0x20) & ~word & highs
                    let efs = word ^ (ones &* 0xEF)
                    if low == 0 && (efs &- ones) & ~efs & highs == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                // Looked for from its first byte: a word without 0xEF starts no such sequence.
                if byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF) {
                    return true
                }
                index += 1
            }
            return false
        }
    }
}
