import BinderyArchive
import BinderyModel
import BinderyTestSupport
import BinderyWriters
import Crypto
import Foundation
import Testing

@Suite("Plain-text bundle writer")
struct TextBundleWriterTests {
    private func bag(_ document: Document = Fixtures.everyFeature, settings: WriterSettings = WriterSettings()) throws -> ZipArchiveReader {
        try ZipArchiveReader(try TextBundleWriter().write(document, context: .fixture(settings)))
    }

    private func text(_ reader: ZipArchiveReader, _ path: String) -> String {
        reader[path].map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test("matches the reviewed golden text view")
    func golden() throws {
        try Golden.check(try Golden.textView(of: try TextBundleWriter().write(Fixtures.everyFeature, context: .fixture())), name: "every-feature.bag.txt")
    }

    @Test("manifests hold the SHA-256 of every payload and tag file; Payload-Oxum adds up")
    func manifests() throws {
        let reader = try bag()
        let manifest = text(reader, "every/manifest-sha256.txt").split(separator: "\n")
        let payload = reader.entries.filter { $0.path.hasPrefix("every/data/") }
        #expect(manifest.count == payload.count)
        for line in manifest {
            let parts = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let entry = try #require(reader["every/" + parts[1]])
            #expect(SHA256.hash(data: entry.bytes).map { String(format: "%02x", $0) }.joined() == parts[0])
        }
        let octets = payload.reduce(0) { $0 + $1.bytes.count }
        #expect(text(reader, "every/bag-info.txt").contains("Payload-Oxum: \(octets).\(payload.count)\n"))
        #expect(text(reader, "every/tagmanifest-sha256.txt").split(separator: "\n").count == 3)
    }

    @Test("two builds of the same document are byte-identical")
    func reproducible() throws {
        #expect(try TextBundleWriter().write(Fixtures.everyFeature, context: .fixture()) == TextBundleWriter().write(Fixtures.everyFeature, context: .fixture()))
        #expect(try TEIWriter().write(Fixtures.everyFeature, context: .fixture()) == TEIWriter().write(Fixtures.everyFeature, context: .fixture()))
    }

    @Test("one page file per page, named by printed number; a page without one by its place")
    func pages() throws {
        let reader = try bag()
        let pages = reader.entries.map(\.path).filter { $0.hasPrefix("every/data/pages/") }
        #expect(pages == ["every/data/pages/seq-0001.txt", "every/data/pages/0012.txt", "every/data/pages/0013.txt"])
        #expect(text(reader, "every/data/pages/0013.txt").hasPrefix("After the break."))
    }

    @Test("reading text: markers as [n], notes gathered as [n] text, no page furniture")
    func readingText() throws {
        let reading = text(try bag(), "every/data/every.txt")
        #expect(reading.contains("Text with a note[1] and a page break"))
        #expect(reading.contains("[1] The note, with emphasis. Its second paragraph."))
        #expect(!reading.contains("EVERY FEATURE"))
        #expect(reading.contains("    Quoted [2]."))
    }

    @Test("wrap width 0 keeps each paragraph on one line")
    func noWrap() throws {
        let long = Document(blocks: [.paragraph([.text(String(repeating: "word ", count: 60))])])
        let reading = text(try bag(long, settings: WriterSettings(textWrapWidth: 0)), "every/data/every.txt")
        #expect(reading.split(separator: "\n").contains { $0.count > 250 })
        let wrapped = text(try bag(long, settings: WriterSettings(textWrapWidth: 60)), "every/data/every.txt")
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    @Test("bagit-python validates the unpacked bag")
    func valid() throws {
        guard Validators.missing.isEmpty else {
            #expect(!PackagePaths.isCI, "validators missing under CI: \(Validators.missing)")
            return
        }
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let archive = directory.appendingPathComponent("every.bag.zip")
        try Data(TextBundleWriter().write(Fixtures.everyFeature, context: .fixture())).write(to: archive)
        try Validators.unzip(archive, into: directory)
        let outcome = try Validators.bagit(directory.appendingPathComponent("every"))
        #expect(outcome.passed, "\(outcome.output)")
    }
}

@Suite("TEI and plain text agree")
struct SameTextTests {
    @Test("the fixture's TEI body and reading text hold the same words")
    func fixture() throws {
        let tei = String(decoding: try TEIWriter().write(Fixtures.everyFeature, context: .fixture()), as: UTF8.self)
        let bag = try ZipArchiveReader(try TextBundleWriter().write(Fixtures.everyFeature, context: .fixture()))
        let reading = String(decoding: bag["every/data/every.txt"]?.bytes ?? [], as: UTF8.self)
        let teiWords = TextComparison.teiBodyWords(tei), readingWords = TextComparison.readingWords(reading, titleBlockParagraphs: 3)
        #expect(TextComparison.firstDifference(teiWords, readingWords) == nil, "\(TextComparison.firstDifference(teiWords, readingWords) ?? "")")
        #expect(teiWords.contains("dedication") && teiWords.contains("Under"))
    }
}
