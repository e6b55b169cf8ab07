import CLibDeflate

/// Raw DEFLATE (the ZIP method 8 stream) with libdeflate; one compressor serves every entry of an archive.
final class Deflater {
    private let compressor: OpaquePointer

    /// A compressor at libdeflate `level` (1 fastest … 12 smallest); nil when out of memory or the level is invalid.
    init?(level: Int) {
        guard let compressor = libdeflate_alloc_compressor(Int32(level)) else { return nil }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// The DEFLATE stream of `bytes`, or nil when it would not be smaller than `bytes` (store them instead).
    func compress(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count > 1 else { return nil }
        // Room for one byte less than the input: libdeflate returns 0 when the stream does not fit.
        let capacity = bytes.count - 1
        let compressed = bytes.withUnsafeBytes { input in
            [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
                count = libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, capacity)
            }
        }
        return compressed.isEmpty ? nil : compressed
    }

    /// The CRC-32 of `bytes` as ZIP headers record it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
    }
}
