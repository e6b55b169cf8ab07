import BinderyConversion
import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService

/// `SOURCE_DATE_EPOCH` stamps the daemon's outputs as it stamps `bindery convert`'s: one `SourceLoader`.
@Suite("SOURCE_DATE_EPOCH: daemon and convert")
struct SourceDateEpochTests {
    private let environment = ["SOURCE_DATE_EPOCH": "1700000000"]
    /// The source's mtime, far from the epoch above, so that a job stamping the mtime shows.
    private let mtime = Date(timeIntervalSince1970: 1_000_000_000)

    @Test("a pipeline job and the convert path give the same EPUB and TEI bytes")
    func pipelineMatchesConvert() throws {
        let parsed = try ConfigurationLoader.parse("", file: nil, environment: environment)
        #expect(parsed.sourceDateEpoch == Date(timeIntervalSince1970: 1_700_000_000))
        let fixture = try PipelineFixture { $0.sourceDateEpoch = parsed.sourceDateEpoch }
        defer { fixture.directory.remove() }
        try fixture.directory.write(PipelineFixture.shortBook, to: "corpus/book.txt")
        let source = fixture.directory.path("corpus/book.txt")
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: source.path)
        #expect(fixture.run("book.txt") == .done)

        // What `bindery convert` does with the same file and environment.
        let converted = try Converter().convert(try SourceLoader(environment: environment).load(source), formats: [.epub, .tei])
        for output in converted.outputs {
            let name = SourceNaming.output(of: "book.txt", format: output.format)
            let published = try Data(contentsOf: fixture.directory.path("out/" + name))
            #expect(published == Data(output.bytes), "\(name) differs between the daemon's job and convert")
        }
        let tei = String(decoding: try Data(contentsOf: fixture.directory.path("out/book.tei.xml")), as: UTF8.self)
        #expect(tei.contains("2023-11-14"), "the TEI records SOURCE_DATE_EPOCH, not the mtime")
    }

    @Test("a running daemon and the bindery binary, both with SOURCE_DATE_EPOCH, publish the same bytes")
    func daemonMatchesConvert() async throws {
        guard let binary = BuiltBinary.url else {
            if PackagePaths.isCI { Issue.record("needs the built binary") }
            return
        }
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        try daemon.write(PipelineFixture.shortBook, to: "book.txt")
        let source = daemon.corpus.appendingPathComponent("book.txt")
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: source.path)
        try daemon.start(environment: environment)
        #expect(await eventually(timeout: 60) { daemon.store()?.published("book.txt") == 1 }, "\(daemon.log)")
        let out = daemon.directory.path("converted")
        var cliEnvironment = ProcessInfo.processInfo.environment
        cliEnvironment.merge(environment) { $1 }
        let result = try Validators.run(binary, ["convert", source.path, "--out", out.path, "--to", "epub,tei", "--quiet"], environment: cliEnvironment)
        #expect(result.status == 0, "\(result.output)")
        for name in ["book.epub", "book.tei.xml"] {
            let published = try Data(contentsOf: daemon.out.appendingPathComponent(name))
            #expect(published == (try Data(contentsOf: out.appendingPathComponent(name))), "\(name) differs between the daemon and convert")
        }
        #expect(daemon.stop() == 0)
    }
}
