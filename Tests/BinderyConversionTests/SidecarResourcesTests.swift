import BinderyArchive
import BinderyConversion
import BinderyModel
import BinderyTestSupport
import BinderyWriters
import Foundation
import Testing

/// pandoc's `cover-image` and `css` in the sidecar: files beside the source become the e-book's cover (and the bag's)
/// and its style sheet; a path out of the folder, a missing file, a file of another kind or a style sheet reaching for
/// other files is a warning, and the book keeps its generated cover and its own styles.
@Suite("cover image and style sheets from the sidecar")
struct SidecarResourcesTests {
    private let text = Array("A Small Book\n\n\nChapter 1\n\nThe first paragraph.\n\n\nChapter 2\n\nThe second paragraph.\n".utf8)

    /// A real PNG of `width` × `height` pixels of one colour.
    static func png(width: Int, height: Int, red: UInt8) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + body + bigEndian(Self.crc32(body))
        }
        let row = [UInt8(0)] + Array(repeating: [red, 80, 40], count: width).joined()
        let raw = Array(Array(repeating: row, count: height).joined())
        // A stored (uncompressed) deflate block inside a zlib stream, so the image needs no compressor here.
        var zlib: [UInt8] = [0x78, 0x01, 0x01] + littleEndian16(UInt16(raw.count)) + littleEndian16(~UInt16(raw.count)) + raw
        zlib += bigEndian(adler32(raw))
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0])
            + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    private static func littleEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return b << 16 | a
    }
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    private func convert(_ sidecar: String, files: [String: [UInt8]]) throws -> Converter.Result {
        try Converter().convert(Converter.Source(bytes: text, fileName: "small.txt", modified: Date(timeIntervalSince1970: 1_700_000_000),
                                                 sidecar: Array(sidecar.utf8), resources: files))
    }

    @Test("a pandoc user's cover image and style sheet: the EPUB's cover, the bag's cover, the style sheet after Bindery's")
    func coverAndStyleSheet() throws {
        let cover = Self.png(width: 6, height: 9, red: 200)
        let css = "p { text-indent: 2em; }\n"
        let result = try convert("title: My Book\ncover-image: images/cover.png\ncss: book.css\n", files: ["images/cover.png": cover, "book.css": Array(css.utf8)])
        #expect(!result.document.diagnostics.contains { $0.code.hasPrefix("sidecar.") }, "\(result.document.diagnostics)")
        let epub = try ZipArchiveReader(try #require(result.outputs.first { $0.format == .epub }).bytes)
        #expect(try #require(epub["EPUB/images/cover.png"]).bytes == cover)
        #expect(epub["EPUB/images/cover.svg"] == nil)
        let opf = String(decoding: try #require(epub["EPUB/content.opf"]).bytes, as: UTF8.self)
        #expect(opf.contains("<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>"))
        let page = String(decoding: try #require(epub["EPUB/text/cover.xhtml"]).bytes, as: UTF8.self)
        #expect(page.contains("src=\"../images/cover.png\""))
        let styles = String(decoding: try #require(epub["EPUB/css/bindery.css"]).bytes, as: UTF8.self)
        #expect(styles.hasPrefix(TemplateSet.bundled.text("epub/bindery.css")) && styles.hasSuffix(css))
        let bag = try ZipArchiveReader(try #require(result.outputs.first { $0.format == .text }).bytes)
        #expect(try #require(bag["small/data/cover.png"]).bytes == cover)
        try validateOutputs(result, bag: true)
    }

    @Test("a file the sidecar cannot have, or that will not do, is a warning; the generated cover and Bindery's styles stay", arguments: [
        ("cover-image: ../outside.png", [String: [UInt8]](), "sidecar.invalid", "must name a file in the source's folder"),
        ("cover-image: /etc/passwd", [:], "sidecar.invalid", "must name a file in the source's folder"),
        ("cover-image: missing.png", [:], "sidecar.resource", "cannot be read beside the source"),
        ("cover-image: notes.txt", ["notes.txt": Array("not an image".utf8)], "sidecar.resource", "is not a JPEG, PNG, GIF or WebP image"),
        ("cover-image: cover.svg", ["cover.svg": Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".utf8)], "sidecar.resource",
         "an SVG may hold scripts or links"),
        ("css: [missing.css]", [:], "sidecar.resource", "cannot be read beside the source"),
        ("css: remote.css", ["remote.css": Array("@import url(other.css);\n".utf8)], "sidecar.resource", "refers to other files"),
        ("css: escaped.css", ["escaped.css": Array("p { background: u\\72l(x.png) }\n".utf8)], "sidecar.resource", "backslash escape"),
        ("css: set.css", ["set.css": Array("p { background-image: image-set(\"x.png\" 1x) }\n".utf8)], "sidecar.resource", "refers to other files"),
        ("css: open.css", ["open.css": Array("p { margin: 0;\n".utf8)], "sidecar.resource", "leaves a brace open"),
        ("css: comment.css", ["comment.css": Array("p { margin: 0 } /* and then\n".utf8)], "sidecar.resource", "comment that never ends"),
        ("css: markup.css", ["markup.css": Array("</style><p>".utf8)], "sidecar.resource", "holds markup"),
        ("css: rtl.css", ["rtl.css": Array("p { direction: rtl }\n".utf8)], "sidecar.resource", "sets direction"),
        ("css: latin1.css", ["latin1.css": [0x70, 0x20, 0x7B, 0xE9, 0x7D]], "sidecar.resource", "is not UTF-8 text"),
        ("css: [a.css, b.css, c.css, d.css, e.css, f.css, g.css, h.css, i.css]", [:], "sidecar.invalid", "9 style sheets; 8 at most"),
    ])
    func refused(yaml: String, files: [String: [UInt8]], code: String, message: String) throws {
        let result = try convert("title: Kept\n" + yaml + "\n", files: files)
        let warnings = result.document.diagnostics.filter { $0.code == code }
        #expect(warnings.count == 1 && warnings.allSatisfy { $0.severity == .warning && $0.message.contains(message) }, "\(warnings)")
        #expect(result.document.metadata.title == "Kept")
        let epub = try ZipArchiveReader(try #require(result.outputs.first { $0.format == .epub }).bytes)
        #expect(epub["EPUB/images/cover.svg"] != nil)
        #expect(String(decoding: try #require(epub["EPUB/css/bindery.css"]).bytes, as: UTF8.self) == TemplateSet.bundled.text("epub/bindery.css"))
    }

    @Test("the cover's type is read from its bytes", arguments: [
        ([0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"), (Array("GIF89a..".utf8), "image/gif"), (Array("RIFF\0\0\0\0WEBPVP8 ".utf8), "image/webp"),
        (Array("<?xml version=\"1.0\"?>\n<!-- a cover -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), nil),
        (Array("<html><svg/></html>".utf8), nil), (Array("RIFF\0\0\0\0WAVE".utf8), nil), ([0x89, 0x50, 0x4E], nil),
    ] as [([UInt8], String?)])
    func sniffed(bytes: [UInt8], mediaType: String?) {
        #expect(BookResources.Image(sniffing: bytes)?.mediaType == mediaType)
    }

    /// Strings and comments are no rules: a `url(` or `@import` inside them, and braces, are left alone.
    @Test("a style sheet with strings and comments that look like rules is taken")
    func styleSheetWithStrings() throws {
        let css = "/* url(x.png) { */\nblockquote::before { content: \"@import url(\\\"x\\\") }\"; }\n"
        let result = try convert("css: quotes.css\n", files: ["quotes.css": Array(css.utf8)])
        #expect(!result.document.diagnostics.contains { $0.code.hasPrefix("sidecar.") }, "\(result.document.diagnostics)")
        let epub = try ZipArchiveReader(try #require(result.outputs.first { $0.format == .epub }).bytes)
        #expect(String(decoding: try #require(epub["EPUB/css/bindery.css"]).bytes, as: UTF8.self).hasSuffix(css))
        try validateOutputs(result)
    }

    /// The CLI reads the named files from the source's folder without following a link on the way: a folder that is
    /// a link out of it, or a file that is one, is not read.
    @Test("the CLI follows no link to a named file, folder or file")
    func loaderFollowsNoLinks() throws {
        let root = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("book"), secret = root.appendingPathComponent("secret")
        try FileManager.default.createDirectory(at: book.appendingPathComponent("style"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: secret, withIntermediateDirectories: true)
        try Data("p { color: red }\n".utf8).write(to: secret.appendingPathComponent("notes.css"))
        try Data("p { color: blue }\n".utf8).write(to: book.appendingPathComponent("style/own.css"))
        try FileManager.default.createSymbolicLink(at: book.appendingPathComponent("link"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: book.appendingPathComponent("style/linked.css"), withDestinationURL: secret.appendingPathComponent("notes.css"))
        try Data(text).write(to: book.appendingPathComponent("small.txt"))
        try Data("css: [link/notes.css, style/linked.css, style/own.css]\n".utf8).write(to: book.appendingPathComponent("small.meta.yaml"))
        let source = try SourceLoader(sourceDateEpoch: nil).load(book.appendingPathComponent("small.txt"))
        #expect(Array(source.resources.keys) == ["style/own.css"], "\(source.resources.keys)")
    }

    @Test("the paths a sidecar names, cover first; none from a sidecar that cannot be read")
    func paths() {
        #expect(SidecarResources.paths(in: Array("css: [a.css, b/c.css]\ncover-image: c.jpg\n".utf8)) == ["c.jpg", "a.css", "b/c.css"])
        #expect(SidecarResources.paths(in: Array("cover-image: [unclosed\n".utf8)).isEmpty)
        #expect(SidecarResources.paths(in: nil).isEmpty)
    }
}
