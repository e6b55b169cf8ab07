import BinderyProtocol
@testable import BinderyService
import BinderyTestSupport
import Foundation
import Testing

/// The control socket of a real `bindery serve`: every method, the events stream end to end, bad requests.
@Suite("Daemon control socket, end to end", .serialized)
struct DaemonControlTests {
    private func started() async throws -> (DaemonProcess, String) {
        let daemon = try DaemonProcess()
        try daemon.write("A Title\n\nA first paragraph.\n", to: "one.txt")
        try daemon.write("Another\n\nText here.\n", to: "sub/two.txt")
        try daemon.start()
        let socket = daemon.state.appendingPathComponent("bindery.sock").path
        // Outputs are renamed into place just before their job is recorded: wait for the records too.
        let ready = await eventually {
            daemon.outputs().count == 8 && FileManager.default.fileExists(atPath: socket)
                && daemon.store()?.published("one.txt") == 1 && daemon.store()?.published("sub/two.txt") == 1
        }
        #expect(ready, "the daemon did not publish: \(daemon.log.suffix(2000))")
        return (daemon, socket)
    }

    @Test("status, documents, jobs, job, metrics, pause/resume, rescan, reload answer as documented")
    func methods() async throws {
        let (daemon, socket) = try await started()
        defer { daemon.stop(); daemon.tearDown() }
        let client = try ControlClient(socketPath: socket)
        let status = try #require(try client.call("status").result)
        #expect(status["protocol"] == .number(Double(ControlProtocol.version)))
        #expect(status["corpus"]?.stringValue == daemon.corpus.path)
        #expect(status["documents"]?["published"] == .number(2))
        let documents = try client.call("documents", .object(["state": .string("published")])).result?["documents"]
        guard case .array(let list)? = documents else { Issue.record("no documents list"); return }
        #expect(Set(list.compactMap { $0["path"]?.stringValue }) == ["one.txt", "sub/two.txt"])
        guard case .array(let jobs)? = try client.call("jobs").result?["jobs"], let first = jobs.first else { Issue.record("no jobs"); return }
        #expect(jobs.count == 2)
        let job = try client.call("job", .object(["id": first["id"] ?? .null]))
        #expect(job.result?["path"] == first["path"])
        #expect(try client.call("job", .object(["id": .number(999_999)])).error?.code == -32004)
        // Issue 19: numbers beyond Int64 once trapped the daemon; now they are refused and it answers on.
        #expect(try client.call("job", .object(["id": .number(1e19)])).error?.code == -32602)
        #expect(try client.call("jobs", .object(["limit": .number(-1e300)])).error?.code == -32602)
        #expect(try client.call("jobs", .object(["limit": .number(1e19)])).error?.code == -32602)
        #expect(try client.call("status").result?["protocol"] == .number(Double(ControlProtocol.version)))
        let metrics = try client.call("metrics").result?["text"]?.stringValue ?? ""
        #expect(metrics.contains("bindery_jobs_total{outcome=\"published\"} 2"))
        #expect(metrics.contains("bindery_job_duration_seconds_count 2"))
        #expect(try client.call("pause").result?["paused"] == .bool(true))
        #expect(try client.call("status").result?["paused"] == .bool(true))
        #expect(try client.call("resume").result?["paused"] == .bool(false))
        #expect(try client.call("rescan").result?["rescanning"] == .bool(true))
        #expect(try client.call("reload").result?["reloading"] == .bool(true))
        #expect(try client.call("teleport").error?.code == -32601)
    }

    @Test("every ControlMethod is answered by the daemon, with its typed result")
    func everyMethod() async throws {
        let (daemon, socket) = try await started()
        defer { daemon.stop(); daemon.tearDown() }
        let firstJob = try ControlClient(socketPath: socket).call(.jobs).decodeResult(as: JobsResult.self).jobs.first?.id ?? 1
        for method in ControlMethod.allCases {
            let client = try ControlClient(socketPath: socket)
            let response: ControlResponse
            let decodes: (ControlResponse) -> Bool
            func typed<Result: Decodable>(_ type: Result.Type) -> (ControlResponse) -> Bool { { (try? $0.decodeResult(as: type)) != nil } }
            // Exhaustive: a new method fails to compile here until it is tested.
            switch method {
            case .status: response = try client.call(method); decodes = typed(StatusResult.self)
            case .documents: response = try client.call(method, ControlParams.Documents(state: nil)); decodes = typed(DocumentsResult.self)
            case .jobs: response = try client.call(method, ControlParams.Jobs()); decodes = typed(JobsResult.self)
            case .job: response = try client.call(method, ControlParams.Job(id: firstJob)); decodes = typed(JobSummary.self)
            case .submit: response = try client.call(method, ControlParams.Path(path: "one.txt")); decodes = typed(SubmitResult.self)
            case .cancel: response = try client.call(method, ControlParams.Path(path: "one.txt")); decodes = typed(CancelResult.self)
            case .rescan: response = try client.call(method); decodes = typed(RescanResult.self)
            case .pause, .resume: response = try client.call(method); decodes = typed(PausedResult.self)
            case .reload: response = try client.call(method); decodes = typed(ReloadResult.self)
            case .metrics: response = try client.call(method); decodes = typed(MetricsResult.self)
            case .events: response = try client.call(method); decodes = typed(EventsResult.self)
            }
            #expect(response.error?.code != -32601, "\(method.rawValue) is not handled")
            #expect(response.error == nil, "\(method.rawValue): \(response.error?.message ?? "")")
            #expect(decodes(response), "\(method.rawValue) did not answer with its typed result")
        }
    }

    @Test("submit: a corpus file is converted at request priority; paths outside the corpus are refused")
    func submit() async throws {
        let (daemon, socket) = try await started()
        defer { daemon.stop(); daemon.tearDown() }
        let client = try ControlClient(socketPath: socket)
        let ok = try client.call("submit", .object(["path": .string("one.txt")]))
        #expect(ok.result?["path"]?.stringValue == "one.txt")
        #expect(try client.call("submit", .object(["path": .string(daemon.corpus.appendingPathComponent("sub/two.txt").path)])).result?["path"]?.stringValue == "sub/two.txt")
        let outside = daemon.directory.path("outside.txt")
        try "Secret\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: daemon.corpus.appendingPathComponent("link.txt"), withDestinationURL: outside)
        for path in ["../outside.txt", outside.path, "link.txt", "/etc/passwd", "sub/../../outside.txt"] {
            #expect(try client.call("submit", .object(["path": .string(path)])).error?.code == -32003, "\(path) was not refused")
        }
        #expect(try client.call("submit", .object(["path": .string("missing.txt")])).error?.code == -32004)
        #expect(try client.call("submit").error?.code == -32602)
        #expect(!FileManager.default.fileExists(atPath: daemon.out.appendingPathComponent("link.epub").path))
    }

    @Test("an events subscriber sees an edit end to end; a malformed client does not disturb it")
    func events() async throws {
        let (daemon, socket) = try await started()
        defer { daemon.stop(); daemon.tearDown() }
        let subscriber = try ControlClient(socketPath: socket, timeout: 30)
        #expect(try subscriber.call("events").result?["subscribed"] == .bool(true))
        let rude = try ControlClient(socketPath: socket)
        try rude.sendRaw(Array("{\"id\": 1, \"method\"\n".utf8))
        #expect(try JSONDecoder().decode(ControlResponse.self, from: Data(try rude.readLine())).error?.code == -32700)
        try daemon.write("A Title\n\nAn edited paragraph.\n", to: "one.txt")
        // Events of the start-up backlog may still arrive first: read until the edit's own event.
        var event: JSONValue?
        for _ in 0..<20 {
            let line = try subscriber.readLine()
            let candidate = try JSONDecoder().decode([String: JSONValue].self, from: Data(line))["event"]
            if candidate?["path"]?.stringValue == "one.txt", candidate?["trigger"]?.stringValue == "event" {
                event = candidate
                break
            }
        }
        #expect(event?["type"]?.stringValue == "job.published")
        #expect(event?["time"]?.stringValue?.isEmpty == false)
    }

    @Test("the CLI talks to the daemon, and says clearly when none answers")
    func cli() async throws {
        let (daemon, socket) = try await started()
        defer { daemon.stop(); daemon.tearDown() }
        let binary = try BinderyBinary.locate()
        let status = try Validators.run(binary, ["status", "--socket", socket])
        #expect(status.status == 0)
        #expect(status.output.contains("protocol: 1"))
        let json = try Validators.run(binary, ["documents", "--socket", socket, "--json"])
        #expect(json.output.contains("\"sub/two.txt\""))
        let submit = try Validators.run(binary, ["submit", "one.txt", "--wait", "--socket", socket])
        #expect(submit.status == 0, "\(submit.output)")
        #expect(submit.output.contains("job.up-to-date one.txt"), "an unchanged source needs no conversion")
        let metrics = try Validators.run(binary, ["metrics", "--socket", socket])
        #expect(metrics.output.contains("# TYPE bindery_jobs_total counter"))
        let none = try Validators.run(binary, ["status", "--socket", daemon.directory.path("nothing.sock").path])
        #expect(none.status == 69, "no daemon: EX_UNAVAILABLE, apart from a bad configuration's 2")
        #expect(none.output.contains("no daemon answers at"))
    }
}
