/// Character-wise questions about a text answered from its bytes when the text is simple (its characters
/// are its scalars, `ScalarFacts.isSimple`), else character by character, with the same answers.
enum CharacterScan {
    /// `text.contains(Character(ascii))`. Among simple scalars only the Kelvin sign equals an ASCII
    /// character (`K`), so `ascii` must not be `K`.
    static func contains(_ text: String, _ ascii: Unicode.Scalar) -> Bool {
        assert(ascii.isASCII && ascii != "K")
        guard ScalarFacts.isSimple(text) else { return text.contains(Character(ascii)) }
        return ByteSearch.containsByte(UInt8(ascii.value), in: text)
    }

    /// `text.count(where: { $0 == Character(ascii) })`; `ascii` must not be `K`.
    static func count(_ text: String, _ ascii: Unicode.Scalar) -> Int {
        assert(ascii.isASCII && ascii != "K")
        let character = Character(ascii)
        guard ScalarFacts.isSimple(text) else { return text.count(where: { $0 == character }) }
        let byte = UInt8(ascii.value)
        return text.utf8.count(where: { $0 == byte })
    }

    /// `text.count <= limit`: a character takes at least one byte, and in simple text exactly one scalar.
    static func hasAtMost(_ limit: Int, charactersIn text: String) -> Bool {
        if text.utf8.count <= limit { return true }
        guard ScalarFacts.isSimple(text) else { return text.count <= limit }
        return (text.utf8.withContiguousStorageIfAvailable(SourceLine.scalarCount) ?? text.unicodeScalars.count) <= limit
    }

    /// `text.split(separator: " ")`: in simple text, the runs of other bytes between space bytes.
    static func spaceSeparatedPieces(_ text: String) -> [Substring] {
        guard ScalarFacts.isSimple(text) else { return text.split(separator: " ") }
        let utf8 = text.utf8
        return utf8.split(separator: 0x20).map { text[$0.startIndex..<$0.endIndex] }
    }

    /// The last piece of `text.split(separator: " ")` (runs between spaces, empty ones left out).
    static func lastSpaceSeparatedPiece(_ text: String) -> Substring? {
        guard ScalarFacts.isSimple(text) else { return text.split(separator: " ").last }
        // In simple text a space byte is a space character, and every byte boundary next to one is a character boundary.
        let utf8 = text.utf8
        guard let end = utf8.lastIndex(where: { $0 != 0x20 }).map({ utf8.index(after: $0) }) else { return nil }
        let start = utf8[..<end].lastIndex(of: 0x20).map { utf8.index(after: $0) } ?? utf8.startIndex
        return text[start..<end]
    }
}
