import Foundation
import Logging
import Testing
@testable import BinderyService

@Suite struct StateStoreTests {
    private let logger = Logger(label: "test")

    private func document(_ path: String, key: String) -> DocumentRecord {
        DocumentRecord(path: path, size: 3, sha256: "abc", jobKey: key, state: .published, error: nil, updatedAt: 1)
    }

    private func job(_ path: String, _ outcome: JobRecord.Outcome) -> JobRecord {
        JobRecord(id: nil, path: path, trigger: "event", jobKey: "k", queuedAt: 1, startedAt: 2, finishedAt: 3, attempts: 1, outcome: outcome, error: nil)
    }

    @Test func recordsSurviveReopening() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try StateStore(directory: directory.url, logger: logger)
            let output = OutputRecord(path: "a.epub", documentPath: "a.txt", format: "epub", size: 10, sha256: "def", jobKey: "k", publishedAt: 3)
            try store.recordPublished(document("a.txt", key: "k"), outputs: [output], job: job("a.txt", .published))
            try store.recordUnpublished(job("a.txt", .superseded), document: nil)
        }
        let reopened = try StateStore(directory: directory.url, logger: logger)
        #expect(try reopened.document("a.txt")?.jobKey == "k")
        #expect(try reopened.outputs(of: "a.txt").map(\.path) == ["a.epub"])
        #expect(try reopened.jobs().map(\.outcome) == [.superseded, .published])
        try reopened.recordDeleted("a.txt", pruned: false)
        #expect(try reopened.document("a.txt")?.state == .deleted)
        #expect(try reopened.outputs(of: "a.txt").count == 1)
        try reopened.recordDeleted("a.txt", pruned: true)
        #expect(try reopened.document("a.txt") == nil)
        #expect(try reopened.outputs(of: "a.txt").isEmpty)
        let journal = try StateStore(readingAt: directory.url)
        #expect(try journal.jobCount() == 2)
    }

    @Test func corruptedDatabaseIsRebuilt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data((0..<8192).map { _ in UInt8.random(in: 0...255) }).write(to: directory.path(StateStore.fileName))
        let store = try StateStore(directory: directory.url, logger: logger)
        #expect(try store.documents().isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(names.contains { $0.hasPrefix("\(StateStore.fileName).corrupt-") })
    }
}
