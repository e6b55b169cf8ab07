/// `Character` facts for the scalars that always make a character of their own — ASCII (but CR), Latin-1 and
/// Latin Extended, general punctuation, super- and subscripts, currency, letterlike and number forms — so that
/// text made only of them ("simple" text, nearly all text) can be looked at scalar by scalar, with the same
/// answers as `Character`'s. Each flag is taken from `Character` itself, once.
enum ScalarFacts {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// The scalar is a character of its own next to any other simple scalar.
        static let simple = Flags(rawValue: 1)
        static let letter = Flags(rawValue: 2)
        static let number = Flags(rawValue: 4)
        static let uppercase = Flags(rawValue: 8)
        static let lowercase = Flags(rawValue: 16)
        static let whitespace = Flags(rawValue: 32)
    }

    private static let latin = table(0x0000..<0x0250)
    private static let punctuation = table(0x2000..<0x2190)

    private static func table(_ range: Range<UInt32>) -> [Flags] {
        range.map { value in
            guard let scalar = Unicode.Scalar(value), isSimple(value) else { return [] }
            let character = Character(scalar)
            var flags: Flags = .simple
            if character.isLetter { flags.insert(.letter) }
            if character.isNumber { flags.insert(.number) }
            if character.isUppercase { flags.insert(.uppercase) }
            if character.isLowercase { flags.insert(.lowercase) }
            if character.isWhitespace { flags.insert(.whitespace) }
            return flags
        }
    }

    /// The ranges checked (every pair within them stays two characters); CR is left out for CR LF.
    private static func isSimple(_ value: UInt32) -> Bool {
        switch value {
        case 0x0D: false
        case 0x0000..<0x0250, 0x2010...0x2027, 0x2030...0x205E, 0x2070..<0x20D0, 0x2100..<0x2190: true
        default: false
        }
    }

    /// The flags of a scalar; empty (not `.simple`) outside the known ranges.
    static func flags(_ scalar: Unicode.Scalar) -> Flags {
        let value = scalar.value
        if value < 0x250 { return latin[Int(value)] }
        if value >= 0x2000 && value < 0x2190 { return punctuation[Int(value - 0x2000)] }
        return []
    }

    /// Every scalar of the text is simple: its characters are its scalars. A byte scan; ASCII is decided without decoding.
    static func isSimple(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ scan($0, nfc: false) }) { return answer }
        return text.unicodeScalars.allSatisfy { $0.value != 0x0D && flags($0).contains(.simple) }
    }

    /// Simple text is NFC unless it holds U+2126, U+212A or U+212B, the only simple scalars NFC replaces
    /// (and no two simple scalars compose): true when the text is simple and holds none of them.
    static func isSimpleNFC(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ scan($0, nfc: true) }) { return answer }
        return text.unicodeScalars.allSatisfy { $0.value != 0x0D && flags($0).contains(.simple) && ![0x2126, 0x212A, 0x212B].contains($0.value) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, nfc: Bool) -> Bool {
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        while index < count {
            // Eight ASCII bytes at a time, none of them CR.
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let crs = word ^ 0x0D0D_0D0D_0D0D_0D0D
                if word & 0x8080_8080_8080_8080 == 0 && (crs &- 0x0101_0101_0101_0101) & ~crs & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                index += 1
                continue
            }
            // Simple scalars take two bytes (below U+0800) or three (U+2000–U+218F).
            let value: UInt32
            if byte < 0xE0 {
                guard index + 1 < count else { return false }
                value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if byte < 0xF0 {
                guard index + 2 < count else { return false }
                value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return false
            }
            guard let scalar = Unicode.Scalar(value), flags(scalar).contains(.simple) else { return false }
            if nfc && (value == 0x2126 || value == 0x212A || value == 0x212B) { return false }
        }
        return true
    }
}
