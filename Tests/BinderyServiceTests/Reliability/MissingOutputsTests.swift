import Foundation
import Testing
@testable import BinderyService

extension Reliability {
    /// Issue 19, item 9: outputs deleted behind the daemon's back give no corpus event; the output audit
    /// (`watch.output_audit_seconds`, 1 s here) publishes them again without a rescan or restart.
    @Suite("Missing outputs") struct MissingOutputs {
        @Test func aDeletedOutputAndADeletedOutputTreeArePublishedAgain() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            let sources = ["a.txt", "shelf/b.txt"]
            try daemon.write(ReliabilityKit.document("a"), to: "a.txt")
            try daemon.write(ReliabilityKit.document("b"), to: "shelf/b.txt")
            try daemon.start(try ReliabilityKit.configure(daemon, "  output_audit_seconds: 1\n"))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            #expect(try ReliabilityKit.audit(daemon, sources: sources) == [])

            // One EPUB deleted.
            try FileManager.default.removeItem(at: daemon.out.appendingPathComponent("a.epub"))
            #expect(await eventually(timeout: 30) { (try? ReliabilityKit.audit(daemon, sources: sources)) == [] },
                    "\((try? ReliabilityKit.audit(daemon, sources: sources)) ?? []) \(daemon.log.suffix(2000))")
            #expect(daemon.logLines("output.missing").contains { $0.contains("path=a.txt") }, "\(daemon.log.suffix(2000))")

            // The whole output tree deleted.
            try FileManager.default.removeItem(at: daemon.out)
            #expect(await eventually(timeout: 30) { (try? ReliabilityKit.audit(daemon, sources: sources)) == [] },
                    "\((try? ReliabilityKit.audit(daemon, sources: sources)) ?? []) \(daemon.log.suffix(2000))")
            #expect(daemon.logLines("output.missing").contains { $0.contains("path=shelf/b.txt") })
            #expect(daemon.store()?.documents.allSatisfy { $0.state == .published } == true)
            #expect(daemon.stop() == 0)
        }
    }
}
