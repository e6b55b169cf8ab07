import Crypto

/// Number formatting without `String(format:)` (which goes through Foundation's formatter, slow per call).
enum Digits {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex of the bytes, as `String(format: "%02x")` per byte.
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var result: [UInt8] = []
        for byte in bytes {
            result.append(hexDigits[Int(byte >> 4)])
            result.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The SHA-256 of the bytes in lower-case hex.
    static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// A non-negative number with zeros in front up to `width` digits, as `String(format: "%0<width>d")`.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
