import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// A source truncated or deleted while its job runs: nothing of the old bytes is published, and
    /// the outputs end up matching what is on disk now.
    @Suite("Sources changed while read") struct ChangedWhileRead {
        @Test func truncatedIsReconvertedAndDeletedPublishesNothing() async throws {
            // Four copies of the largest corpus book (5.3 MB): a job long enough to change its file under it.
            let book = String(repeating: try ReliabilityKit.largeBook() + "\n\n", count: 4)
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            // Both jobs at once: the threshold of large sources (which may not take both workers) above them.
            try daemon.start(try ReliabilityKit.configure(daemon, "queue:\n  parallelism: 2\n  large_source_bytes: 67108864\n"))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")

            try daemon.write(book, to: "truncated.txt")
            try daemon.write(book, to: "deleted.txt")
            #expect(await eventually(timeout: 30) { Set(ReliabilityKit.runningJobs(daemon)) == ["truncated.txt", "deleted.txt"] }, "\(daemon.log)")
            // truncate(2) changes the file without an IN_CLOSE_WRITE: only the job's own check can see it.
            let cut = book.utf8.prefix(20_000).lastIndex(of: 0x0A).map { book.utf8.distance(from: book.utf8.startIndex, to: $0) + 1 } ?? 20_000
            #expect(truncate(daemon.corpus.appendingPathComponent("truncated.txt").path, off_t(cut)) == 0)
            try FileManager.default.removeItem(at: daemon.corpus.appendingPathComponent("deleted.txt"))

            #expect(await eventually(timeout: 90) {
                let jobs = daemon.store()?.jobs ?? []
                return daemon.store()?.document("truncated.txt")?.state == .published
                    && jobs.contains { $0.path == "deleted.txt" && $0.outcome == .cancelled }
            }, "\(daemon.log.suffix(3000))")
            let store = try #require(daemon.store())
            #expect(store.jobs.contains { $0.path == "truncated.txt" && $0.outcome == .superseded })
            #expect(try ReliabilityKit.audit(daemon, sources: ["truncated.txt"]) == [])
            #expect(store.document("deleted.txt") == nil || store.document("deleted.txt")?.state == .deleted)
            #expect(!daemon.outputs().keys.contains { $0.hasPrefix("deleted.") }, "outputs of a deleted source were published")
            #expect(ReliabilityKit.temporaryFiles(daemon) == [])
            #expect(daemon.stop() == 0)
        }
    }
}
