import BinderyArchive
import BinderyConversion
import BinderyModel
import BinderyTestSupport
import Foundation
import Testing

/// Pictures printed in a PDF: each simple one becomes a figure where it stands between the paragraphs, its image in
/// the EPUB, the TEI and the bag; a picture too small to be more than an ornament, or printed alike on every page (a logo),
/// is no figure; nothing of the text moves.
@Suite("PDF input: pictures kept as figures", .serialized)
struct PDFFigureTests {
    static let words = "the keeper walked along the shore at dawn and counted the boats that had come in".split(separator: " ").map(String.init)

    /// Page 1: a title, a paragraph, a picture, a paragraph. Page 2: a paragraph, a tiny picture, a paragraph, then one that
    /// goes on to page 3 with a picture at page 2's foot below it. Page 3: a picture at its head, above the paragraph's end.
    static func book() -> [UInt8] {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        let face = TypeFace(size: 11), step = 11 * 1.3
        let left = 50.0, right = 370.0
        var baseline = 70.0, word = 0
        /// `goesOn`: the last line is full and ends no sentence; `continued`: the first line goes on from the page before.
        func paragraph(_ lines: Int, goesOn: Bool = false, continued: Bool = false) {
            for line in 0..<lines {
                var text = ""
                while true {
                    let next = Self.words[word % Self.words.count]
                    let opens = text.isEmpty && !(continued && line == 0)
                    let candidate = text.isEmpty ? (opens ? next.prefix(1).uppercased() + next.dropFirst() : next) : text + " " + next
                    if left + 20 + canvas.advance(candidate, in: face) > right { break }
                    text = candidate
                    word += 1
                }
                let indent = line == 0 && !continued ? 16.0 : 0
                canvas.text(text + (!goesOn && line == lines - 1 ? "." : ""), x: left + indent, baseline: baseline, in: face)
                baseline += step
            }
        }
        // The same small logo in each page's top corner: the pages', no figure.
        func logo() { canvas.picture(x: 360, y: 20, size: 30, pixels: 16) }
        logo()
        canvas.text("The Harbour", x: 160, baseline: baseline, in: TypeFace(size: 18, bold: true))
        baseline += step * 3
        paragraph(4)
        canvas.picture(x: 150, y: baseline, size: 120)
        baseline += 120 + step * 1.5
        paragraph(3)
        canvas.endPage()
        logo()
        baseline = 70
        paragraph(3)
        canvas.picture(x: 200, y: baseline - 4, size: 8)
        baseline += step
        paragraph(5)
        paragraph(12, goesOn: true)
        canvas.picture(x: 150, y: baseline, size: 60, pixels: 32)
        canvas.endPage()
        logo()
        canvas.picture(x: 150, y: 40, size: 60, pixels: 48)
        baseline = 130
        paragraph(2, continued: true)
        paragraph(2)
        canvas.endPage()
        return canvas.finish(showingOpenPage: false)
    }

    static let source = Converter.Source(bytes: book(), fileName: "harbour.pdf", modified: Date(timeIntervalSince1970: 0))

    @Test("a picture is a figure between its paragraphs, with its pixels as PNG")
    func figuresInPlace() throws {
        let document = try Converter().read(Self.source)
        let kinds = document.blocks.compactMap { block -> String? in
            switch block {
            case .paragraph: "p"
            case .figure(let figure): "figure:\(figure.image)"
            case .heading: "h"
            default: nil
            }
        }
        // Page 2's last paragraph goes on over the page's end: its picture below stands before it, page 3's above its end after it.
        #expect(kinds == ["h", "p", "figure:figure-1.png", "p", "p", "p", "figure:figure-2.png", "p", "figure:figure-3.png", "p"], "\(kinds)")
        #expect(document.images.map(\.name) == ["figure-1.png", "figure-2.png", "figure-3.png"])
        #expect(document.images.map(\.width) == [64, 32, 48] && document.images.map(\.height) == [64, 32, 48])
        for image in document.images { #expect(image.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG") }
        #expect(document.paragraphs.count == 6)
        #expect(!document.paragraphs.contains { $0.plainText.contains("Illustration") })
        let figures = document.blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
        #expect(figures.map(\.description) == ["Picture 1 of the source, printed on p. 1", "Picture 2 of the source, printed on p. 2",
                                                 "Picture 3 of the source, printed on p. 3"])
    }

    @Test("different pictures at the head of every page are figures, never taken for running heads")
    func picturesOpeningPages() throws {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        let face = TypeFace(size: 11)
        for page in 0..<4 {
            canvas.picture(x: 110, y: 40, size: 200, pixels: Int32(40 + page))
            for line in 0..<12 {
                let text = line == 11 ? "and so the boats came home at last." : "the keeper walked along the shore at dawn and counted them"
                canvas.text(line == 0 ? "The" + text.dropFirst(3) : text, x: 50 + (line == 0 ? 16 : 0), baseline: 270 + Double(line) * 14.3, in: face)
            }
            canvas.endPage()
        }
        let source = Converter.Source(bytes: canvas.finish(showingOpenPage: false), fileName: "pictures.pdf", modified: Date(timeIntervalSince1970: 0))
        let document = try Converter().read(source)
        let figures = document.blocks.compactMap { if case .figure(let figure) = $0 { figure.image } else { nil } }
        #expect(figures == ["figure-1.png", "figure-2.png", "figure-3.png", "figure-4.png"], "\(figures)")
        #expect(document.images.map(\.width) == [40, 41, 42, 43])
        #expect(!document.diagnostics.contains { $0.code == "pdf.picture-not-placed" })
    }

    /// Justified lines of the harbour words on `canvas`, `count` of them from `baseline`, the first set in when it opens a
    /// paragraph, the last ending a sentence when it ends one.
    static func lines(_ canvas: PDFCanvas, count: Int, from baseline: Double, opens: Bool, ends: Bool, word: inout Int) {
        let face = TypeFace(size: 11)
        for line in 0..<count {
            var text = ""
            while true {
                let next = Self.words[word % Self.words.count]
                let candidate = text.isEmpty ? (opens && line == 0 ? next.prefix(1).uppercased() + next.dropFirst() : next) : text + " " + next
                if 70 + canvas.advance(candidate, in: face) > 370 { break }
                text = candidate
                word += 1
            }
            canvas.text(text + (ends && line == count - 1 ? "." : ""), x: 50 + (opens && line == 0 ? 16 : 0), baseline: baseline + Double(line) * 14.3, in: face)
        }
    }

    @Test("a picture on a page that one paragraph runs over, from the page before to the page after, follows the paragraph")
    func pictureInAParagraphOverThreePages() throws {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        var word = 0
        Self.lines(canvas, count: 30, from: 70, opens: true, ends: false, word: &word)
        canvas.endPage()
        canvas.picture(x: 150, y: 40, size: 100)
        Self.lines(canvas, count: 24, from: 170, opens: false, ends: false, word: &word)
        canvas.endPage()
        Self.lines(canvas, count: 3, from: 70, opens: false, ends: true, word: &word)
        Self.lines(canvas, count: 3, from: 130, opens: true, ends: true, word: &word)
        canvas.endPage()
        let source = Converter.Source(bytes: canvas.finish(showingOpenPage: false), fileName: "long.pdf", modified: Date(timeIntervalSince1970: 0))
        let document = try Converter().read(source)
        let kinds = document.blocks.compactMap { block -> String? in
            switch block {
            case .paragraph: "p"
            case .figure: "figure"
            default: nil
            }
        }
        #expect(kinds == ["p", "figure", "p"], "\(kinds)")
    }

    /// `Fixtures/plates.pdf` (from an independent review): eight pages of three lines and four pictures each. The place-holders
    /// once counted as text lines, the layout was read as double-spaced, and every picture was lost.
    @Test("pages of three lines and four pictures keep all 32, whatever the place-holders do to the layout's measures")
    func plates() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/plates.pdf")
        let document = try Converter().read(Converter.Source(bytes: [UInt8](try Data(contentsOf: path)), fileName: "plates.pdf",
                                                             modified: Date(timeIntervalSince1970: 0)))
        #expect(document.images.count == 32, "\(document.diagnostics.map(\.message))")
        #expect(!document.diagnostics.contains { $0.code == "pdf.picture-not-placed" })
    }

    @Test("pictures past a page's limit are left out with a warning, not silently")
    func picturesPastTheLimit() throws {
        let canvas = PDFCanvas(width: 419.53, height: 595.28)
        var word = 0
        Self.lines(canvas, count: 3, from: 50, opens: true, ends: true, word: &word)
        for index in 0..<25 { canvas.picture(x: 40 + Double(index % 5) * 70, y: 110 + Double(index / 5) * 90, size: 60, pixels: Int32(16 + index)) }
        canvas.endPage()
        let source = Converter.Source(bytes: canvas.finish(showingOpenPage: false), fileName: "crowded.pdf", modified: Date(timeIntervalSince1970: 0))
        let document = try Converter().read(source)
        #expect(document.images.count == 20)
        let warning = try #require(document.diagnostics.first { $0.code == "pdf.picture-skipped" })
        #expect(warning.severity == .warning && warning.message.hasPrefix("5 picture(s)"), "\(warning.message)")
    }

    @Test("the figures' images are in the EPUB, the TEI and the bag, and the validators accept them")
    func figuresInEveryOutput() throws {
        let result = try Converter().convert(Self.source, formats: [.epub, .tei, .text])
        let epub = try ZipArchiveReader(try #require(result.outputs.first { $0.format == .epub }).bytes)
        func text(_ path: String) -> String? { epub[path].map { String(decoding: $0.bytes, as: UTF8.self) } }
        #expect(epub["EPUB/images/figures/figure-1.png"] != nil && epub["EPUB/images/figures/figure-2.png"]?.isStored == true)
        let opf = try #require(text("EPUB/content.opf"))
        #expect(opf.contains("href=\"images/figures/figure-1.png\" media-type=\"image/png\""))
        #expect(opf.contains(">visual</meta>"))
        let chapters = epub.entries.map(\.path).filter { $0.hasPrefix("EPUB/text/") }.compactMap(text).joined()
        #expect(chapters.contains("<img src=\"../images/figures/figure-1.png\" alt=\"Picture 1 of the source, printed on p. 1\""))
        let tei = String(decoding: try #require(result.outputs.first { $0.format == .tei }).bytes, as: UTF8.self)
        #expect(tei.components(separatedBy: "<binaryObject mimeType=\"image/png\"").count == 4)
        let bag = try ZipArchiveReader(try #require(result.outputs.first { $0.format == .text }).bytes)
        #expect(bag["harbour/data/images/figure-1.png"] != nil)
        let problems = try Validators.problems(result.outputs.map { ($0.format.fileSuffix, $0.bytes) }, stem: "harbour", bag: true)
        #expect(problems.isEmpty, "\(problems)")
    }
}
