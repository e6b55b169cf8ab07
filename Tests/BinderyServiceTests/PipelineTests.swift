import Foundation
import Logging
import Testing
@testable import BinderyService

/// The job itself, in process: skip by key, supersession, size limit, publish retries.
@Suite struct PipelineTests {
    private struct Fixture {
        let directory: TemporaryDirectory
        let store: StateStore
        let pipeline: Pipeline

        init(configure: (inout DaemonConfiguration) -> Void = { _ in }) throws {
            directory = try TemporaryDirectory("bindery-pipeline")
            try FileManager.default.createDirectory(at: directory.path("corpus"), withIntermediateDirectories: true)
            var configuration = DaemonConfiguration(paths: .init(
                corpus: directory.path("corpus"), out: directory.path("out"), state: directory.path("state"), runtime: directory.path("state")))
            configure(&configuration)
            try FileManager.default.createDirectory(at: configuration.paths.state, withIntermediateDirectories: true)
            let logger = Logger(label: "test")
            store = try StateStore(directory: configuration.paths.state, logger: logger)
            pipeline = Pipeline(
                layout: CorpusLayout(root: configuration.paths.corpus, excluding: [configuration.paths.out, configuration.paths.state]),
                publisher: Publisher(root: configuration.paths.out), store: store, settings: try PipelineSettings(configuration), logger: logger)
        }

        func run(_ path: String, token: JobToken = JobToken(), attempt: Int = 1) -> JobResult {
            pipeline.run(JobTicket(path: path, trigger: .event, queuedAt: Date(), attempt: attempt), token: token)
        }

        func outputs() -> [String] {
            ((try? FileManager.default.subpathsOfDirectory(atPath: directory.path("out").path)) ?? []).sorted()
        }
    }

    private let text = "A TITLE\n\n\nCHAPTER I\n\nSome prose in a first paragraph.\n\nAnd a second one.\n"

    @Test func publishesOnceAndSkipsAnUnchangedKey() throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/a/book.txt")
        #expect(fixture.run("a/book.txt") == .done)
        #expect(fixture.outputs() == ["a", "a/book.bag.zip", "a/book.epub", "a/book.tei.xml"])
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

    @Test func supersededAndCancelledJobsPublishNothing() throws {
        let fixture = try Fixture()
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
        let fixture = try Fixture { $0.queue.maxSourceBytes = 200; $0.queue.retryAttempts = 2; $0.queue.retryDelayMilliseconds = 10 }
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
        let fixture = try Fixture { $0.queue.jobTimeoutSeconds = 0.000_001 }
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/slow.txt")
        #expect(fixture.run("slow.txt") == .done)
        #expect(fixture.outputs().isEmpty)
        #expect(try fixture.store.jobs().first?.outcome == .timedOut)
        #expect(try fixture.store.document("slow.txt")?.jobKey == nil)
    }
}
