/// Tells text from binary data by its first bytes, as `file(1)` and git do.
enum BinarySniffer {
    /// How many leading bytes are examined.
    static let window = 8192

    /// Known binary signatures (PDF, ZIP/EPUB, PNG, JPEG, GIF, ELF, gzip).
    private static let signatures: [(bytes: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "a PDF file"), ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (EPUB, DOCX, …)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"), (Array("GIF8".utf8), "a GIF image"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"), ([0x1F, 0x8B], "gzip-compressed data"),
    ]

    static func refuseBinary(_ bytes: ArraySlice<UInt8>) throws(ReaderError) {
        for signature in signatures where bytes.starts(with: signature.bytes) {
            throw ReaderError(.binary, "this is \(signature.name), not plain text")
        }
        let head = bytes.prefix(window)
        var controls = 0, nuls = 0
        for byte in head {
            if byte == 0 { nuls += 1 }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        // Text has next to no control bytes; UTF-16 without a BOM shows as every other byte NUL.
        if (nuls * 4 > head.count && nuls >= 4) || (controls * 10 > head.count && controls >= 8) {
            throw ReaderError(.binary, "this looks like binary data (\(controls) control bytes in the first \(head.count)), not plain text")
        }
    }
}
