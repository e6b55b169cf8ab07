import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService

extension Reliability {
    /// A full disk, simulated with RLIMIT_FSIZE (`prlimit --fsize`): writes past the limit fail with
    /// EFBIG as they would with ENOSPC, and no tmpfs mount (root in a container may not mount) is needed.
    @Suite("Disk full") struct DiskFull {
        @Test func aFailedPublishLeavesTheLastGoodSetWholeAndSmallJobsGoOn() async throws {
            let prlimit = try #require(Validators.which("prlimit"), "prlimit (util-linux) is needed")
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            // 276 KB of text: its EPUB (~170 KB) fits under the limit below, its TEI (~300 KB) does not.
            let book = try String(contentsOf: PackagePaths.corpus.appendingPathComponent("003_d1cafe7658540bb9.txt"), encoding: .utf8)
            try daemon.write(book, to: "big.txt")
            try daemon.write(ReliabilityKit.document("small"), to: "small.txt")
            let arguments = try ReliabilityKit.configure(daemon, "queue:\n  retry_attempts: 2\n  retry_delay_ms: 50\n")
            try daemon.start(arguments)
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            #expect(daemon.stop() == 0)
            let good = daemon.outputs().filter { $0.key.hasPrefix("big.") }
            #expect(good.count >= 3)

            try daemon.write(book + "\n\nA paragraph added while the daemon was stopped.\n", to: "big.txt")
            try daemon.write(ReliabilityKit.document("small, edited"), to: "small.txt")
            try daemon.start(arguments, wrapper: [prlimit.path, "--fsize=200000"])
            #expect(await ReliabilityKit.caughtUp(daemon, starts: 2), "\(daemon.log)")
            let store = try #require(daemon.store())
            let failure = store.jobs.first { $0.path == "big.txt" }
            #expect(failure?.outcome == .failed && failure?.error?.contains("File too large") == true, "\(String(describing: failure))")
            #expect(daemon.outputs().filter { $0.key.hasPrefix("big.") } == good, "the last good set of big.txt changed")
            #expect(try ReliabilityKit.audit(daemon, sources: ["small.txt"]).filter { !$0.hasPrefix("stray") } == [])
            #expect(ReliabilityKit.temporaryFiles(daemon) == [])
            #expect(daemon.isRunning)
            #expect(daemon.stop() == 0)

            // Room again: the next start publishes the current text.
            try daemon.start(arguments)
            #expect(await ReliabilityKit.caughtUp(daemon, starts: 3), "\(daemon.log)")
            #expect(try ReliabilityKit.audit(daemon, sources: ["big.txt", "small.txt"]) == [])
            #expect(daemon.stop() == 0)
        }
    }
}
