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

    @Test("metrics count every recorded job in the database, as reading every row would, and only grow")
    func jobStatistics() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try StateStore(directory: directory.url, logger: logger)
        let outcomes: [JobRecord.Outcome] = [.published, .failed, .superseded, .cancelled, .timedOut]
        for index in 0..<1_200 {
            var record = job("d\(index % 7).txt", outcomes[index % 9 == 0 ? 1 + index % 4 : 0])
            record.finishedAt = record.startedAt + Double(index % 40) * 0.37 - (index % 11 == 0 ? 5 : 0)  // some clocks went back
            if record.outcome == .published {
                let output = OutputRecord(path: "d\(index % 7).epub", documentPath: record.path, format: "epub", size: 10 + index % 7, sha256: "s", jobKey: "k", publishedAt: 3)
                try store.recordPublished(document(record.path, key: "k"), outputs: [output], job: record)
            } else {
                try store.recordUnpublished(record, document: nil)
            }
        }
        try store.recordDeleted("d3.txt", pruned: false)
        let statistics = try store.jobStatistics(buckets: DaemonMetrics.buckets)
        let all = try store.jobs(limit: 10_000)
        #expect(all.count == 1_200)
        var outcomeCounts: [String: Int] = [:]
        for record in all { outcomeCounts[record.outcome.rawValue, default: 0] += 1 }
        #expect(statistics.outcomes == outcomeCounts)
        let durations = all.filter { $0.outcome == .published }.map { max(0, $0.finishedAt - $0.startedAt) }
        #expect(statistics.durationCount == durations.count)
        #expect(abs(statistics.durationSum - durations.reduce(0, +)) < 1e-6)
        #expect(statistics.durationBuckets == DaemonMetrics.buckets.map { bound in durations.count { $0 <= bound } })
        let published = try store.documents().filter { $0.state == .published }
        #expect(try store.publishedOutputBytes() == published.reduce(0) { total, document in total + ((try? store.outputs(of: document.path)) ?? []).reduce(0) { $0 + $1.size } })
        try store.recordUnpublished(job("d1.txt", .failed), document: nil)
        #expect(try store.jobStatistics(buckets: DaemonMetrics.buckets).outcomes["failed"] == (statistics.outcomes["failed"] ?? 0) + 1)
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
