import BinderyConversion
import BinderyProtocol
import Foundation
import Logging
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

/// The job itself, in process: skip by key, supersession, size limit, publish retries.
@Suite struct PipelineTests {
    private let text = PipelineFixture.shortBook

    @Test func publishesOnceAndSkipsAnUnchangedKey() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/a/book.txt")
        #expect(fixture.run("a/book.txt") == .done)
        #expect(fixture.outputs() == ["a", "a/book.bag.zip", "a/book.epub", "a/book.proof.html", "a/book.tei.xml"])
        #expect(try fixture.store.jobCount() == 1)
        #expect(fixture.run("a/book.txt") == .done)
        #expect(try fixture.store.jobCount() == 1)
        let tei = FileStamp(path: fixture.directory.path("out/a/book.tei.xml").path)
        try FileManager.default.removeItem(at: fixture.directory.path("out/a/book.epub"))
        #expect(fixture.run("a/book.txt") == .done)
        #expect(try fixture.store.jobCount() == 2)
        #expect(fixture.outputs().contains("a/book.epub"))
        #expect(FileStamp(path: fixture.directory.path("out/a/book.tei.xml").path) == tei, "identical outputs are not rewritten")
    }

    @Test func aBadSidecarIsPublishedByInferenceWithItsErrorInTheJobAndProof() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        try fixture.directory.write("structure:\n  headings:\n    - {line: 500, level: 1}\n", to: "corpus/book.meta.yaml")
        #expect(fixture.run("book.txt") == .done)
        let job = try #require(try fixture.store.jobs().first)
        #expect(job.outcome == .published)
        #expect(job.warnings?.contains("book.meta.yaml: line 3, key 'structure.headings[1].line': must be a whole number from 1 to 8") == true, "\(job.warnings ?? "none")")
        #expect(try JSONValue(encoding: job.summary)["warnings"] == .array([.string(job.warnings ?? "")]))
        let proof = try String(contentsOf: fixture.directory.path("out/book.proof.html"), encoding: .utf8)
        #expect(proof.contains("warning sidecar.invalid: book.meta.yaml: line 3"))

        try fixture.directory.write("structure:\n  headings:\n    - {line: 6, level: 2}\n", to: "corpus/book.meta.yaml")
        #expect(fixture.run("book.txt") == .done)
        #expect(try fixture.store.jobs().first?.warnings == nil)
        let tei = try String(contentsOf: fixture.directory.path("out/book.tei.xml"), encoding: .utf8)
        #expect(tei.contains("<head>Some prose in a first paragraph.</head>"))
        #expect(tei.contains("By the sidecar book.meta.yaml: 1 heading(s) forced (line 6)."))
    }

    @Test func supersededAndCancelledJobsPublishNothing() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        let superseded = JobToken()
        superseded.supersede()
        #expect(fixture.run("book.txt", token: superseded) == .done)
        let cancelled = JobToken()
        cancelled.cancel()
        #expect(fixture.run("book.txt", token: cancelled) == .done)
        #expect(fixture.outputs().isEmpty)
        let outcomes = try fixture.store.jobs().map(\.outcome)
        #expect(outcomes == [.cancelled, .superseded])
    }

    @Test func oversizedSourcesFailAndPublishFailuresAreRetried() throws {
        let fixture = try PipelineFixture { $0.queue.maxSourceBytes = 200; $0.queue.retryAttempts = 2; $0.queue.retryDelayMilliseconds = 10 }
        defer { fixture.directory.remove() }
        try fixture.directory.write(String(repeating: "long line of text\n", count: 20), to: "corpus/big.txt")
        #expect(fixture.run("big.txt") == .done)
        #expect(try fixture.store.document("big.txt")?.state == .failed)
        #expect(try fixture.store.jobs().first?.error?.contains("job.too-large") == true)

        try fixture.directory.write(text, to: "corpus/blocked.txt")
        try FileManager.default.createDirectory(at: fixture.directory.path("out/blocked.epub"), withIntermediateDirectories: true)
        #expect(fixture.run("blocked.txt", attempt: 1) == .retry(after: 0.01))
        #expect(fixture.run("blocked.txt", attempt: 2) == .done)
        #expect(try fixture.store.document("blocked.txt")?.state == .failed)
        #expect(try fixture.store.jobs().first?.error?.contains("job.publish") == true)
    }

    @Test func aJobOverItsTimeLimitPublishesNothing() throws {
        let fixture = try PipelineFixture { $0.queue.jobTimeoutSeconds = 0.000_001 }
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/slow.txt")
        #expect(fixture.run("slow.txt") == .done)
        #expect(fixture.outputs().isEmpty)
        let job = try #require(try fixture.store.jobs().first)
        #expect(job.outcome == .timedOut)
        #expect(job.error?.contains("its conversion was stopped") == true, "the reader stops at its next stage: \(job.error ?? "")")
        #expect(try fixture.store.document("slow.txt")?.jobKey == nil)
    }

    /// A time past 2262 overflows nanoseconds in an `Int`; it once trapped the daemon.
    @Test func aSourceDatedInTheYear2300IsConverted() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/future.txt")
        var times = [timespec(tv_sec: 10_413_792_000, tv_nsec: 0), timespec(tv_sec: 10_413_792_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, fixture.directory.path("corpus/future.txt").path, &times, 0) == 0)
        #expect(FileStamp(path: fixture.directory.path("corpus/future.txt").path)?.modifiedNanoseconds == Int.max)
        #expect(fixture.run("future.txt") == .done)
        #expect(try fixture.store.document("future.txt")?.state == .published)
    }

    @Test func aConversionAskedToStopSaysSoAndIsNotAnInputError() throws {
        let source = Converter.Source(bytes: Array(text.utf8), fileName: "book.txt", modified: Date(timeIntervalSince1970: 0))
        do {
            _ = try Converter().convert(source, shouldStop: { true })
            Issue.record("a conversion asked to stop went on")
        } catch {
            #expect(error.isStopped)
        }
        do {
            _ = try Converter().convert(Converter.Source(bytes: [0, 1, 2, 0], fileName: "binary.txt", modified: Date()), shouldStop: { false })
            Issue.record("binary data was converted")
        } catch {
            #expect(!error.isStopped)
        }
        #expect(try Converter().convert(source, shouldStop: { false }).outputs.count == 3)
    }
}
