import BinderyModel
@testable import BinderyText
import Testing

/// Large UTF-8 input is decoded in two halves at once: the lines, diagnostics and notes are those of one pass.
@Suite("Decoding in halves agrees with one pass")
struct FastPathDecodingTests {
    /// Pieces of text and every kind of line end and control the line splitter looks at.
    static let pieces: [[UInt8]] = [
        "word", " ", "e\u{0301}", "é", "\u{212B}", "ﬁ", "👩\u{200D}🔬", "—", "\u{00A0}", "\u{0085}", "\u{FFFE}", "\u{FFFF}", "\t",
    ].map { Array($0.utf8) } + [[0x0A], [0x0A], [0x0A], [0x0D, 0x0A], [0x0D], [0x0C], [0x00], [0x01], [0x7F], [0x0D, 0x0D, 0x0A]]

    /// About 300 KB of pieces, from a seed.
    static func input(seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        while bytes.count < 300_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes += pieces[Int((state >> 33) % UInt64(pieces.count))]
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8], inHalves: Bool) throws -> TextDecoder.Result {
        var decoder = TextDecoder()
        decoder.splitsLargeInput = inHalves
        return try decoder.decode(bytes)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func halvesAgree(seed: UInt64) throws {
        var inputs = [Self.input(seed: seed)]
        // Invalid UTF-8 in either half: the whole is read as Windows-1252, as before.
        var invalidLate = inputs[0], invalidEarly = inputs[0]
        invalidLate[invalidLate.count - 10] = 0xFF
        invalidEarly[10] = 0xFF
        inputs += [invalidLate, invalidEarly]
        // A line feed right at the middle, or a CR just before it.
        var atMiddle = inputs[0]
        atMiddle[atMiddle.count / 2] = 0x0A
        atMiddle[atMiddle.count / 2 - 1] = 0x0D
        inputs.append(atMiddle)
        for bytes in inputs {
            let halves = try Self.decode(bytes, inHalves: true), whole = try Self.decode(bytes, inHalves: false)
            #expect(halves.lines == whole.lines)
            #expect(halves.diagnostics == whole.diagnostics)
            #expect(halves.editorial == whole.editorial)
        }
    }
}
