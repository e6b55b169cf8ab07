import BinderyConversion
import BinderyWriters
import Testing

/// The one naming rule, and the one content hash, that the CLI and the daemon share.
@Suite struct SourceNamingTests {
    @Test(arguments: [
        ("book.txt", "book"), ("dir/book.txt", "dir/book"), ("a.b.txt", "a.b"), ("README", "README"),
        (".profile", ".profile"), ("dir.d/README", "dir.d/README"), ("book.", "book."), ("/abs/x.md", "/abs/x"),
    ])
    func stems(path: String, stem: String) {
        #expect(SourceNaming.stem(of: path) == stem)
    }

    @Test func sidecarsAndOutputsShareTheStem() {
        #expect(SourceNaming.sidecar(of: "sub/book.txt") == "sub/book.meta.yaml")
        #expect(SourceNaming.output(of: "sub/book.txt", format: .epub) == "sub/book.epub")
        #expect(SourceNaming.output(of: "book.txt", format: .tei) == "book.tei.xml")
        #expect(SourceNaming.output(of: "book.txt", format: .text) == "book.bag.zip")
        #expect(SourceNaming.output(of: "book.txt", format: .proof) == "book.proof.html")
    }

    @Test func digestHexAndIdentifier() {
        let empty = ContentDigest([])
        #expect(empty.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(empty.identifier == "urn:uuid:e3b0c442-98fc-8c14-9afb-f4c8996fb924")
        #expect(Converter.sha256([]) == empty.hex && Converter.identifier(for: []) == empty.identifier)
    }
}
