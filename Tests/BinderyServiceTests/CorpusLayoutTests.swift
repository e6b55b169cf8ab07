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
}
