import BinderyArchive
import BinderyConversion
import BinderyModel
import BinderyTestSupport
import BinderyText
import BinderyWriters
import Foundation
import Testing

/// Converts every document of `../shared/corpus` and runs the three real validators on the results.
@Suite("Corpus through the real validators", .serialized)
struct ConverterCorpusTests {
    /// The corpus converted once, into a temporary folder shared by the tests of this suite.
    final class Converted: Sendable {
        let directory: URL
        let documents: [String: Document]

        init() throws {
            directory = try PackagePaths.temporaryDirectory("bindery-corpus")
            var documents: [String: Document] = [:]
            let loader = SourceLoader(environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            for file in PackagePaths.corpusFiles() {
                let source = try loader.load(file)
                let result = try Converter().convert(source)
                for output in result.outputs {
                    try AtomicFileWriter.write(output.bytes, to: directory.appendingPathComponent(source.stem + output.format.fileSuffix))
                }
                documents[source.stem] = result.document
            }
            self.documents = documents
        }
    }

    static let shared: (converted: Converted?, error: String?) = {
        do { return (try Converted(), nil) } catch { return (nil, "\(error)") }
    }()

    private func prepared() throws -> Converted? {
        guard !PackagePaths.corpusFiles().isEmpty else {
            #expect(!PackagePaths.isCI, "the corpus ../shared/corpus is missing")
            return nil
        }
        guard Validators.missing.isEmpty else {
            #expect(!PackagePaths.isCI, "validators missing under CI: \(Validators.missing)")
            return nil
        }
        if let error = Self.shared.error { Issue.record("the corpus did not convert: \(error)") }
        return Self.shared.converted
    }

    @Test("every document gives three outputs")
    func fifteenOutputs() throws {
        guard let converted = try prepared() else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: converted.directory.path)
        #expect(names.count == PackagePaths.corpusFiles().count * 3)
        #expect(!names.contains { $0.hasPrefix(".") }, "a temp file was left behind")
    }

    @Test("EPUBCheck 5: 0 errors, 0 warnings", arguments: PackagePaths.corpusFiles().map { $0.deletingPathExtension().lastPathComponent })
    func epubcheck(stem: String) throws {
        guard let converted = try prepared() else { return }
        let outcome = try Validators.epubcheck(converted.directory.appendingPathComponent(stem + ".epub"))
        #expect(outcome.passed, "\(outcome.output.suffix(3000))")
    }

    @Test("jing: every TEI file is valid against tei_all")
    func jing() throws {
        guard let converted = try prepared() else { return }
        let files = PackagePaths.corpusFiles().map { converted.directory.appendingPathComponent($0.deletingPathExtension().lastPathComponent + ".tei.xml") }
        let outcome = try Validators.jing(files)
        #expect(outcome.passed, "\(outcome.output.suffix(3000))")
    }

    @Test("bagit-python validates every bag, and its page files match the pages found")
    func bagit() throws {
        guard let converted = try prepared() else { return }
        for file in PackagePaths.corpusFiles() {
            let stem = file.deletingPathExtension().lastPathComponent
            let unpacked = try PackagePaths.temporaryDirectory("bindery-bag")
            defer { try? FileManager.default.removeItem(at: unpacked) }
            try Validators.unzip(converted.directory.appendingPathComponent(stem + ".bag.zip"), into: unpacked)
            let outcome = try Validators.bagit(unpacked.appendingPathComponent(stem))
            #expect(outcome.passed, "\(stem): \(outcome.output.suffix(2000))")
            let breaks = converted.documents[stem]?.pageBreaks.count ?? 0
            let pages = (try? FileManager.default.contentsOfDirectory(atPath: unpacked.appendingPathComponent("\(stem)/data/pages").path)) ?? []
            if breaks == 0 { #expect(pages.isEmpty) } else { #expect(pages.count >= breaks && pages.count <= breaks + 1, "\(stem): \(pages.count) page files for \(breaks) breaks") }
        }
    }

    @Test("one page numbering: the EPUB page list, the TEI pbs and the bag's pages carry the same labels, printed or inferred")
    func pageNumbering() throws {
        guard let converted = try prepared() else { return }
        for (stem, document) in converted.documents.sorted(by: { $0.key < $1.key }) {
            let outputs = try PageLabelsFound(directory: converted.directory, stem: stem)
            outputs.check(document, stem: stem)
        }
    }
}

extension ConverterCorpusTests {
    @Test("the TEI body text equals the bundle's reading text, word for word")
    func sameText() throws {
        guard let converted = try prepared() else { return }
        for (stem, document) in converted.documents.sorted(by: { $0.key < $1.key }) {
            let tei = try String(contentsOf: converted.directory.appendingPathComponent(stem + ".tei.xml"), encoding: .utf8)
            let unpacked = try PackagePaths.temporaryDirectory("bindery-bag")
            defer { try? FileManager.default.removeItem(at: unpacked) }
            try Validators.unzip(converted.directory.appendingPathComponent(stem + ".bag.zip"), into: unpacked)
            let reading = try String(contentsOf: unpacked.appendingPathComponent("\(stem)/data/\(stem).txt"), encoding: .utf8)
            let titleParagraphs = TextBundleWriter.titleBlockParagraphs(document)
            let difference = TextComparison.firstDifference(TextComparison.teiBodyWords(tei), TextComparison.readingWords(reading, titleBlockParagraphs: titleParagraphs))
            #expect(difference == nil, "\(stem): \(difference ?? "")")
            #expect(!reading.contains("¬"), "\(stem): a soft hyphen is left in the reading text")
            let pageNumbers = reading.components(separatedBy: "\n\n").filter { paragraph in
                let trimmed = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
                return !trimmed.isEmpty && trimmed.count <= 4 && trimmed.allSatisfy(\.isNumber)
            }
            #expect(pageNumbers.isEmpty, "\(stem): paragraphs that are only a page number: \(pageNumbers.prefix(5))")
            for head in Set(document.pageBreaks.compactMap(\.runningHead)) where head.count > 3 {
                let asParagraph = reading.components(separatedBy: "\n\n" + head + "\n\n").count - 1
                #expect(asParagraph <= 1, "\(stem): the running head “\(head)” stands \(asParagraph) times as a paragraph")
            }
        }
    }
}

extension ConverterCorpusTests {
    @Test("diplomatic mode: lb at every kept line break, valid TEI, the same reading text")
    func diplomatic() throws {
        guard try prepared() != nil else { return }
        let directory = try PackagePaths.temporaryDirectory("bindery-diplomatic")
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = SourceLoader(environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        var files: [URL] = []
        for file in PackagePaths.corpusFiles() {
            let source = try loader.load(file)
            let plain = try Converter().convert(source, formats: [.tei, .text])
            let diplomatic = try Converter(readerOptions: ReaderOptions(keepLineBreaks: true)).convert(source, formats: [.tei, .text])
            let tei = String(decoding: diplomatic.outputs[0].bytes, as: UTF8.self)
            let url = directory.appendingPathComponent(source.stem + ".tei.xml")
            try Data(diplomatic.outputs[0].bytes).write(to: url)
            files.append(url)
            let readingPath = "\(source.stem)/data/\(source.stem).txt"
            let plainReading = try ZipArchiveReader(plain.outputs[1].bytes)[readingPath]?.bytes
            let diplomaticReading = try ZipArchiveReader(diplomatic.outputs[1].bytes)[readingPath]?.bytes
            #expect(plainReading != nil && diplomaticReading == plainReading, "\(source.stem): the reading text changed in diplomatic mode")
            #expect(TextComparison.teiBodyWords(tei) == TextComparison.teiBodyWords(String(decoding: plain.outputs[0].bytes, as: UTF8.self)), "\(source.stem)")
            if source.stem.hasPrefix("001") { #expect(tei.contains("<lb break=\"no\"/>") && tei.contains("<lb/>")) }
        }
        let outcome = try Validators.jing(files)
        #expect(outcome.passed, "\(outcome.output.suffix(2000))")
    }
}
