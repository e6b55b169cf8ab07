import BinderyConversion
import BinderyModel
import BinderyTestSupport
import Foundation
import Testing

/// What no typesetter makes but a crafted file can: a font of 10^20 points, a page ten million times too wide,
/// a first page with nothing on it. A document or a clear error, never a crash or a runaway; and where the text
/// is sound, the transcript's lines stay where they were printed.
@Suite("PDF input: impossible values")
struct PDFImpossibleValuesTests {
    static let prose = (1...12).map { "Line \($0) of a plain page of prose that runs on across the measure here" }

    static func source(_ pages: [HandMadePDF.Page], name: String = "crafted.pdf") -> Converter.Source {
        Converter.Source(bytes: HandMadePDF.pdf(pages), fileName: name, modified: Date(timeIntervalSince1970: 0))
    }

    static func prosePage(from top: Double = 520) -> String {
        prose.enumerated().map { HandMadePDF.line($1, x: 50, y: top - Double($0) * 14, size: "10") }.joined()
    }

    @Test("a font of 10^20 points: the page's sound text is read, the rest left out")
    func hugeFontSize() throws {
        let content = HandMadePDF.line("Giant", x: 50, y: 560, size: "100000000000000000000") + Self.prosePage()
        let document = try Converter().read(Self.source([HandMadePDF.Page(content: content)]))
        let text = document.blocks.map(\.plainText).joined(separator: " ")
        #expect(text.contains("Line 1 of a plain page"), "\(text.prefix(200))")
    }

    @Test("a page ten million times too wide, words far apart on one baseline: done at once, no runaway")
    func hugeMediaBox() throws {
        let content = HandMadePDF.line("left", x: 50, y: 500, size: "10") + HandMadePDF.line("right", x: 90_000_000_000, y: 500, size: "10")
        let started = ContinuousClock.now
        do {
            _ = try Converter().read(Self.source([HandMadePDF.Page(mediaBox: "0 0 100000000000 792", content: content)]))
        } catch {
            #expect(!error.message.isEmpty)
        }
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    /// An empty first page gives no line: the transcript must still number its lines as the reader does, so that
    /// the proof puts each printed position on its own line and the heading keeps its type's rank.
    @Test("after an empty first page, the proof's positions and the heading's level stay right")
    func emptyFirstPage() throws {
        let chapter = HandMadePDF.line("Chapter One", x: 150, y: 560, size: "16")
        let pages = [HandMadePDF.Page(content: ""), HandMadePDF.Page(content: chapter + Self.prosePage()),
                     HandMadePDF.Page(content: HandMadePDF.line("Chapter Two", x: 150, y: 560, size: "16") + Self.prosePage())]
        let result = try Converter().convert(Self.source(pages), formats: [.proof])
        let proof = String(decoding: try #require(result.outputs.first?.bytes), as: UTF8.self)
        if let directory = ProcessInfo.processInfo.environment["BINDERY_PDF_TESTS_OUT"] {
            try? Data(proof.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("emptyfirst.proof.html"))
        }
        #expect(proof.contains("Chapter One    ⟨p. 2, x 150, "), "the heading's line carries another line's position")
        #expect(proof.contains("\(Self.prose[0])    ⟨p. 2, x 50, "))
        #expect(proof.contains("\(Self.prose[11])    ⟨p. 3, x 50, "))
        let headings = result.document.blocks.compactMap { if case .heading(let heading) = $0 { heading.inlines.plainText } else { nil } }
        #expect(headings.contains("Chapter Two"), "\(headings)")
    }
}
