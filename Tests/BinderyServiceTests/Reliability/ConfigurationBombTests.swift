import BinderyProtocol
import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// Issue #19: an alias bomb written into the configuration does not wedge a SIGHUP reload.
    @Suite("Configuration bomb") struct ConfigurationBomb {
        @Test func aBombInTheConfigurationFailsTheReloadAtOnce() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            let config = daemon.directory.path("bindery.yaml")
            try "watch:\n  settle_ms: 20\n".write(to: config, atomically: true, encoding: .utf8)
            try daemon.write(ReliabilityKit.document("first"), to: "doc.txt")
            try daemon.start(["--config", config.path])
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")

            try YAMLLimitsTests.bomb(key: true).write(to: config, atomically: true, encoding: .utf8)
            kill(daemon.pid, SIGHUP)
            #expect(await eventually(timeout: 10) { !daemon.logLines("config.reload-failed").isEmpty }, "\(daemon.log)")
            #expect(daemon.logLines("config.reload-failed").first?.contains("used as a mapping key") == true, "\(daemon.log)")
            #expect(try ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("status").result != nil)
            try daemon.write(ReliabilityKit.document("second"), to: "doc.txt")
            #expect(await eventually(timeout: 60) { daemon.store()?.published("doc.txt") == 2 }, "\(daemon.log)")
            #expect(daemon.stop() == 0)
        }
    }
}
