import BinderyProtocol
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// Issue 19, item 10: a source refused before it is read (over the size limit, not a regular file) is
    /// recorded once per stamp: rescans of it unchanged add no job, a change records it again.
    @Suite("Failures recorded once") struct RepeatedFailures {
        /// Asks for a rescan and waits until its jobs are done.
        private func rescan(_ daemon: DaemonProcess) async throws -> Bool {
            let scans = daemon.logLines("corpus.scanned").count
            _ = try ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("rescan")
            return await eventually(timeout: 30) {
                guard daemon.logLines("corpus.scanned").count > scans,
                      let status = try? ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("status").result else { return false }
                return status["running"] == .number(0) && status["queued"] == .number(0) && status["retrying"] == .number(0)
            }
        }

        private func failedJobs(_ daemon: DaemonProcess, _ path: String) -> Int {
            daemon.store()?.jobs.filter { $0.path == path && $0.outcome == .failed }.count ?? -1
        }

        @Test func anUnchangedBadFileFailsOnceNotAtEveryRescan() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("kept"), to: "keep.txt")
            // 200 MB, sparse: refused by its size before any read.
            let huge = daemon.corpus.appendingPathComponent("huge.txt")
            #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
            #expect(truncate(huge.path, 200 << 20) == 0)
            #expect(mkfifo(daemon.corpus.appendingPathComponent("pipe.txt").path, 0o644) == 0)
            try daemon.start(try ReliabilityKit.configure(daemon))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            #expect(daemon.store()?.document("huge.txt")?.error?.contains("[job.too-large]") == true)
            #expect(daemon.store()?.document("pipe.txt")?.error?.contains("named pipe") == true)
            #expect(failedJobs(daemon, "huge.txt") == 1 && failedJobs(daemon, "pipe.txt") == 1)

            for _ in 0..<3 { #expect(try await rescan(daemon), "\(daemon.log.suffix(2000))") }
            #expect(failedJobs(daemon, "huge.txt") == 1, "\(daemon.store()?.jobs.filter { $0.path == "huge.txt" } ?? [])")
            #expect(failedJobs(daemon, "pipe.txt") == 1)
            #expect(daemon.store()?.document("huge.txt")?.state == .failed)

            // Changed (one byte longer) but still too large: a new stamp, a new recorded failure.
            #expect(truncate(huge.path, (200 << 20) + 1) == 0)
            #expect(try await rescan(daemon))
            #expect(failedJobs(daemon, "huge.txt") == 2)
            #expect(daemon.isRunning)
            #expect(daemon.stop() == 0)
        }
    }
}
