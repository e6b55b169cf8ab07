import BinderyModel
@testable import BinderyText
import Testing

@Suite("Decoding (stage 1)")
struct TextDecoderTests {
    private func decode(_ bytes: [UInt8]) throws -> TextDecoder.Result {
        try TextDecoder().decode(bytes)
    }

    @Test("a UTF-8 byte order mark is removed and recorded")
    func utf8BOM() throws {
        let result = try decode([0xEF, 0xBB, 0xBF] + Array("Title\nText".utf8))
        #expect(result.lines == ["Title", "Text"])
        #expect(result.editorial.contains { $0.text.contains("byte order mark") })
    }

    @Test("CRLF, CR and LF line ends all end lines", arguments: ["a\r\nb\r\nc", "a\rb\rc", "a\nb\nc\n"])
    func lineEnds(text: String) throws {
        #expect(try decode(Array(text.utf8)).lines == ["a", "b", "c"])
    }

    @Test("invalid UTF-8 is read as Windows-1252 with a diagnostic naming the line")
    func windows1252() throws {
        let bytes = Array("first line\nit".utf8) + [0x92] + Array("s 50 ".utf8) + [0x80] + [0x0A]
        let result = try decode(bytes)
        #expect(result.lines == ["first line", "it\u{2019}s 50 \u{20AC}"])
        let diagnostic = try #require(result.diagnostics.first { $0.code == "decode.windows1252" })
        #expect(diagnostic.line == 2)
    }

    @Test("NUL and other control characters are removed and counted")
    func controls() throws {
        let result = try decode(Array("a line of ordinary text with a\u{0}b\u{7}c\td in it".utf8))
        #expect(result.lines == ["a line of ordinary text with abc\td in it"])
        #expect(result.diagnostics.contains { $0.code == "decode.controls" && $0.message.hasPrefix("2 ") })
    }

    @Test("text is normalised to NFC")
    func nfc() throws {
        #expect(try decode(Array("Cafe\u{301}".utf8)).lines == ["Caf\u{E9}"])
    }

    @Test("UTF-16 with a byte order mark is decoded", arguments: [true, false])
    func utf16(bigEndian: Bool) throws {
        let units = Array("Hé\nthere".utf16)
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in units { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try decode(bytes).lines == ["Hé", "there"])
    }

    @Test("a form feed becomes a page-boundary line of its own")
    func formFeed() throws {
        #expect(try decode(Array("page one\u{0C}page two".utf8)).lines == ["page one", "\u{0C}", "page two"])
    }

    @Test("binary input is refused with a clear error", arguments: [
        Array("%PDF-1.7\n%\u{e2}".utf8), [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0],
        Array(repeating: UInt8(0), count: 64) + Array("text".utf8), (0..<256).map { UInt8($0) },
    ])
    func binary(bytes: [UInt8]) {
        let error = #expect(throws: ReaderError.self) { try decode(bytes) }
        #expect(error?.code == .binary)
        #expect(error?.message.isEmpty == false)
    }

    @Test("an empty or blank file is refused", arguments: [[], Array("\n\n  \n".utf8), [0, 0, 0], [0xEF, 0xBB, 0xBF, 0x0A]] as [[UInt8]])
    func empty(bytes: [UInt8]) {
        #expect(throws: ReaderError(.empty, "the file holds no text")) { try decode(bytes) }
    }

    @Test("a file over the size limit is refused")
    func tooLarge() {
        #expect(throws: ReaderError.self) { try TextDecoder(maximumBytes: 10).decode(Array(repeating: 0x61, count: 11)) }
    }

    /// `LineSplit.count` numbers lines as the decoder splits them: LF, CR LF, CR, a form feed on a line of its own, in
    /// UTF-8 and in UTF-16 after its byte order mark.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func linesCountedAsSplit(end: String) throws {
        let text = ["A Title", "", "Text here.", "\u{0C}More text.", "The end."].joined(separator: end) + end
        let decoded = try TextDecoder().decode(Array(text.utf8)).lines.count
        #expect(LineSplit.count(Array(text.utf8)) == decoded)
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(LineSplit.count(utf16) == LineSplit.count(Array(text.utf8)))
    }
}
