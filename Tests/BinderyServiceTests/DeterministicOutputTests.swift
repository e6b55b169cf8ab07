import BinderyTestSupport
import Foundation
import Testing

/// One input gives the same bytes in every process: nothing a Dictionary or Set iterates reaches an output.
@Suite("Deterministic output")
struct DeterministicOutputTests {
    @Test("the concatenated corpus converts to the same four outputs in three runs")
    func sameBytesEveryRun() throws {
        let corpus = PackagePaths.corpusFiles()
        guard let binary = BuiltBinary.url, !corpus.isEmpty else {
            if PackagePaths.isCI { Issue.record("needs the built binary and ../shared/corpus") }
            return
        }
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("corpus.txt")
        try Data(corpus.map { try Data(contentsOf: $0) }.joined()).write(to: source)
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1700000000"
        // Each process hashes with its own seed, so a Dictionary's order differs between runs.
        var runs: [[String: Data]] = []
        for run in 0..<3 {
            let out = directory.appendingPathComponent("out\(run)")
            let result = try Validators.run(binary, ["convert", source.path, "--out", out.path, "--to", "epub,tei,text,proof", "--quiet"],
                                            environment: environment)
            #expect(result.status == 0, "\(result.output)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(names == ["corpus.bag.zip", "corpus.epub", "corpus.proof.html", "corpus.tei.xml"])
            runs.append(try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: out.appendingPathComponent($0))) }))
        }
        for name in runs[0].keys.sorted() {
            #expect(runs[1][name] == runs[0][name], "\(name) differs between the first and second run")
            #expect(runs[2][name] == runs[0][name], "\(name) differs between the first and third run")
        }
    }

    @Test("the daemon publishes the same bytes as convert for the same source and sidecar")
    func daemonMatchesConvert() async throws {
        let corpus = PackagePaths.corpusFiles()
        guard let binary = BuiltBinary.url, !corpus.isEmpty else {
            if PackagePaths.isCI { Issue.record("needs the built binary and ../shared/corpus") }
            return
        }
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        let text = String(decoding: Data(try corpus.map { try Data(contentsOf: $0) }.joined()), as: UTF8.self)
        try daemon.write(text, to: "sub/corpus.txt")
        try daemon.write("title: Joined\nauthor: &a Jane Doe\ncontributor: [*a]\nstructure:\n  not-headings:\n    - {text: \"Nothing\"}\n",
                         to: "sub/corpus.meta.yaml")
        try daemon.start()
        #expect(await eventually(timeout: 120) { daemon.store()?.published("sub/corpus.txt") == 1 }, "\(daemon.log)")
        let out = daemon.directory.path("converted")
        let result = try Validators.run(binary, ["convert", daemon.corpus.appendingPathComponent("sub/corpus.txt").path, "--out", out.path,
                                                 "--to", "epub,tei,text,proof", "--quiet"])
        #expect(result.status == 0, "\(result.output)")
        for name in ["corpus.bag.zip", "corpus.epub", "corpus.proof.html", "corpus.tei.xml"] {
            let published = try Data(contentsOf: daemon.out.appendingPathComponent("sub/" + name))
            #expect(published == (try Data(contentsOf: out.appendingPathComponent(name))), "\(name) differs between the daemon and convert")
        }
        #expect(daemon.stop() == 0)
    }
}
