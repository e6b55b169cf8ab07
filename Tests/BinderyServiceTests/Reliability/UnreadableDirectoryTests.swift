import BinderyProtocol
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// Issue 19, item 9: a corpus directory the daemon cannot read (mode 000), at start and at run time,
    /// with the daemon unable to override permissions (`ReliabilityKit.withoutPermissionOverride`).
    @Suite("Unreadable directories") struct UnreadableDirectories {
        /// With inotify, and polling every 0.2 s (`--poll`).
        @Test(arguments: [[], ["--poll", "0.2"]])
        func anUnreadableDirectoryIsARecordedFailureUntilAChmodThenItsDocumentsConvert(watch: [String]) async throws {
            let daemon = try DaemonProcess()
            defer {
                chmod(daemon.corpus.appendingPathComponent("sealed").path, 0o755)
                chmod(daemon.corpus.appendingPathComponent("drafts").path, 0o755)
                daemon.tearDown()
            }
            try daemon.write(ReliabilityKit.document("kept"), to: "keep.txt")
            try daemon.write(ReliabilityKit.document("sealed"), to: "sealed/inside.txt")
            try daemon.write(ReliabilityKit.document("draft a"), to: "drafts/a.txt")
            let sealed = daemon.corpus.appendingPathComponent("sealed").path
            let drafts = daemon.corpus.appendingPathComponent("drafts").path
            #expect(chmod(sealed, 0o000) == 0)

            // Mode 000 at start: the daemon starts (inotify used to refuse to watch it) and records the directory.
            try daemon.start(try ReliabilityKit.configure(daemon) + watch, wrapper: try ReliabilityKit.withoutPermissionOverride())
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            let recorded = daemon.store()?.document("sealed/")
            #expect(recorded?.state == .failed && recorded?.error?.contains("sealed/: cannot read the directory: Permission denied") == true,
                    "\(String(describing: recorded))")
            #expect(daemon.store()?.jobs.contains { $0.path == "sealed/" && $0.outcome == .failed } == true)
            #expect(daemon.store()?.document("drafts/a.txt")?.state == .published)

            // Mode 000 at run time: recorded too; the documents already published in it are not taken as deleted.
            let draftOutputs = daemon.outputs().filter { $0.key.hasPrefix("drafts/") }
            #expect(!draftOutputs.isEmpty)
            #expect(chmod(drafts, 0o000) == 0)
            #expect(await eventually(timeout: 30) { daemon.store()?.document("drafts/")?.error?.contains("Permission denied") == true }, "\(daemon.log.suffix(2000))")
            try daemon.write(ReliabilityKit.document("draft b"), to: "drafts/b.txt")
            _ = try ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("rescan")
            #expect(await eventually(timeout: 30) { daemon.logLines("corpus.scanned").count >= 2 })
            #expect(await eventually(timeout: 10) { (try? ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("status").result?["queued"]) == .number(0) })
            #expect(daemon.store()?.document("drafts/a.txt")?.state == .published)
            #expect(daemon.outputs().filter { $0.key.hasPrefix("drafts/") } == draftOutputs)
            #expect(daemon.store()?.document("drafts/")?.state == .failed, "a rescan cleared the failure")

            // Readable again: the failures are cleared and what the directories hold converts.
            #expect(chmod(sealed, 0o755) == 0)
            #expect(chmod(drafts, 0o755) == 0)
            #expect(await eventually(timeout: 30) {
                let store = daemon.store()
                return store?.document("sealed/")?.state == .deleted && store?.document("drafts/")?.state == .deleted
                    && store?.document("sealed/inside.txt")?.state == .published && store?.document("drafts/b.txt")?.state == .published
            }, "\(daemon.log.suffix(3000))")
            #expect(try ReliabilityKit.audit(daemon, sources: ["keep.txt", "sealed/inside.txt", "drafts/a.txt", "drafts/b.txt"]) == [])
            #expect(daemon.stop() == 0)
        }
    }
}
