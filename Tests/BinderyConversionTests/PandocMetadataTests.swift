import BinderyArchive
import BinderyConversion
import BinderyModel
import BinderyTestSupport
import Foundation
import Testing

/// A pandoc user's metadata file works as a sidecar unchanged: pandoc's EPUB keys are read and land where pandoc puts them
/// (the OPF, the TEI header); a key Bindery does not know, or one with a wrong value, is a warning and the rest applies.
@Suite("pandoc's metadata keys in the sidecar")
struct PandocMetadataTests {
    private let text = Array("A Small Book\n\n\nChapter 1\n\nThe first paragraph.\n\n\nChapter 2\n\nThe second paragraph.\n".utf8)

    /// The example of pandoc's manual (EPUB metadata), with a key of its own (`ibooks`) that Bindery leaves out.
    static let pandocFile = """
    ---
    title:
    - type: main
      text: My Book
    - type: subtitle
      text: An investigation of metadata
    creator:
    - role: author
      text: John Smith
    - role: editor
      text: Sarah Jones
    identifier:
    - scheme: DOI
      text: doi:10.234234.234/33
    publisher: My Press
    rights: © 2007 John Smith, CC BY-NC
    ibooks:
      version: 1.3.4
    lang: en-GB
    date:
    - type: publication
      text: 2007-05-01
    description: A study of how metadata travels from one tool to another.
    subject:
    - text: metadata
    belongs-to-collection: Tools of the Trade
    group-position: 2
    toc-title: Table of Contents
    ...
    """

    private func convert(_ sidecar: String) throws -> Converter.Result {
        try Converter().convert(Converter.Source(bytes: text, fileName: "small.txt", modified: Date(timeIntervalSince1970: 1_700_000_000),
                                                 sidecar: Array(sidecar.utf8)))
    }

    @Test("pandoc's example metadata file: every key it shares with Bindery applies, `ibooks` is a warning")
    func pandocExample() throws {
        let result = try convert(Self.pandocFile)
        let metadata = result.document.metadata
        #expect(metadata.title == "My Book")
        #expect(metadata.subtitle == "An investigation of metadata")
        #expect(metadata.creators == [Contributor(name: "John Smith", role: "aut"), Contributor(name: "Sarah Jones", role: "edt")])
        #expect(metadata.identifier == "doi:10.234234.234/33")
        #expect(metadata.language == "en-GB")
        #expect(metadata.date == "2007-05-01")
        #expect(metadata.description == "A study of how metadata travels from one tool to another.")
        #expect(metadata.subjects == ["metadata"])
        #expect(metadata.series == "Tools of the Trade" && metadata.seriesPosition == "2")
        let warnings = result.document.diagnostics.filter { $0.code == "sidecar.invalid" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("key 'ibooks': unknown key") == true, "\(warnings)")

        let epub = try ZipArchiveReader(try #require(result.outputs.first { $0.format == .epub }).bytes)
        let opf = String(decoding: try #require(epub["EPUB/content.opf"]).bytes, as: UTF8.self)
        #expect(opf.contains("<dc:description>A study of how metadata travels from one tool to another.</dc:description>"))
        #expect(opf.contains("<meta property=\"belongs-to-collection\" id=\"series\">Tools of the Trade</meta>"))
        #expect(opf.contains("<meta refines=\"#series\" property=\"group-position\">2</meta>"))
        #expect(opf.contains("<dc:date>2007-05-01</dc:date>"))
        #expect(!opf.contains("<dc:source id=\"source\">A study"), "the description is no longer the source")
        let nav = String(decoding: try #require(epub["EPUB/nav.xhtml"]).bytes, as: UTF8.self)
        #expect(nav.contains("<h1>Table of Contents</h1>"))
        let tei = String(decoding: try #require(result.outputs.first { $0.format == .tei }).bytes, as: UTF8.self)
        #expect(tei.contains("<seriesStmt><title level=\"s\">Tools of the Trade</title><biblScope unit=\"volume\">2</biblScope></seriesStmt>"))
        #expect(tei.contains("<abstract><p>A study of how metadata travels from one tool to another.</p></abstract>"))
        try validateOutputs(result)
    }

    @Test("a key with a wrong value is left out with a warning naming it, and has no effect; the other keys apply", arguments: [
        ("title: {a: 1}\nauthor: Ann", "key 'title.a': unknown key", "A Small Book", ["Ann"]),
        ("colour: blue\ntitle: Kept", "key 'colour': unknown key", "Kept", []),
        ("author: [{role: edt}]\ntitle: Kept", "needs a 'name'", "Kept", []),
        ("title: Kept\nstructure:\n  paragraphs: sideways\n", "key 'structure.paragraphs': must be one of", "Kept", []),
        ("lang: fr\nlanguage: de\ntitle: Kept", "key 'language': also given as 'lang'", "Kept", []),
    ])
    func badKeyLeftOut(yaml: String, expected: String, title: String, creators: [String]) throws {
        let result = try convert(yaml)
        let warnings = result.document.diagnostics.filter { $0.code == "sidecar.invalid" }
        #expect(!warnings.isEmpty && warnings.allSatisfy { $0.severity == .warning && $0.message.contains("the rest of the sidecar applied") })
        #expect(warnings.contains { $0.message.contains(expected) }, "\(warnings)")
        #expect(result.document.metadata.title == title)
        #expect(result.document.metadata.creators.map(\.name) == creators)
        #expect(result.outputs.count == 3)
    }

    @Test("pandoc's typed titles: the one typed main is the title, the collection the series; author and creator add up")
    func typedTitlesAndSynonyms() throws {
        let result = try convert("title: [{type: collection, text: The Series}, {type: main, text: My Book}, {type: short, text: Book}]\n"
                                 + "author: Ann Author\ncreator: [{role: editor, text: Ed Itor}]\nlang: fr\n")
        let metadata = result.document.metadata
        #expect(metadata.title == "My Book" && metadata.series == "The Series")
        #expect(metadata.creators == [Contributor(name: "Ann Author"), Contributor(name: "Ed Itor", role: "edt")])
        #expect(metadata.language == "fr")
        #expect(!result.document.diagnostics.contains { $0.code == "sidecar.invalid" })
    }

    @Test("roles by their English names become MARC relator codes; codes stay as they are")
    func roles() throws {
        let result = try convert("creator:\n- {role: translator, text: T. Ranslator}\n- {role: ill, text: I. Llustrator}\n- A. Uthor\n")
        #expect(result.document.metadata.creators.map(\.role) == ["trl", "ill", "aut"])
    }
}
