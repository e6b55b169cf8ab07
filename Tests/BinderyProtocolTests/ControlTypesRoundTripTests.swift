import BinderyProtocol
import Foundation
import Testing

/// Every typed request, result and event survives encode → decode, with the keys the wire has always used.
@Suite("Control protocol types")
struct ControlTypesRoundTripTests {
    static let job = JobSummary(id: 7, path: "a/b.txt", trigger: "event", state: "published", attempts: 1, queued: "2026-12-03T21:00:00Z",
                                durationMilliseconds: 12, error: nil, warnings: ["w"])

    @Test("method names are the wire's")
    func methodNames() {
        #expect(ControlMethod.allCases.map(\.rawValue) == [
            "status", "documents", "jobs", "job", "submit", "cancel", "rescan", "pause", "resume", "reload", "metrics", "events",
        ])
    }

    @Test("request params encode to what the validated readers accept, unchanged")
    func params() throws {
        let jobs = ControlParams.Jobs(limit: 5, state: "failed")
        #expect(try ControlParams.Jobs(JSONValue(encoding: jobs)) == jobs)
        #expect(try ControlParams.Jobs(JSONValue(encoding: ControlParams.Jobs())) == ControlParams.Jobs())
        let job = ControlParams.Job(id: 42)
        #expect(try ControlParams.Job(JSONValue(encoding: job)) == job)
        let documents = ControlParams.Documents(state: "published")
        #expect(try ControlParams.Documents(JSONValue(encoding: documents)) == documents)
        #expect(try ControlParams.Documents(JSONValue(encoding: ControlParams.Documents(state: nil))) == ControlParams.Documents(state: nil))
        let path = ControlParams.Path(path: "essays/one.txt")
        #expect(try ControlParams.Path(JSONValue(encoding: path), method: "submit") == path)
        #expect(try JSONValue(encoding: jobs) == .object(["limit": .number(5), "state": .string("failed")]))
    }

    @Test("results decode to what was encoded")
    func results() throws {
        try Self.roundTrip(StatusResult(protocol: 1, version: "1.0", uptimeSeconds: 3, corpus: "/c", queued: 1, running: 2, retrying: 0,
                                        paused: false, documents: ["published": 2], runningJobs: ["x.txt"]))
        try Self.roundTrip(DocumentsResult(documents: [DocumentSummary(path: "x.txt", state: "failed", size: 10, sha256: "ab", error: "bad", updated: "t"),
                                                       DocumentSummary(path: "y.txt", state: "published", size: 0, sha256: "cd", error: nil, updated: "t")]))
        try Self.roundTrip(JobsResult(jobs: [Self.job, JobSummary(id: nil, path: "p", trigger: "request", state: "failed", attempts: 2, queued: "q",
                                                                   durationMilliseconds: 0, error: "e", warnings: [])]))
        try Self.roundTrip(Self.job)
        try Self.roundTrip(SubmitResult(path: "x.txt"))
        try Self.roundTrip(CancelResult(path: "x.txt", cancelled: true))
        try Self.roundTrip(RescanResult())
        try Self.roundTrip(PausedResult(paused: true))
        try Self.roundTrip(ReloadResult())
        try Self.roundTrip(MetricsResult(text: "# HELP x\n"))
        try Self.roundTrip(EventsResult())
    }

    @Test("results keep the wire's keys; absent values are null, as before")
    func wireKeys() throws {
        let status = try JSONValue(encoding: StatusResult(protocol: 1, version: "v", uptimeSeconds: 0, corpus: "/c", queued: 0, running: 0,
                                                          retrying: 0, paused: true, documents: [:], runningJobs: []))
        #expect(status["uptime_seconds"] == .number(0) && status["running_jobs"] == .array([]) && status["protocol"] == .number(1))
        let job = try JSONValue(encoding: JobSummary(id: nil, path: "p", trigger: "t", state: "s", attempts: 1, queued: "q",
                                                     durationMilliseconds: 5, error: nil, warnings: []))
        #expect(job["id"] == .null && job["error"] == .null && job["duration_ms"] == .number(5))
        let line = ControlCodec.encodeResult(.number(3), SubmitResult(path: "a.txt"))
        #expect(String(decoding: line, as: UTF8.self) == #"{"id":3,"result":{"path":"a.txt","queued":true,"trigger":"request"}}"# + "\n")
        #expect(line == ControlCodec.encode(.success(.number(3), try JSONValue(encoding: SubmitResult(path: "a.txt")))))
    }

    @Test("every event kind travels as its wire type and back", arguments: ControlEvent.Kind.allCases)
    func events(kind: ControlEvent.Kind) throws {
        let event = ControlEvent(kind: kind, path: "a/b.txt", trigger: kind == .documentDeleted ? nil : "event",
                                 error: kind == .jobFailed ? "bad" : nil, time: "2026-12-03T21:00:00Z")
        let line = ControlCodec.encodeEvent(event)
        #expect(line.last == 0x0A)
        #expect(ControlCodec.decodeEvent(Array(line.dropLast())) == event)
        let wire = try JSONDecoder().decode([String: JSONValue].self, from: Data(line.dropLast()))["event"]
        #expect(wire?["type"] == .string(kind.rawValue))
        #expect(wire?["error"] == (kind == .jobFailed ? .string("bad") : .null))
        #expect(!(kind.isSuccess && kind.isFailure))
    }

    @Test("a request line round-trips, and lines are cut where the newline is")
    func framing() throws {
        let request = ControlRequest(id: .string("r"), method: ControlMethod.jobs.rawValue, params: try JSONValue(encoding: ControlParams.Jobs(limit: 3)))
        let line = try #require(ControlCodec.encode(request))
        var buffer = LineBuffer()
        buffer.append(line.prefix(5))
        let partial = buffer.nextLine()
        #expect(partial == nil)
        buffer.append(line.dropFirst(5) + line)
        let next = buffer.nextLine()
        let first = try #require(next)
        let decoded = try ControlCodec.decodeRequest(first).get()
        #expect(decoded == request)
        let second = buffer.nextLine(), third = buffer.nextLine()
        #expect(second == first)
        #expect(third == nil && buffer.pendingCount == 0)
    }

    private static func roundTrip<Value: Codable & Equatable>(_ value: Value) throws {
        let line = ControlCodec.encodeResult(.number(1), value)
        let response = try #require(ControlCodec.decodeResponse(Array(line.dropLast())))
        #expect(try response.decodeResult(as: Value.self) == value)
    }
}
