import BinderyProtocol
import Foundation
import Testing
@testable import BinderyService

@Suite struct CorpusLayoutTests {
    @Test(arguments: [
        ("a.txt", "a.txt"), ("dir/b.txt", "dir/b.txt"), ("dir/b.meta.yaml", "dir/b.txt"),
        (".a.txt", nil), ("a.txt~", nil), ("a.txt.swp", nil), (".a.txt.swp", nil), ("#a.txt#", nil),
        ("4913", nil), ("a.epub", nil), (".txt", nil), ("dir/.hidden.meta.yaml", nil), ("a.txt.tmp", nil),
    ] as [(String, String?)])
    func sourcesSidecarsAndIgnoredFiles(path: String, source: String?) {
        #expect(CorpusLayout.source(for: path) == source)
    }

    @Test func outputAndStateDirectoriesAreNeverEntered() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for file in ["a.txt", "sub/b.txt", "sub/b.meta.yaml", "out/c.txt", "state/d.txt", ".git/e.txt", "sub/.f.txt", "sub/deeper/g.txt"] {
            try directory.write("x", to: file)
        }
        let layout = CorpusLayout(root: directory.url, excluding: [directory.path("out"), directory.path("state")])
        #expect(Set(layout.scan().keys) == ["a.txt", "sub/b.txt", "sub/b.meta.yaml", "sub/deeper/g.txt"])
        #expect(Set(layout.directories()) == ["", "sub", "sub/deeper"])
        #expect(Publisher.outputPath(of: "sub/b.txt", format: .tei) == "sub/b.tei.xml")
        #expect(Publisher.outputPath(of: "a.txt", format: .text) == "a.bag.zip")
        #expect(Publisher.outputPath(of: "a.txt", format: .epub) == "a.epub")
    }

    /// #22: a PDF is a source beside plain text; a change to any file of a stem re-queues every source of it.
    @Test(arguments: [
        ("b.pdf", ["b.pdf", "b.txt"]), ("dir/b.txt", ["dir/b.txt", "dir/b.pdf"]), ("dir/b.meta.yaml", ["dir/b.txt", "dir/b.pdf"]),
        ("a.b.pdf", ["a.b.pdf", "a.b.txt"]), (".b.pdf", []), (".pdf", []), ("b.pdf~", []), ("b.pdf.part", []), ("b.PDF", []), ("b.epub", []),
    ] as [(String, [String])])
    func everySourceOfAStem(path: String, sources: [String]) {
        #expect(CorpusLayout.sources(for: path) == sources)
        #expect(CorpusLayout.isSource(path) == (sources.first == path))
    }

    @Test func aScanListsPDFSources() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for file in ["a.txt", "b.pdf", "b.meta.yaml", "sub/c.pdf", "d.pdf.crdownload", "out/e.pdf"] { try directory.write("x", to: file) }
        let layout = CorpusLayout(root: directory.url, excluding: [directory.path("out")])
        #expect(Set(layout.scan().keys) == ["a.txt", "b.pdf", "b.meta.yaml", "sub/c.pdf"])
    }

    @Test func theControlSocketTakesPDFPaths() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("x", to: "sub/book.pdf")
        let resolver = CorpusPathResolver(corpus: directory.url.path)
        #expect(try resolver.relativeSource("sub/book.pdf") == "sub/book.pdf")
        #expect(try resolver.relativeSource(directory.path("sub/book.pdf").path) == "sub/book.pdf")
        #expect(throws: ControlError.self) { try resolver.relativeSource("sub/book.epub") }
        do {
            _ = try resolver.relativeSource("sub/.book.pdf")
            Issue.record("a hidden PDF was taken")
        } catch {
            #expect(error.code == -32003 && error.message.contains("*.txt or *.pdf"), "\(error.message)")
        }
    }
}
