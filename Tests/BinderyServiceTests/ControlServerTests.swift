import BinderyProtocol
@testable import BinderyService
import BinderyTestSupport
import Foundation
import Testing

@Suite("Control socket server")
struct ControlServerTests {
    /// A server with a small handler: `status`, `echo`, `slow` (an echo after half a second), `events`
    /// (subscribe), anything else unknown.
    private func withServer(_ settings: (String) -> ControlServer.Settings = { ControlServer.Settings(socketPath: $0) },
                            _ body: (ControlServer, String) throws -> Void) throws {
        let directory = try PackagePaths.temporaryDirectory("bindery-ctl")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run/bindery.sock").path
        let server = ControlServer(settings: settings(path)) { request in
            switch request.method {
            case "status": return .result(JSONValue.object(["protocol": .number(Double(ControlProtocol.version))]))
            case "echo": return .result(request.params ?? JSONValue.null)
            case "slow":
                Thread.sleep(forTimeInterval: 0.5)
                return .result(request.params ?? JSONValue.null)
            case "events": return .subscribe(JSONValue.object(["subscribed": .bool(true)]))
            default: return .error(.unknownMethod(request.method))
            }
        }
        try server.start()
        defer { server.stop() }
        try body(server, path)
    }

    @Test("answers a request; the socket file has mode 0600")
    func status() throws {
        try withServer { _, path in
            let response = try ControlClient(socketPath: path).call("status")
            #expect(response.result?["protocol"] == .number(1))
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test("with a configured group the socket is 0660 and owned by that group")
    func groupMode() throws {
        let group = getgid()
        try withServer({ ControlServer.Settings(socketPath: $0, group: group) }) { _, path in
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect(attributes[.posixPermissions] as? Int == 0o660)
            #expect((attributes[.groupOwnerAccountID] as? NSNumber)?.uint32Value == group)
        }
    }

    @Test("the configuration's control section becomes server settings; an unknown group is an error")
    func fromConfiguration() throws {
        var control = DaemonConfiguration.Control()
        control.allowedUIDs = [1000]
        control.maxClients = 3
        let settings = try ControlServer.Settings(socketPath: "/tmp/x.sock", control)
        #expect(settings.group == nil && settings.allowedUIDs == [1000] && settings.maximumClients == 3)
        control.group = "no-such-group-bindery"
        #expect(throws: ServiceError.self) { try ControlServer.Settings(socketPath: "/tmp/x.sock", control) }
    }

    @Test("malformed JSON and unknown methods get error responses; the connection keeps serving")
    func malformed() throws {
        try withServer { _, path in
            let client = try ControlClient(socketPath: path)
            try client.sendRaw(Array("{not json\n".utf8))
            let parseError = try JSONDecoder().decode(ControlResponse.self, from: Data(try client.readLine()))
            #expect(parseError.error?.code == -32700)
            #expect(try client.call("fly").error?.code == -32601)
            #expect(try client.call("echo", .string("still here")).result == .string("still here"))
        }
    }

    @Test("an oversized request is refused and the connection closed; others are unaffected")
    func oversized() throws {
        try withServer { _, path in
            let other = try ControlClient(socketPath: path)
            let client = try ControlClient(socketPath: path)
            try client.sendRaw(Array(repeating: UInt8(ascii: "x"), count: ControlProtocol.maximumLineBytes + 10))
            let response = try JSONDecoder().decode(ControlResponse.self, from: Data(try client.readLine()))
            #expect(response.error?.code == -32600)
            #expect(throws: ControlSocketError.self) { try client.readLine() }
            #expect(try other.call("status").result != nil)
        }
    }

    @Test("50 concurrent clients are all answered")
    func concurrentClients() throws {
        try withServer { _, path in
            let answered = LockedCounter()
            DispatchQueue.concurrentPerform(iterations: 50) { index in
                guard let client = try? ControlClient(socketPath: path),
                      let response = try? client.call("echo", .number(Double(index))),
                      response.result == .number(Double(index)) else { return }
                answered.increment()
            }
            #expect(answered.value == 50)
        }
    }

    @Test("a client pipelining slow requests holds up no other client, and gets its own answers in order")
    func slowClient() throws {
        try withServer { _, path in
            let heavy = try ControlClient(socketPath: path)
            // 12 requests of half a second each: 6 s of work queued at once, as 30 pipelined `metrics` over 5,000 documents were.
            let ids = (0..<12).map { RequestID.number($0) }
            try heavy.sendRaw(ids.flatMap { ControlCodec.encode(ControlRequest(id: $0, method: "slow", params: .string("x"))) ?? [] })
            Thread.sleep(forTimeInterval: 0.2)
            let started = Date()
            #expect(try ControlClient(socketPath: path).call("status").result != nil)
            let waited = Date().timeIntervalSince(started)
            #expect(waited < 2, "another client's status waited \(waited) s behind the slow requests")
            let answered = try ids.map { _ in ControlCodec.decodeResponse(try heavy.readLine())?.id }
            #expect(answered == ids)
        }
    }

    @Test("a client over its request rate is read more slowly, not refused; others are not held up")
    func requestRate() throws {
        try withServer({ ControlServer.Settings(socketPath: $0, maximumRequestRate: 10) }) { _, path in
            let fast = try ControlClient(socketPath: path)
            let ids = (0..<30).map { RequestID.number($0) }
            let started = Date()
            try fast.sendRaw(ids.flatMap { ControlCodec.encode(ControlRequest(id: $0, method: "echo", params: .string("x"))) ?? [] })
            #expect(try ControlClient(socketPath: path).call("status").result != nil)
            let answered = try ids.map { _ in ControlCodec.decodeResponse(try fast.readLine())?.id }
            #expect(answered == ids, "every request answered, in order")
            // A burst of 10 at once, then 10 a second: the last of 30 comes after about 2 s.
            #expect(Date().timeIntervalSince(started) > 1.5)
        }
    }

    @Test("a subscriber receives broadcast events")
    func events() throws {
        try withServer { server, path in
            let subscriber = try ControlClient(socketPath: path)
            #expect(try subscriber.call("events").result?["subscribed"] == .bool(true))
            server.broadcast(JSONValue.object(["type": .string("job.finished")]))
            let line = String(decoding: try subscriber.readLine(), as: UTF8.self)
            #expect(line == #"{"event":{"type":"job.finished"}}"#)
        }
    }

    @Test("an idle client is disconnected after the idle timeout")
    func idle() throws {
        try withServer({ ControlServer.Settings(socketPath: $0, idleTimeout: 0.3) }) { server, path in
            let client = try ControlClient(socketPath: path)
            #expect(throws: ControlSocketError.self) { try client.readLine() }
            #expect(try ControlClient(socketPath: path).call("status").result != nil)
        }
    }

    @Test("a client sending a byte at a time, never a whole request, is disconnected after the idle timeout")
    func trickle() throws {
        try withServer({ ControlServer.Settings(socketPath: $0, idleTimeout: 0.5) }) { server, path in
            let client = try ControlClient(socketPath: path)
            var dropped = false
            for byte in Array(#"{"jsonrpc":"2.0","id":1,"method":"status","params":{"padding":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}}"#.utf8) where !dropped {
                do { try client.sendRaw([byte]) } catch { dropped = true }
                Thread.sleep(forTimeInterval: 0.05)
                dropped = dropped || server.clientCount == 0
            }
            #expect(dropped, "every byte reset the idle timer")
            #expect(try ControlClient(socketPath: path).call("status").result != nil)
        }
    }

    @Test("a subscriber that does not read is dropped once its backlog passes the limit")
    func slowReader() throws {
        try withServer({ ControlServer.Settings(socketPath: $0, maximumBacklog: 64 * 1024) }) { server, path in
            let slow = try ControlClient(socketPath: path)
            _ = try slow.call("events")
            let payload = JSONValue.string(String(repeating: "x", count: 8192))
            for _ in 0..<400 { server.broadcast(payload) }
            var dropped = false
            for _ in 0..<100 where !dropped {
                Thread.sleep(forTimeInterval: 0.02)
                dropped = server.clientCount == 0
            }
            #expect(dropped)
            #expect(try ControlClient(socketPath: path).call("status").result != nil)
        }
    }

    @Test("no daemon: the client says so clearly")
    func noDaemon() throws {
        let error = #expect(throws: ControlSocketError.self) { try ControlClient(socketPath: "/nonexistent/bindery.sock") }
        #expect(error?.message.contains("no daemon answers at /nonexistent/bindery.sock") == true)
    }

    @Test("another user is refused by its peer credentials", .enabled(if: getuid() == 0 && Validators.which("setpriv") != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func unauthorised() throws {
        try withServer { _, path in
            // Let the other user reach the socket at all, so that the credential check is what refuses it.
            chmod((path as NSString).deletingLastPathComponent, 0o755)
            chmod(((path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent, 0o755)
            chmod(path, 0o666)
            let script = """
            import socket,sys
            s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
            print(s.recv(4096).decode())  # refused at accept: the error line comes without a request
            """
            let result = try Validators.run(Validators.which("setpriv")!, ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3", "-c", script, path])
            #expect(result.output.contains("permission denied"), "\(result.output)")
            #expect(try ControlClient(socketPath: path).call("status").result != nil)
        }
    }
}

/// A thread-safe counter for concurrency tests.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
