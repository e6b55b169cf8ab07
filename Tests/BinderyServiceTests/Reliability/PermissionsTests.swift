import BinderyProtocol
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// Permission faults, with the daemon unable to override file permissions (see
    /// `ReliabilityKit.withoutPermissionOverride`: as root the test drops the capabilities, never skips).
    @Suite("Permissions") struct Permissions {
        @Test func unreadableSourceAndUnwritableOutputAreRecordedThenRecovered() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("version one"), to: "keep.txt")
            try daemon.start(try ReliabilityKit.configure(daemon, "queue:\n  retry_attempts: 2\n  retry_delay_ms: 50\n"),
                             wrapper: try ReliabilityKit.withoutPermissionOverride())
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")

            // Mode 000: a recorded failure naming the cause; a chmod is noticed and the file converts.
            let secret = daemon.corpus.appendingPathComponent("secret.txt")
            try daemon.write(ReliabilityKit.document("unreadable"), to: "secret.txt")
            #expect(chmod(secret.path, 0o000) == 0)
            #expect(await eventually(timeout: 30) { daemon.store()?.document("secret.txt")?.error?.contains("Permission denied") == true }, "\(daemon.log)")
            #expect(daemon.store()?.document("secret.txt")?.state == .failed)
            #expect(chmod(secret.path, 0o644) == 0)
            #expect(await eventually(timeout: 30) { daemon.store()?.document("secret.txt")?.state == .published }, "\(daemon.log)")

            // The output directory read-only: the job fails after its retries, the last good set stays whole.
            let before = daemon.outputs()
            #expect(chmod(daemon.out.path, 0o555) == 0)
            try daemon.write(ReliabilityKit.document("version two"), to: "keep.txt")
            #expect(await eventually(timeout: 30) {
                daemon.store()?.jobs.contains { $0.path == "keep.txt" && $0.outcome == .failed && $0.error?.contains("[job.publish]") == true } == true
            }, "\(daemon.log)")
            #expect(daemon.outputs() == before)
            #expect(daemon.isRunning)

            // Writable again: a rescan publishes the current text.
            #expect(chmod(daemon.out.path, 0o755) == 0)
            _ = try ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("rescan")
            #expect(await eventually(timeout: 30) { (try? ReliabilityKit.audit(daemon, sources: ["keep.txt", "secret.txt"])) == [] },
                    "\((try? ReliabilityKit.audit(daemon, sources: ["keep.txt", "secret.txt"])) ?? [])")
            #expect(daemon.stop() == 0)
        }
    }
}
