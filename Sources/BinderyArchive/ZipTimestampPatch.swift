/// Sets the MS-DOS time and date of every entry in a finished archive, in the local headers and the
/// central directory. libzip 1.7 converts DOS times through `mktime`/`localtime`, so the fields it writes
/// depend on `TZ`; patching the finished bytes makes them depend on nothing but the given values.
enum ZipTimestampPatch {
    static func apply(to bytes: inout [UInt8], time: UInt16, date: UInt16) throws(ArchiveError) {
        let endRecordSize = 22
        guard bytes.count >= endRecordSize, read32(bytes, bytes.count - endRecordSize) == 0x0605_4B50 else {
            throw ArchiveError("the archive has no end-of-central-directory record where expected")
        }
        let end = bytes.count - endRecordSize
        let count = Int(read16(bytes, end + 10))
        var offset = Int(read32(bytes, end + 16))
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, read32(bytes, offset) == 0x0201_4B50 else {
                throw ArchiveError("a central directory entry is not where expected")
            }
            write16(&bytes, offset + 12, time)
            write16(&bytes, offset + 14, date)
            let local = Int(read32(bytes, offset + 42))
            guard local + 30 <= bytes.count, read32(bytes, local) == 0x0403_4B50 else {
                throw ArchiveError("a local file header is not where expected")
            }
            write16(&bytes, local + 10, time)
            write16(&bytes, local + 12, date)
            offset += 46 + Int(read16(bytes, offset + 28)) + Int(read16(bytes, offset + 30)) + Int(read16(bytes, offset + 32))
        }
    }

    private static func read16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func read32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(read16(bytes, offset)) | UInt32(read16(bytes, offset + 2)) << 16
    }

    private static func write16(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt16) {
        bytes[offset] = UInt8(value & 0xFF)
        bytes[offset + 1] = UInt8(value >> 8)
    }
}
