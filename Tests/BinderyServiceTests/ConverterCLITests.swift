import BinderyTestSupport
import Foundation
import Testing

/// `bindery convert` and `bindery inspect` as a user runs them: the built binary, real files.
@Suite("CLI: convert and inspect")
struct ConverterCLITests {
    private func bindery(_ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let binary = BuiltBinary.url else {
            Issue.record("the bindery binary was not built (swift build first)")
            return nil
        }
        return try Validators.run(binary, arguments)
    }

    @Test("--data-dir: its templates/ styles the book; a data directory without templates leaves the bundled ones")
    func dataDirectory() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("doc.txt")
        try "A Title\n\nSome text.\n".write(to: file, atomically: true, encoding: .utf8)
        let styles = directory.appendingPathComponent("data/templates/epub")
        try FileManager.default.createDirectory(at: styles, withIntermediateDirectories: true)
        try "/* the user's own */ p { text-indent: 0; }".write(to: styles.appendingPathComponent("bindery.css"), atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        guard let result = try bindery(["convert", file.path, "--out", out.path, "--to", "epub", "--data-dir", directory.appendingPathComponent("data").path]) else { return }
        #expect(result.status == 0, "\(result.output)")
        let unpacked = directory.appendingPathComponent("unpacked")
        try Validators.unzip(out.appendingPathComponent("doc.epub"), into: unpacked)
        #expect(try String(contentsOf: unpacked.appendingPathComponent("EPUB/css/bindery.css"), encoding: .utf8).hasPrefix("/* the user's own */"))
    }

    @Test("converts the good files, names the bad one, exits 1")
    func partialFailure() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.txt"), bad = directory.appendingPathComponent("bad.txt")
        try "A Title\n\nSome text.\n".write(to: good, atomically: true, encoding: .utf8)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]).write(to: bad)
        let out = directory.appendingPathComponent("out")
        guard let result = try bindery(["convert", bad.path, good.path, directory.appendingPathComponent("missing.txt").path, "--out", out.path]) else { return }
        #expect(result.status == 1)
        #expect(result.output.contains("bindery: \(bad.path): this is a PNG image, not plain text"))
        #expect(result.output.contains("missing.txt: cannot read"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["good.bag.zip", "good.epub", "good.tei.xml"])
    }

    @Test("each warning is printed with its file and line, and a broken sidecar with its name, even with --quiet")
    func diagnostics() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("doc.txt")
        // A NUL byte on line 3 (removed, with a warning) and a sidecar that is not YAML.
        try Data("Title\n\nSome\u{0}text.\n".utf8).write(to: file)
        try "structure: [unclosed".write(to: directory.appendingPathComponent("doc.meta.yaml"), atomically: true, encoding: .utf8)
        guard let result = try bindery(["convert", file.path, "--out", directory.appendingPathComponent("out").path, "--quiet"]) else { return }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(file.path): warning: 1 control characters (NUL and others) were removed [decode.controls]"), "\(result.output)")
        #expect(result.output.contains("error: doc.meta.yaml: "), "\(result.output)")
        #expect(result.output.contains("[sidecar.invalid]"), "\(result.output)")
    }

    @Test("--to limits the formats; an unknown format is a usage error")
    func formats() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("doc.txt")
        try "Title\n\nText.\n".write(to: file, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        guard let ok = try bindery(["convert", file.path, "--out", out.path, "--to", "tei,epub", "--quiet"]) else { return }
        #expect(ok.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["doc.epub", "doc.tei.xml"])
        guard let wrong = try bindery(["convert", file.path, "--out", out.path, "--to", "pdf"]) else { return }
        #expect(wrong.status != 0)
        #expect(wrong.output.contains("unknown format 'pdf'"))
    }

    @Test("an existing output is replaced whole, never left half-written")
    func replaces() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("doc.txt")
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "old".write(to: out.appendingPathComponent("doc.tei.xml"), atomically: true, encoding: .utf8)
        try "Title\n\nText.\n".write(to: file, atomically: true, encoding: .utf8)
        guard let result = try bindery(["convert", file.path, "--out", out.path, "--to", "tei", "-q"]) else { return }
        #expect(result.status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("doc.tei.xml"), encoding: .utf8).hasPrefix("<?xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["doc.tei.xml"])
    }

    @Test("inspect prints the outline and counts; --json gives the same for tools")
    func inspect() throws {
        let sample = PackagePaths.sampleCorpus.appendingPathComponent("workshop.txt")
        guard let text = try bindery(["inspect", sample.path]) else { return }
        #expect(text.status == 0)
        #expect(text.output.contains("Title: "))
        #expect(text.output.contains("Outline:"))
        #expect(text.output.contains("Diagnostics:"))
        guard let json = try bindery(["inspect", sample.path, "--json"]) else { return }
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(object?["outline"] is [Any])
        #expect((object?["counts"] as? [String: Any])?["paragraphs"] as? Int ?? 0 > 0)
    }
}
