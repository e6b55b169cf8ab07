/// Text as Unicode scalars by offset, for scans that look back and ahead: the bytes of ASCII text (each
/// one scalar), or scalars decoded from UTF-8 into a buffer.
protocol ScalarText {
    var count: Int { get }
    subscript(_ offset: Int) -> Unicode.Scalar { get }
}

extension UnsafeBufferPointer: ScalarText where Element == Unicode.Scalar {}

/// The bytes of ASCII text as its scalars.
struct ASCIIScalars: ScalarText {
    var bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    subscript(_ offset: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[offset]) }
}

enum ScalarDecoding {
    /// Only ASCII bytes; eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The scalars of valid UTF-8 (a String's bytes), as `Array(text.unicodeScalars)` gives them.
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            var index = 0, written = 0
            let count = bytes.count
            while index < count {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    buffer[written] = Unicode.Scalar(UInt8(truncatingIfNeeded: lead))
                    index += 1
                } else {
                    // The lead byte gives the length.
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    buffer[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    index += length
                }
                written += 1
            }
            initialized = written
        }
    }
}
