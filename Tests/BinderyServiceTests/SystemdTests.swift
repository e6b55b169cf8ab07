import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SystemdTests {
    @Test func notifierSendsDatagrams() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try NotifySocket(path: directory.path("notify").path)
        defer { receiver.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.path, "WATCHDOG_USEC": "2000000"])
        #expect(notifier.isEnabled)
        #expect(notifier.watchdogInterval == 1)
        try notifier.notify("READY=1\nSTATUS=ok")
        #expect(receiver.receive(timeout: 2) == "READY=1\nSTATUS=ok")
        #expect(!SystemdNotifier(environment: [:]).isEnabled)
    }

    /// A receiver that stops reading fills its queue; sending then fails at once (or after its wait)
    /// instead of blocking, says why, and works again once the receiver reads.
    @Test func aFullNotifySocketFailsMessagesInsteadOfBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try NotifySocket(path: directory.path("notify").path)
        defer { receiver.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.path])
        var sent = 0
        while sent < 10_000, (try? notifier.notify("WATCHDOG=1", waitSeconds: 0)) != nil { sent += 1 }
        #expect(sent > 0 && sent < 10_000, "the queue never filled: \(sent) sent")
        #expect(throws: SystemdNotifier.Failure.self) { try notifier.notify("STOPPING=1", waitSeconds: 0.05) }
        do {
            try notifier.notify("STOPPING=1", waitSeconds: 0)
            Issue.record("a full queue took a message")
        } catch {
            #expect(error.code == EAGAIN, "\(error)")
        }
        #expect(receiver.receive(timeout: 2) == "WATCHDOG=1")
        #expect((try? notifier.notify("STOPPING=1", waitSeconds: 0)) != nil)
    }

    /// `systemd-analyze verify` on a copy of the unit pointed at the built binary. Under `CI=true` a
    /// missing systemd-analyze is a failure; otherwise the test is skipped.
    @Test func unitFileVerifies() throws {
        let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let analyze else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "systemd-analyze is missing (install systemd)")
            return
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try BinderyBinary.locate()
        let unit = try String(contentsOf: packageRoot.appendingPathComponent("systemd/bindery.service"), encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/bindery", with: binary.path)
        #expect(unit.contains("Type=notify") && unit.contains("WatchdogSec=") && unit.contains("ProtectSystem=strict"))
        let copy = directory.path("bindery.service")
        try unit.write(to: copy, atomically: true, encoding: .utf8)
        let result = try run(analyze, ["verify", "--recursive-errors=no", copy.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("Unknown"), "\(result.output)")
        // The HTTP drop-in's settings appended to the unit (a repeated [Service] section) verify too.
        let dropIn = try String(contentsOf: packageRoot.appendingPathComponent("systemd/bindery-http.conf"), encoding: .utf8)
        #expect(dropIn.contains("PrivateNetwork=no") && dropIn.contains("AF_INET") && dropIn.contains("IPAddressAllow=localhost"))
        try (unit + "\n" + dropIn).write(to: copy, atomically: true, encoding: .utf8)
        let withHTTP = try run(analyze, ["verify", "--recursive-errors=no", copy.path])
        #expect(withHTTP.status == 0, "\(withHTTP.output)")
        #expect(!withHTTP.output.contains("Unknown"), "\(withHTTP.output)")
    }

    /// The daemon's shutdown backstop at the default grace period ends before systemd's TimeoutStopSec
    /// would SIGKILL it, with a margin for what follows (closing the socket, the last checkpoint).
    @Test func shutdownBackstopEndsBeforeTimeoutStopSec() throws {
        let unit = try String(contentsOf: packageRoot.appendingPathComponent("systemd/bindery.service"), encoding: .utf8)
        let timeout = try #require(unit.firstMatch(of: /(?m)^TimeoutStopSec=(\d+)s$/).flatMap { Double($0.1) }, "no TimeoutStopSec=Ns in the unit")
        let backstop = Daemon.shutdownBackstop(graceSeconds: DaemonConfiguration.Lifecycle().graceSeconds)
        #expect(backstop + 3 <= timeout, "backstop \(backstop) s, TimeoutStopSec \(timeout) s")
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Validators.run(URL(fileURLWithPath: executable), arguments)
    }
}
