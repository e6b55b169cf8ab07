import BinderyProtocol
import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// The documented limits, enforced by a running daemon: job time, clients, request size; and the
    /// control socket survives clients that hang up early or send garbage. (Document size and line
    /// length: `BadDocuments`.)
    @Suite("Limits") struct Limits {
        private func response(_ line: [UInt8]) throws -> ControlResponse {
            try JSONDecoder().decode(ControlResponse.self, from: Data(line))
        }

        @Test func jobTimeoutClientLimitAndRequestSizeAreEnforced() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            // Three copies of the largest book take about 1.5 s in a debug build (one, 0.5 s since the reader got
            // faster: too close to the limit), the small document 10 ms: a 0.5 s limit parts them.
            try daemon.write(String(repeating: try ReliabilityKit.largeBook() + "\n\n", count: 3), to: "slow.txt")
            try daemon.write(ReliabilityKit.document("quick"), to: "quick.txt")
            try daemon.start(try ReliabilityKit.configure(daemon, "queue:\n  job_timeout_seconds: 0.5\ncontrol:\n  max_clients: 3\n"))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            let store = try #require(daemon.store())
            #expect(store.jobs.first { $0.path == "slow.txt" }?.outcome == .timedOut)
            #expect(store.document("slow.txt")?.error?.contains("[job.timed-out]") == true)
            #expect(!daemon.outputs().keys.contains { $0.hasPrefix("slow.") })
            #expect(store.document("quick.txt")?.state == .published)

            // A request line over 64 KiB: -32600, then the connection is closed; the others keep working.
            let socket = ReliabilityKit.socket(daemon)
            var clients = [try ControlClient(socketPath: socket)]
            let large = try ControlClient(socketPath: socket)
            try large.sendRaw([UInt8](repeating: UInt8(ascii: "x"), count: ControlProtocol.maximumLineBytes + 1))
            #expect(try response(large.readLine()).error?.code == -32600)
            #expect(throws: ControlSocketError.self) { try large.readLine() }
            #expect(try clients[0].call("status").result != nil)

            // max_clients: with three connected, the next gets -32002 and is closed; a freed slot is usable again.
            clients += try (0..<2).map { _ in try ControlClient(socketPath: socket) }
            for client in clients { #expect(try client.call("status").result != nil) }
            let refused = try ControlClient(socketPath: socket)
            #expect(try response(refused.readLine()).error?.code == -32002)
            clients.removeFirst()
            #expect(await eventually(timeout: 10) { (try? ControlClient(socketPath: socket).call("status").result) != nil })
            #expect(daemon.isRunning)
            #expect(daemon.stop() == 0)
        }

        @Test func clientsThatHangUpOrSendGarbageDoNotHurtTheDaemon() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("one"), to: "one.txt")
            try daemon.start(try ReliabilityKit.configure(daemon))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            let socket = ReliabilityKit.socket(daemon)

            // Requests sent, connection closed before the answers: the daemon's writes meet EPIPE (was SIGPIPE, fatal).
            for _ in 0..<30 {
                let fd = try #require(try? UnixSocket.connect(to: socket))
                let burst = Array(String(repeating: "{\"id\":1,\"method\":\"metrics\"}\n", count: 40).utf8)
                _ = burst.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(fd)
            }
            // Garbage: binary, invalid UTF-8, NULs, deep nesting, a number as id and method, CR line ends.
            var random = SeededGenerator(seed: 10)
            let garbage: [[UInt8]] = [
                (0..<2000).map { _ in UInt8.random(in: 0...255, using: &random) }.filter { $0 != 0x0A },
                [0xFF, 0xFE, 0x00, 0x7B, 0x22, 0xC3], [0, 0, 0, 0],
                Array(("{\"id\":1,\"method\":\"status\",\"params\":" + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "}").utf8),
                Array("{\"id\":[1],\"method\":2}".utf8), Array("{\"id\":1,\"method\":\"status\"}\r".utf8),
            ]
            let client = try ControlClient(socketPath: socket)
            for line in garbage {
                try client.sendRaw(line + [0x0A])
                let answer = try response(client.readLine())
                #expect(answer.error?.code == -32700 || answer.result != nil, "\(answer)")
            }
            #expect(await eventually(timeout: 10) { (try? ControlClient(socketPath: socket).call("status").result) != nil })
            #expect(daemon.isRunning, "\(daemon.log.suffix(1000))")
            #expect(daemon.stop() == 0)
        }
    }
}
