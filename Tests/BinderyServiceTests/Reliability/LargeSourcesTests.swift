import Foundation
import Testing

extension Reliability {
    /// Large sources (over `queue.large_source_bytes`) never take every worker: a small edit is published
    /// while they convert (issue 19, item 7: two 50 MB sources delayed small edits by 59 s).
    @Suite("Large sources") struct LargeSources {
        /// The order in which the daemon logged `job.published` for each of `paths`.
        private func publishOrder(_ daemon: DaemonProcess, _ paths: [String]) -> [String] {
            daemon.logLines("job.published").compactMap { line in paths.first { line.contains("path=\($0) ") } }
        }

        @Test func aSmallEditIsPublishedWhileTwoLargeSourcesConvert() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            // Two copies of the largest book (2.7 MB each, about 3 s to convert in a debug build) over a 1 MB threshold.
            let book = try ReliabilityKit.largeBook()
            try daemon.start(try ReliabilityKit.configure(daemon, "  early_start: false\nqueue:\n  parallelism: 2\n  large_source_bytes: 1000000\n"))
            try #require(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            try daemon.write(book + book, to: "large1.txt")
            try daemon.write(book + "\n" + book, to: "large2.txt")
            try #require(await eventually(timeout: 30) { ReliabilityKit.runningJobs(daemon).contains("large1.txt") })
            try daemon.write(ReliabilityKit.document("small"), to: "small.txt")
            let all = ["large1.txt", "large2.txt", "small.txt"]
            #expect(await eventually(timeout: 120) { publishOrder(daemon, all).count == 3 }, "\(daemon.log.suffix(2000))")
            #expect(publishOrder(daemon, all).first == "small.txt", "the small edit waited for a large source: \(publishOrder(daemon, all))")
            #expect(try ReliabilityKit.audit(daemon, sources: all) == [])
            #expect(daemon.stop() == 0)
        }
    }
}
