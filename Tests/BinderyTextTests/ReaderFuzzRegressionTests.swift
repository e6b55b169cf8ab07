import BinderyModel
@testable import BinderyText
import Foundation
import Testing

/// The reader against what fuzzing keeps (`make fuzz`: Fuzz/Regressions/TextReader and the seeds)
/// and against shapes that once made it quadratic: each input is read or refused with a
/// `ReaderError`, never a crash (these tests also run under ASan: `make test-asan`).
@Suite("Reader fuzz regressions")
struct ReaderFuzzRegressionTests {
    /// The package root (three folders up; also right through the Fuzz/ReaderTests link).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func kept() -> [URL] {
        ["Fuzz/Regressions/TextReader", "Fuzz/Seeds/TextReader"].flatMap { folder -> [URL] in
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    @Test func keptInputsAreReadOrRefused() throws {
        let files = Self.kept()
        #expect(files.count >= 10, "no kept inputs under \(Self.root.path)/Fuzz")
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            do {
                _ = try TextReader().read(bytes)
            } catch {
                #expect(!error.message.isEmpty, "\(file.lastPathComponent)")
            }
        }
    }

    @Test("UTF-16 without a byte order mark is read, not refused as binary", arguments: [false, true])
    func utf16WithoutBOM(bigEndian: Bool) throws {
        let text = "A Title\n\nA paragraph in UTF-16, caf\u{E9}.\n"
        let bytes = text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = try TextReader().read(bytes)
        #expect(document.diagnostics.contains { $0.code == "decode.utf16-no-bom" })
        #expect(document.blocks.contains { "\($0)".contains("caf\u{E9}") })
    }

    /// One paragraph of 80,000 hyphenated lines: the dehyphenator and the paragraph builder were
    /// quadratic in a paragraph's length (217 s for this in a debug build; now 2–3 s alone). The time
    /// limit is a hang guard, not a benchmark: it counts from the test's start while the other suites
    /// share the two cores (CI reported 58.7 s once, against a limit of one minute then).
    @Test(.timeLimit(.minutes(3)))
    func aLongHyphenatedParagraphIsReadInLinearTime() throws {
        let document = try TextReader().read(Array(String(repeating: "a long hyphen-\nated word-\n", count: 40_000).utf8))
        #expect(!document.blocks.isEmpty)
    }

    /// Many headings with one key ("CHAPTER n") went through a quadratic contents check.
    @Test func manyHeadingsWithOneKeyAreRead() throws {
        let document = try TextReader().read(Array((0..<10_000).map { "CHAPTER \($0)\n\n" }.joined().utf8))
        #expect(document.blocks.count >= 10_000)
    }

    /// A notes list (back matter) between a preface and three numbered chapters: the leveller walked the range
    /// from the first chapter to the back matter backwards and trapped.
    @Test func backMatterBeforeTheFirstNumberedChapterIsRead() throws {
        let prose = "Words of a paragraph that runs on long enough to be prose in a book of some length and weight.\n"
        var text = "A BOOK\n\nby Someone\n\n\n\nPREFACE\n\n\(prose)With a note.[1]\n\n\nNOTES\n\n1. The note, a sentence.\n\n"
        for (number, title) in [("I", "FIRST"), ("II", "SECOND"), ("III", "THIRD")] {
            text += "\n\n\(number). \(title)\n\n" + String(repeating: prose, count: 3) + "\n\nA TITLE WITHIN\n\n" + prose
        }
        let found = headings(try TextReader().read(Array(text.utf8)))
        let chapters = found.filter { ["I. FIRST", "II. SECOND", "III. THIRD"].contains($0.text) }
        #expect(chapters.count == 3 && Set(chapters.map(\.level)).count == 1, "\(found)")
    }

    /// A marker both a `[Footnote 1: …]` block and a `[1]` endnote answer: the first note takes it, the other text
    /// stays a paragraph (the linker placed both at one offset and trapped).
    @Test func oneMarkerAnsweredByTwoNotesIsLinkedOnce() throws {
        let url = Self.root.appendingPathComponent("Fuzz/Regressions/TextReader/notes-one-marker-two-notes.txt")
        let document = try TextReader().read([UInt8](try Data(contentsOf: url)))
        var notes = 0
        for case .paragraph(let inlines, _) in document.blocks { notes += inlines.count { if case .note = $0 { true } else { false } } }
        #expect(notes == 1)
        #expect(document.blocks.contains { $0.plainText.contains("The endnote that also explains the claim") })
    }
}
