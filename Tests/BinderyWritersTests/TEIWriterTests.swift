import BinderyModel
import BinderyTestSupport
import BinderyWriters
import BinderyXML
import Foundation
import Testing

@Suite("TEI writer")
struct TEIWriterTests {
    private func tei(_ document: Document = Fixtures.everyFeature) throws -> String {
        String(decoding: try TEIWriter().write(document, context: .fixture()), as: UTF8.self)
    }

    @Test("matches the reviewed golden file")
    func golden() throws {
        try Golden.check(try tei(), name: "every-feature.tei.xml")
    }

    @Test("one pb per page break, with the removed running head and page number as fw")
    func pageBreaks() throws {
        let xml = try tei()
        #expect(xml.components(separatedBy: "<pb ").count - 1 == Fixtures.everyFeature.pageBreaks.count)
        #expect(xml.contains("<pb n=\"12\"/><fw type=\"header\">EVERY FEATURE</fw><fw type=\"pageNum\">12</fw>"))
    }

    @Test("the header records the source, Bindery and every editorial category")
    func header() throws {
        let xml = try tei()
        #expect(xml.contains("<idno type=\"sha256\">\(String(repeating: "0", count: 64))</idno>"))
        #expect(xml.contains("<application ident=\"bindery\" version=\"\(BinderyVersion.current)\">"))
        for element in ["correction", "normalization", "quotation", "segmentation", "interpretation"] {
            #expect(xml.contains("<\(element)><p>"))
        }
        #expect(xml.contains("<hyphenation eol=\"hard\"><p>"))
        #expect(xml.contains("3 end-of-line hyphens were joined."))
        #expect(xml.contains("<idno type=\"URI\">urn:uuid:12345678-1234-8234-8234-123456789abc</idno>"))
    }

    @Test("front matter goes to front, the index to back, notes stay at their reference")
    func divisions() throws {
        let xml = try tei()
        let front = try #require(xml.range(of: "<front>")), body = try #require(xml.range(of: "<body>")), back = try #require(xml.range(of: "<back>"))
        #expect(front.lowerBound < body.lowerBound && body.lowerBound < back.lowerBound)
        #expect(xml[back.lowerBound...].contains("<div type=\"index\" "))
        #expect(xml.contains("Text with a note<note place=\"end\" n=\"1\" xml:id=\"note-2\">"))
    }

    /// `@eol` says what became of line-end hyphens: `hard` once a break was joined (the words' own hyphens stay).
    @Test("hyphenation/@eol: hard where line-end breaks were joined, all where none was")
    func endOfLineHyphenation() throws {
        let joined = Document(blocks: [.paragraph([.text("The revolution was over.")])],
                              lineDecisions: [LineDecision(line: 1, kind: .hyphenJoined, detail: "revolution")])
        #expect(try tei(joined).contains("<hyphenation eol=\"hard\">"))
        let kept = Document(blocks: [.paragraph([.text("The self-government was over.")])],
                            lineDecisions: [LineDecision(line: 1, kind: .hyphenKept, detail: "self-government")])
        #expect(try tei(kept).contains("<hyphenation eol=\"all\">"))
    }

    /// Every division has an `xml:id` of its own, in reading order, and `n`, its place among its siblings (the top-level
    /// ones of `front`, `body` and `back` each counted from 1).
    @Test("divisions are numbered: xml:id in reading order, n among their siblings")
    func divisionNumbers() throws {
        let document = Document(blocks: [
            .heading(Heading(level: 1, inlines: [.text("Preface")], kind: .preface)), .paragraph([.text("a")]),
            .heading(Heading(level: 1, inlines: [.text("One")])), .paragraph([.text("b")]),
            .heading(Heading(level: 2, inlines: [.text("One, first")])), .paragraph([.text("c")]),
            .heading(Heading(level: 2, inlines: [.text("One, second")])), .paragraph([.text("d")]),
            .heading(Heading(level: 1, inlines: [.text("Two")])), .paragraph([.text("e")]),
        ])
        let xml = try tei(document)
        let divisions = xml.components(separatedBy: "<div ").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(divisions == ["type=\"preface\" xml:id=\"div-1\" n=\"1\"", "type=\"chapter\" xml:id=\"div-2\" n=\"2\"",
                              "type=\"chapter\" xml:id=\"div-3\" n=\"1\"", "type=\"chapter\" xml:id=\"div-4\" n=\"2\"",
                              "type=\"chapter\" xml:id=\"div-5\" n=\"3\""], "\(divisions)")
        // In `front`, `body` and `back` alike, each counted from 1.
        let xmlWithBack = try tei(Fixtures.everyFeature)
        #expect(xmlWithBack.contains("<back><div type=\"index\" xml:id=\"div-6\" n=\"1\">"), "\(xmlWithBack.suffix(300))")
    }

    @Test("diplomatic line breaks become lb, with break=no where a word runs on")
    func lineBreaks() throws {
        let document = Document(blocks: [.paragraph([.text("The revolu"), .lineBreak(LineBreak(joinsWords: true)), .text("tion was"), .lineBreak(LineBreak(joinsWords: false)), .text("over.")])])
        let xml = try tei(document)
        #expect(xml.contains("<p>The revolu<lb break=\"no\"/>tion was\n<lb/>over.</p>"))
    }

    @Test("the source's title page is the text's titlePage, line by line, and not in the body")
    func sourceTitlePage() throws {
        let xml = try tei(Fixtures.withTitlePage)
        #expect(xml.contains("<titlePage><docTitle><titlePart type=\"main\">DUBLINERS</titlePart></docTitle><byline>by James Joyce</byline>"
            + "<titlePart type=\"desc\">London: Grant Richards, 1914</titlePart><pb n=\"2\"/></titlePage>"), "\(xml)")
        #expect(!xml.contains("rend=\"titlepage\""))
        #expect(try tei(Fixtures.withTitleOverTwoLines).contains("<titlePage><docTitle><titlePart type=\"main\">BLOODSTAINED</titlePart><titlePart type=\"main\">"
            + "ONE HUNDRED YEARS</titlePart></docTitle><titlePart type=\"desc\">EDITED BY</titlePart><byline>FRIENDS OF ARON BARON</byline></titlePage>"))
    }

    @Test("valid against tei_all (jing)", arguments: [Fixtures.everyFeature, Fixtures.withTitlePage, Fixtures.withTitleOverTwoLines, Document(), Document(blocks: [.heading(Heading(level: 1, inlines: [.text("Notes")], kind: .notes))]),
                                                      Document(blocks: [.paragraph([.text("a"), .lineBreak(LineBreak(joinsWords: true)), .text("b"), .lineBreak(LineBreak(joinsWords: false)), .text("c")])])])
    func valid(document: Document) throws {
        guard Validators.missing.isEmpty else {
            #expect(!PackagePaths.isCI, "validators missing under CI: \(Validators.missing)")
            return
        }
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("doc.tei.xml")
        try Data(TEIWriter().write(document, context: .fixture())).write(to: file)
        let outcome = try Validators.jing([file])
        #expect(outcome.passed, "\(outcome.output)")
    }
}
