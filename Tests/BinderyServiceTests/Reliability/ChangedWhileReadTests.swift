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
        /// Both jobs are seen running, then one source is truncated and the other deleted. On a loaded
        /// machine the jobs may already be past their last look at the file when the change lands (they
        /// are seen running late, just before they publish): the truncate, which gives no event, then goes
        /// unseen by design, and the deletion is recorded after the job. Such a run does not test what this
        /// test is about; the scenario is run again on a fresh daemon (at most `attempts` times). Every run
        /// must leave nothing of the deleted source and no temp file (#19).
        @Test func truncatedIsReconvertedAndDeletedPublishesNothing() async throws {
            // Four copies of the largest corpus book (5.3 MB): a job long enough to change its file under it.
            let book = String(repeating: try ReliabilityKit.largeBook() + "\n\n", count: 4)
            let attempts = 4
            var runs: [String] = []
            for attempt in 1...attempts {
                let run = try await changeBothWhileTheyRun(book)
                runs.append(run)
                if run == "hit" { break }
                #expect(attempt < attempts, "the change never landed while both jobs ran: \(runs)")
            }
            print("bindery-changed-while-read: \(runs)")
        }

        /// One run of the scenario on a fresh daemon: "hit" when the truncate and the deletion landed while
        /// both jobs ran (the truncated source's job superseded, the deleted one's not published), else what missed.
        private func changeBothWhileTheyRun(_ book: String) async throws -> String {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            // Both jobs at once: the threshold of large sources (which may not take both workers) above them.
            try daemon.start(try ReliabilityKit.configure(daemon, "queue:\n  parallelism: 2\n  large_source_bytes: 67108864\n"))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")

            try daemon.write(book, to: "truncated.txt")
            try daemon.write(book, to: "deleted.txt")
            // truncate(2) changes the file without an IN_CLOSE_WRITE: only the job's own check can see it.
            let cut = book.utf8.prefix(20_000).lastIndex(of: 0x0A).map { book.utf8.distance(from: book.utf8.startIndex, to: $0) + 1 } ?? 20_000
            let truncated = daemon.corpus.appendingPathComponent("truncated.txt")
            let deleted = daemon.corpus.appendingPathComponent("deleted.txt")
            // Polled and changed on a thread of its own: a task of the test pool may resume late when other
            // suites hold its threads, and see the jobs running only when they are about to publish.
            let changed = await onThread {
                let deadline = Date(timeIntervalSinceNow: 60)
                while Date() < deadline {
                    if Set(ReliabilityKit.runningJobs(daemon)) == ["truncated.txt", "deleted.txt"] {
                        return truncate(truncated.path, off_t(cut)) == 0 && unlink(deleted.path) == 0
                    }
                    usleep(10_000)
                }
                return false
            }
            guard changed else {
                #expect(FileManager.default.fileExists(atPath: deleted.path), "\(daemon.log)")
                return "both jobs never seen running"
            }
            let current = sha256(try Data(contentsOf: truncated))

            // Settled: the deleted source's job ended, the deletion is handled, and the truncated source is
            // published at its current bytes, or its first job published the old ones (a miss).
            #expect(await eventually(timeout: 90) {
                guard let store = daemon.store() else { return false }
                let running = ReliabilityKit.runningJobs(daemon)
                // Cancelled by the deletion, or superseded (its own last look found the file gone first,
                // and its retry found nothing to do); or published, then recorded deleted.
                let deletedGone = store.document("deleted.txt").map { $0.state == .deleted }
                    ?? (store.jobs.contains { $0.path == "deleted.txt" } && !running.contains("deleted.txt"))
                let truncatedJobs = store.jobs.filter { $0.path == "truncated.txt" }
                let truncatedDone = store.document("truncated.txt")?.sha256 == current
                    || (truncatedJobs.contains { $0.outcome == .published } && !truncatedJobs.contains { $0.outcome == .superseded }
                        && running.isEmpty)
                return deletedGone && truncatedDone
            }, "\(daemon.log.suffix(3000))")
            let store = try #require(daemon.store())
            #expect(ReliabilityKit.temporaryFiles(daemon) == [])
            let truncatedSuperseded = store.jobs.contains { $0.path == "truncated.txt" && $0.outcome == .superseded }
            let deletedPublished = store.jobs.contains { $0.path == "deleted.txt" && $0.outcome == .published }
            if deletedPublished {
                // Published before the deletion reached it: recorded deleted afterwards (its outputs stay, as `publish.prune` is off).
                #expect(store.document("deleted.txt")?.state == .deleted, "\(daemon.log.suffix(3000))")
            } else {
                #expect(store.jobs.contains { $0.path == "deleted.txt" && ($0.outcome == .cancelled || $0.outcome == .superseded) })
                #expect(store.document("deleted.txt") == nil || store.document("deleted.txt")?.state == .deleted)
                #expect(!daemon.outputs().keys.contains { $0.hasPrefix("deleted.") }, "outputs of a deleted source were published: \(daemon.log.suffix(3000))")
            }
            if truncatedSuperseded {
                #expect(try ReliabilityKit.audit(daemon, sources: ["truncated.txt"]) == [])
            }
            #expect(daemon.stop() == 0)
            switch (truncatedSuperseded, deletedPublished) {
            case (true, false): return "hit"
            case (true, true): return "deletion after its job's last check"
            case (false, false): return "truncate after its job's last check"
            case (false, true): return "both after their jobs' last checks"
            }
        }

        /// A source deleted while its job publishes, after the job's last look at it: the deletion cancels
        /// the job too late to stop it and finds no record to mark deleted yet (a first conversion). It is
        /// recorded once the job ends, and the outputs the job published are removed (`publish.prune`). Before (#19) the
        /// document stayed published with its outputs, as in a CI run of the test above. The deletion is
        /// made as soon as the job's first temp file appears in `out/`, with no settle delay.
        @Test func deletedWhileItsJobPublishesIsRecordedDeleted() async throws {
            let book = String(repeating: try ReliabilityKit.largeBook() + "\n\n", count: 4)
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            let file = daemon.directory.path("bindery.yaml")
            try "watch:\n  settle_ms: 0\npublish:\n  prune: true\n".write(to: file, atomically: true, encoding: .utf8)
            try daemon.start(["--config", file.path])
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")

            try daemon.write(book, to: "deleted.txt")
            // Polled and deleted on a thread of its own, without awaiting in between: the publishing window is short.
            let out = daemon.out.path
            let source = daemon.corpus.appendingPathComponent("deleted.txt").path
            let deletedWhilePublishing = await onThread {
                let deadline = Date(timeIntervalSinceNow: 60)
                while Date() < deadline {
                    let publishing = ((try? FileManager.default.subpathsOfDirectory(atPath: out)) ?? []).contains {
                        ($0 as NSString).lastPathComponent.hasPrefix(".deleted") && $0.contains(".tmp-")
                    }
                    if publishing { return unlink(source) == 0 }
                    usleep(200)
                }
                return false
            }
            try #require(deletedWhilePublishing, "no temp file of the job appeared: \(daemon.log)")

            // Pruned: the record goes with the outputs.
            #expect(await eventually(timeout: 60) { daemon.logLines("document.deleted").count == 1 }, "\(daemon.log.suffix(3000))")
            let store = try #require(daemon.store())
            #expect(store.document("deleted.txt") == nil)
            #expect(!daemon.outputs().keys.contains { $0.hasPrefix("deleted.") }, "outputs of a deleted source were left: \(daemon.log.suffix(3000))")
            #expect(ReliabilityKit.temporaryFiles(daemon) == [])
            #expect(store.jobs.contains { $0.path == "deleted.txt" && $0.outcome == .published }, "the deletion came before the job's last check")
            #expect(daemon.stop() == 0)
        }
    }
}

/// Runs `body` on a Dispatch thread, outside the test's task pool, and returns its result.
private func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}
