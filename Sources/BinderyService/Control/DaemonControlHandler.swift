import BinderyProtocol
import BinderyWriters
import Foundation

/// Answers the control protocol's methods from the daemon's state store and queue.
/// Every request gets exactly one reply; nothing here can convert a file outside the corpus.
struct DaemonControlHandler: Sendable {
    /// What the handler may ask of the daemon.
    struct Actions: Sendable {
        var rescan: @Sendable () -> Void
        var reload: @Sendable () -> Void
    }

    let store: StateStore
    let queue: any JobQueue
    let layout: CorpusLayout
    let corpusPath: String
    let startedAt: Date
    let actions: Actions

    func handle(_ request: ControlRequest) -> ControlServer.Reply {
        do {
            switch request.method {
            case "status": return .result(try status())
            case "documents": return .result(try documents(ControlParams.Documents(request.params)))
            case "jobs": return .result(try jobs(request.params))
            case "job": return try job(request.params)
            case "submit": return try submit(request.params)
            case "cancel": return try cancel(request.params)
            case "rescan": actions.rescan(); return .result(.object(["rescanning": .bool(true)]))
            case "pause": queue.pause(); return .result(.object(["paused": .bool(true)]))
            case "resume": queue.resume(); return .result(.object(["paused": .bool(false)]))
            case "reload": actions.reload(); return .result(.object(["reloading": .bool(true)]))
            case "metrics": return .result(.object(["text": .string(try metrics())]))
            case "events": return .subscribe(.object(["subscribed": .bool(true), "protocol": .number(Double(ControlProtocol.version))]))
            default: return .error(.unknownMethod(request.method))
            }
        } catch let error as ControlError {
            return .error(error)
        } catch {
            return .error(ControlError(code: -32603, message: "\(error)"))
        }
    }

    private func status() throws -> JSONValue {
        let counts = queue.counts
        var counted: [String: Int] = [:]
        for document in try store.documents() { counted[document.state.rawValue, default: 0] += 1 }
        let byState = counted.mapValues { JSONValue.number(Double($0)) }
        return .object([
            "protocol": .number(Double(ControlProtocol.version)), "version": .string(BinderyVersion.current),
            "uptime_seconds": .number(Date().timeIntervalSince(startedAt).rounded()), "corpus": .string(corpusPath),
            "queued": .number(Double(counts.queued)), "running": .number(Double(counts.running)), "retrying": .number(Double(counts.retrying)),
            "paused": .bool(counts.paused), "documents": .object(byState), "running_jobs": .array(queue.running.keys.sorted().map { .string($0) }),
        ])
    }

    private func metrics() throws -> String {
        let documents = try store.documents()
        let outputBytes = try documents.filter { $0.state == .published }.reduce(0) { total, document in
            total + (try store.outputs(of: document.path)).reduce(0) { $0 + $1.size }
        }
        return DaemonMetrics.prometheusText(jobs: try store.jobs(limit: 100_000), documents: documents, outputBytes: outputBytes, queue: queue.counts)
    }

    private func documents(_ params: ControlParams.Documents) throws -> JSONValue {
        let running = queue.running
        let state = params.state
        let list = try store.documents().filter { state == nil || $0.state.rawValue == state }.map { document -> JSONValue in
            .object([
                "path": .string(document.path), "state": .string(running[document.path] != nil ? "converting" : document.state.rawValue),
                "size": .number(Double(document.size)), "sha256": .string(document.sha256), "error": document.error.map { .string($0) } ?? .null,
                "updated": .string(Self.timestamp(document.updatedAt)),
            ])
        }
        return .object(["documents": .array(list)])
    }

    private func jobs(_ raw: JSONValue?) throws -> JSONValue {
        let params = try ControlParams.Jobs(raw)
        let list = try store.jobs(limit: ControlParams.Jobs.maximumLimit).filter { params.state == nil || $0.outcome.rawValue == params.state }
            .prefix(params.limit).map(Self.json)
        return .object(["jobs": .array(Array(list))])
    }

    private func job(_ params: JSONValue?) throws -> ControlServer.Reply {
        let id = try ControlParams.Job(params).id
        guard let record = try store.job(id: id) else {
            throw ControlError(code: -32004, message: "no job \(id)")
        }
        return .result(Self.json(record))
    }

    /// Queues a corpus file at request priority; paths outside the corpus are refused.
    private func submit(_ params: JSONValue?) throws -> ControlServer.Reply {
        let path = try CorpusPathResolver(corpus: corpusPath).relativeSource(ControlParams.Path(params, method: "submit").path)
        guard FileManager.default.fileExists(atPath: layout.url(of: path).path) else {
            throw ControlError(code: -32004, message: "no such source in the corpus: \(path)")
        }
        if params?["formats"] != nil {
            throw ControlError.invalidParams("per-request formats are not supported yet; the daemon makes its configured formats")
        }
        queue.submit(path, trigger: .request)
        return .result(.object(["path": .string(path), "queued": .bool(true), "trigger": .string("request")]))
    }

    private func cancel(_ params: JSONValue?) throws -> ControlServer.Reply {
        let path = try CorpusPathResolver(corpus: corpusPath).relativeSource(ControlParams.Path(params, method: "cancel").path)
        return .result(.object(["path": .string(path), "cancelled": .bool(queue.cancel(path))]))
    }

    static func json(_ job: JobRecord) -> JSONValue {
        .object([
            "id": job.id.map { .number(Double($0)) } ?? .null, "path": .string(job.path), "trigger": .string(job.trigger),
            "state": .string(job.outcome.rawValue), "attempts": .number(Double(job.attempts)),
            "queued": .string(timestamp(job.queuedAt)), "duration_ms": .number(((job.finishedAt - job.startedAt) * 1000).rounded()),
            "error": job.error.map { .string($0) } ?? .null,
            "warnings": .array((job.warnings ?? "").split(separator: "\n").map { .string(String($0)) }),
        ])
    }

    static func timestamp(_ seconds: Double) -> String { UTCTimestamp.string(seconds) }
}
