import BinderyArchive
import BinderyModel
import BinderyTestSupport
@testable import BinderyWriters
import Foundation
import Testing

/// How the body is cut into spine files: none holding only headings, none over 250 KB, no text lost or doubled.
@Suite("EPUB spine files")
struct EPUBSpineTests {
    private static func heading(_ level: Int, _ text: String, kind: DivisionKind = .chapter) -> Block {
        .heading(Heading(level: level, inlines: [.text(text)], kind: kind))
    }

    /// About 1 KB of words, numbered so that every paragraph is told apart.
    private static func paragraph(_ number: Int) -> Block {
        .paragraph([.text("Paragraph \(number): " + String(repeating: "words of a long chapter run on here ", count: 28))])
    }

    private func bodyFiles(_ document: Document) throws -> [(path: String, text: String)] {
        let reader = try ZipArchiveReader(try EPUBWriter().write(document, context: .fixture()))
        return reader.entries.filter { $0.path.hasPrefix("EPUB/text/ch") }.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
    }

    @Test("a part's title and a byline go on with the part's first chapter: no file holds only headings")
    func noHeadingOnlyFile() throws {
        var document = Document()
        document.blocks = [Self.heading(1, "Part One", kind: .part), .paragraph([.text("by A. Writer")], NodeInfo(attributes: Attributes(classes: ["byline"]))),
                           Self.heading(2, "Chapter 1"), Self.paragraph(1), Self.heading(2, "Chapter 2"), Self.paragraph(2),
                           Self.heading(1, "Part Two", kind: .part), Self.heading(2, "Chapter 3"), Self.paragraph(3)]
        let files = try bodyFiles(document)
        #expect(files.count == 3, "\(files.map(\.path))")
        for file in files { #expect(file.text.contains("Paragraph "), "\(file.path) holds only headings") }
        #expect(files[0].text.contains("Part One") && files[0].text.contains("Chapter 1"))
        #expect(files[2].text.contains("Part Two") && files[2].text.contains("Chapter 3"))
    }

    @Test("a 300 KB quotation after 200 KB of paragraphs starts a file of its own: the file before stays under 250 KB")
    func oversizedBlock() throws {
        var document = Document()
        document.blocks = [Self.heading(1, "Quoted")] + (1...200).map(Self.paragraph)
            + [.blockQuote((201...500).map(Self.paragraph))] + [Self.paragraph(501)]
        let files = try bodyFiles(document)
        #expect(files.count >= 2)
        #expect(files[0].text.utf8.count <= 250_000, "\(files[0].text.utf8.count)")
        let all = files.map(\.text).joined()
        #expect(all.components(separatedBy: "<p>Paragraph ").count - 1 == 501)
    }

    @Test("the Start of content landmark points past the front matter (a dedication, the contents) to the first division of the body")
    func bodyMatterLandmark() throws {
        var document = Document()
        document.blocks = [.paragraph([.text("To my mother.")]), Self.heading(1, "Contents", kind: .contents), Self.paragraph(1),
                           Self.heading(1, "Chapter 1"), Self.paragraph(2)]
        let reader = try ZipArchiveReader(try EPUBWriter().write(document, context: .fixture()))
        let nav = String(decoding: reader["EPUB/nav.xhtml"]?.bytes ?? [], as: UTF8.self)
        let chapterFile = try #require(try bodyFiles(document).first { $0.text.contains("Chapter 1") }?.path)
        #expect(nav.contains("epub:type=\"bodymatter\" href=\"\(chapterFile.dropFirst("EPUB/".count))\""), "\(nav)")
    }

    @Test("a 700 KB chapter is cut at its subheadings, a 700 KB one without them between paragraphs; no file over 250 KB, every paragraph once",
          arguments: [true, false])
    func longChapters(withSubheadings: Bool) throws {
        var document = Document()
        document.blocks = [Self.heading(1, "The Long Chapter")]
        for number in 1...700 {
            if withSubheadings, number % 50 == 0 { document.blocks.append(Self.heading(2, "Section \(number / 50)", kind: .section)) }
            document.blocks.append(Self.paragraph(number))
        }
        let files = try bodyFiles(document)
        #expect(files.count >= 3, "\(files.count) files")
        for file in files { #expect(file.text.utf8.count <= 250_000, "\(file.path): \(file.text.utf8.count) bytes") }
        if withSubheadings {
            for file in files.dropFirst() { #expect(file.text.contains("<h2") || file.text.contains("<h1"), "\(file.path) is not cut at a heading") }
        }
        let all = files.map(\.text).joined()
        for number in [1, 350, 700] { #expect(all.components(separatedBy: "Paragraph \(number): ").count == 2, "paragraph \(number)") }
        #expect(all.components(separatedBy: "<p>Paragraph ").count - 1 == 700)
    }
}
