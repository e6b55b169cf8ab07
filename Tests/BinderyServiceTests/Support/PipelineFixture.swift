import Foundation
import Logging
@testable import BinderyService

/// A pipeline over a temporary corpus, output tree and state store, for running jobs in process.
struct PipelineFixture {
    /// A title, a chapter and two paragraphs: the source most pipeline tests convert.
    static let shortBook = "A TITLE\n\n\nCHAPTER I\n\nSome prose in a first paragraph.\n\nAnd a second one.\n"

    let directory: TemporaryDirectory
    let store: StateStore
    let pipeline: Pipeline

    /// `stampTrustMargin`: see `SourceStamp`; 0 stamps even a source written just now.
    init(stampTrustMargin: Double = SourceStamp.defaultTrustMargin, configure: (inout DaemonConfiguration) -> Void = { _ in }) throws {
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
            publisher: Publisher(root: configuration.paths.out), store: store, settings: try PipelineSettings(configuration), logger: logger,
            stampTrustMargin: stampTrustMargin)
    }

    func run(_ path: String, token: JobToken = JobToken(), attempt: Int = 1, trigger: JobTrigger = .event) -> JobResult {
        pipeline.run(JobTicket(path: path, trigger: trigger, queuedAt: Date(), attempt: attempt), token: token)
    }

    func outputs() -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: directory.path("out").path)) ?? []).sorted()
    }
}
