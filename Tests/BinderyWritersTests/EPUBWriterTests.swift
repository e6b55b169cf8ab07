import BinderyArchive
import BinderyModel
import BinderyTestSupport
@testable import BinderyWriters
import BinderyXML
import Foundation
import Testing

@Suite("EPUB writer")
struct EPUBWriterTests {
    private func epub(_ document: Document = Fixtures.everyFeature, settings: WriterSettings = WriterSettings()) throws -> ZipArchiveReader {
        try ZipArchiveReader(try EPUBWriter().write(document, context: .fixture(settings)))
    }

    private func text(_ reader: ZipArchiveReader, _ path: String) -> String {
        reader[path].map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test("matches the reviewed golden text view")
    func golden() throws {
        try Golden.check(try Golden.textView(of: try EPUBWriter().write(Fixtures.everyFeature, context: .fixture())), name: "every-feature.epub.txt")
    }

    @Test("mimetype comes first and stored; the container names the package; every XML entry parses")
    func container() throws {
        let reader = try epub()
        #expect(reader.entries.first?.path == "mimetype")
        #expect(reader.entries.first?.isStored == true)
        #expect(text(reader, "META-INF/container.xml").contains("full-path=\"EPUB/content.opf\""))
        for entry in reader.entries where entry.path.hasSuffix(".xhtml") || entry.path.hasSuffix(".opf") || entry.path.hasSuffix(".ncx") {
            #expect(throws: Never.self) { _ = try XMLDocumentTree(parsing: entry.bytes) }
        }
    }

    @Test("two builds of the same document are byte-identical")
    func reproducible() throws {
        #expect(try EPUBWriter().write(Fixtures.everyFeature, context: .fixture()) == EPUBWriter().write(Fixtures.everyFeature, context: .fixture()))
    }

    @Test("the page-list has one entry per page, page 1 at the start and each other at a marker in the text")
    func pageList() throws {
        let reader = try epub()
        let nav = text(reader, "EPUB/nav.xhtml")
        let pageList = try #require(nav.range(of: "epub:type=\"page-list\"")).upperBound
        let listEntries = nav[pageList...].components(separatedBy: "<li>").count - 1
        #expect(listEntries == Fixtures.everyFeature.pageBreaks.count + 1)
        let markers = reader.entries.filter { $0.path.hasPrefix("EPUB/text/") }
            .map { String(decoding: $0.bytes, as: UTF8.self).components(separatedBy: "role=\"doc-pagebreak\"").count - 1 }.reduce(0, +)
        #expect(markers == Fixtures.everyFeature.pageBreaks.count)
        #expect(text(reader, "EPUB/content.opf").contains("pageNavigation"))
    }

    @Test("notes become noterefs linked to endnotes with back links")
    func notes() throws {
        let reader = try epub()
        let chapters = reader.entries.filter { $0.path.hasPrefix("EPUB/text/ch") }.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(chapters.components(separatedBy: "role=\"doc-noteref\"").count - 1 == 3)
        #expect(chapters.components(separatedBy: "epub:type=\"endnote\"").count - 1 == 3)
        #expect(chapters.components(separatedBy: "role=\"doc-backlink\"").count - 1 == 3)
    }

    @Test("book-level notes go to one notes file with links across files")
    func bookNotes() throws {
        let reader = try epub(settings: WriterSettings(epubNotes: .book))
        let notes = text(reader, "EPUB/text/notes.xhtml")
        #expect(notes.components(separatedBy: "epub:type=\"endnote\"").count - 1 == 3)
        #expect(notes.contains("href=\"ch"))
        #expect(text(reader, "EPUB/content.opf").contains("href=\"text/notes.xhtml\""))
    }

    @Test("one file per division at the split level (a part's title with its first chapter), and the toc nests to the real depth")
    func splitAndToc() throws {
        let level2 = try epub(settings: WriterSettings(epubSplitLevel: 2))
        let level1 = try epub(settings: WriterSettings(epubSplitLevel: 1))
        let count = { (reader: ZipArchiveReader) in reader.entries.filter { $0.path.hasPrefix("EPUB/text/ch") }.count }
        #expect(count(level2) == 5)
        #expect(count(level1) == 4)
        let nav = text(level2, "EPUB/nav.xhtml")
        let toc = String(nav[..<(nav.range(of: "landmarks")?.lowerBound ?? nav.endIndex)])
        #expect(toc.components(separatedBy: "<ol>").count - 1 == 3)
    }

    @Test("accessibility metadata and the modified date are present")
    func packageMetadata() throws {
        let opf = text(try epub(), "EPUB/content.opf")
        for property in ["schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature", "schema:accessibilityHazard", "schema:accessibilitySummary"] {
            #expect(opf.contains("property=\"\(property)\""))
        }
        #expect(opf.contains("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"))
        #expect(opf.contains("unique-identifier=\"book-id\""))
        #expect(opf.contains("marc:relators"))
    }

    @Test("a generated cover: an SVG with the title, subtitle and creators, the package's cover-image, first in the spine, a landmark")
    func cover() throws {
        var document = Fixtures.everyFeature
        document.metadata.title = "A Rather Long Title About the Natural History of Several Remote Islands"
        document.metadata.subtitle = "With Notes"
        document.metadata.creators = [Contributor(name: "Ann Author"), Contributor(name: "Bea Writer & Co")]
        let reader = try epub(document)
        let opf = text(reader, "EPUB/content.opf")
        #expect(opf.contains("href=\"images/cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\""))
        let spine = opf[opf.range(of: "<spine")!.lowerBound...]
        #expect(spine.range(of: "idref=\"cover\"")!.lowerBound < spine.range(of: "idref=\"titlepage\"")!.lowerBound)
        #expect(text(reader, "EPUB/nav.xhtml").contains("<a epub:type=\"cover\" href=\"text/cover.xhtml\">Cover</a>"))
        let page = text(reader, "EPUB/text/cover.xhtml")
        #expect(page.contains("src=\"../images/cover.svg\""))
        #expect(page.contains("alt=\"Cover: A Rather Long Title About the Natural History of Several Remote Islands: With Notes &#x2014; Ann Author, Bea Writer &amp; Co\""))
        let svg = try #require(reader["EPUB/images/cover.svg"]).bytes
        #expect(try XMLDocumentTree(parsing: svg).rootName == "svg")
        // Every word of the title, the subtitle and the creators is set, in order, none lost to the wrap.
        let lines = String(decoding: svg, as: UTF8.self).matches(of: /<text [^>]*>([^<]*)<\/text>/).map { $0.1.replacingOccurrences(of: "&amp;", with: "&") }
        #expect(lines.joined(separator: " ") == "A Rather Long Title About the Natural History of Several Remote Islands With Notes Ann Author, Bea Writer & Co")
        #expect(lines.count >= 4 && lines.count <= 9)
    }

    @Test("the cover's lines: every word kept in order, no more lines than asked, the longest word on a line of its own if need be",
          arguments: ["Emma", "The Origin of Species", "Supercalifragilisticexpialidocious and More", String(repeating: "word ", count: 60)])
    func coverWrap(title: String) {
        let lines = TypographicCover.wrap(title, maximumLines: 6)
        #expect(lines.joined(separator: " ") == title.split(separator: " ").joined(separator: " "))
        #expect(lines.count <= 6)
        #expect(lines.count >= (title.count > 20 ? 2 : 1))
    }

    /// The classes the reader puts on paragraphs (`StructureClassifier`, `BlockAssembler`, `SpeakerLabels`).
    static let readerClasses = ["toc", "index", "bibliography", "dedication", "epigraph", "titlepage", "signature", "illustration", "caption",
                                "byline", "note-unmatched", "speaker", "speech", "speech-body", "stage-direction", "markers-in-text"]

    @Test("every class the EPUB's pages carry has a rule in the stylesheet")
    func everyClassStyled() throws {
        var document = Fixtures.everyFeature
        for kind in DivisionKind.allCases {
            document.blocks.append(.heading(Heading(level: 1, inlines: [.text("A \(kind.rawValue)")], kind: kind)))
            for name in Self.readerClasses {
                document.blocks.append(.paragraph([.text("A paragraph.")], NodeInfo(attributes: Attributes(classes: [name]))))
            }
            document.blocks.append(.verse(lines: [[.text("A line")]], NodeInfo(attributes: Attributes(classes: ["speech"]))))
        }
        let reader = try epub(document)
        let css = text(reader, "EPUB/css/bindery.css")
        // Class selectors outside comments.
        let rules = css.replacing(/\/\*[\s\S]*?\*\//, with: "")
        let selectors = Set(rules.matches(of: /\.([A-Za-z][\w-]*)/).map { String($0.1) })
        var classes: Set<String> = []
        for entry in reader.entries where entry.path.hasSuffix(".xhtml") {
            for match in String(decoding: entry.bytes, as: UTF8.self).matches(of: /class="([^"]*)"/) {
                classes.formUnion(match.1.split(separator: " ").map(String.init))
            }
        }
        #expect(classes.isSuperset(of: Self.readerClasses + ["address"]))
        // A division's class is its kind; `chapter`, `part`, `section`, `preface`, `introduction`, `appendix`, `notes` and
        // `contents` are styled by their headings and paragraphs alone.
        let plainDivisions: Set<String> = ["chapter", "part", "section", "preface", "introduction", "appendix", "notes", "contents", "titlePage"]
        let unstyled = classes.subtracting(selectors).subtracting(plainDivisions)
        #expect(unstyled.isEmpty, "classes without a rule: \(unstyled.sorted())")
    }

    @Test("the source's own title page is the book's title page, not printed again in the first chapter")
    func sourceTitlePage() throws {
        let reader = try epub(Fixtures.withTitlePage)
        let titlePage = text(reader, "EPUB/text/titlepage.xhtml")
        #expect(titlePage.contains("<h1>DUBLINERS</h1><p class=\"titlepage\">by James Joyce</p><p class=\"titlepage\">London: Grant Richards, 1914</p>"), "\(titlePage)")
        #expect(titlePage.contains("aria-label=\"2\""), "the page break among the title page's lines is kept there")
        let chapters = reader.entries.filter { $0.path.hasPrefix("EPUB/text/ch") }.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(!chapters.isEmpty && !chapters.contains { $0.contains("titlepage") || $0.contains("DUBLINERS") })
        #expect(chapters.first?.contains("The Sisters") == true)
        // A title set over two lines is the heading, its lines kept.
        #expect(text(try epub(Fixtures.withTitleOverTwoLines), "EPUB/text/titlepage.xhtml")
            .contains("<h1>BLOODSTAINED<br/>ONE HUNDRED YEARS</h1><p class=\"titlepage\">EDITED BY</p><p class=\"titlepage\">FRIENDS OF ARON BARON</p>"))
        // Made from the metadata when the source has none.
        #expect(text(try epub(Document(metadata: Metadata(title: "Alone", creators: [Contributor(name: "Ann Author")]))), "EPUB/text/titlepage.xhtml")
            .contains("<h1>Alone</h1><p class=\"author\">Ann Author</p>"))
    }

    @Test("an empty document still gives a well-formed book")
    func empty() throws {
        let reader = try epub(Document())
        #expect(reader["EPUB/text/titlepage.xhtml"] != nil)
        #expect(text(reader, "EPUB/nav.xhtml").contains("<a href=\"text/titlepage.xhtml\">Start</a>"))
    }
}

@Suite("EPUB validity (EPUBCheck 5)")
struct EPUBValidityTests {
    @Test("0 errors and 0 warnings for the every-feature fixture, book notes, and an empty document",
          arguments: [(Fixtures.everyFeature, WriterSettings()), (Fixtures.everyFeature, WriterSettings(epubSplitLevel: 1, epubNotes: .book)), (Document(), WriterSettings()),
                      (Fixtures.withTitlePage, WriterSettings()), (Fixtures.withTitleOverTwoLines, WriterSettings())])
    func valid(document: Document, settings: WriterSettings) throws {
        guard Validators.missing.isEmpty else {
            #expect(!PackagePaths.isCI, "validators missing under CI: \(Validators.missing)")
            return
        }
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("every.epub")
        try Data(EPUBWriter().write(document, context: .fixture(settings))).write(to: file)
        let outcome = try Validators.epubcheck(file)
        #expect(outcome.passed, "\(outcome.output)")
    }
}
