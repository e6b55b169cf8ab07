import BinderyProtocol
import BinderyWriters
import Foundation

/// Answers the control protocol's methods from the daemon's state store and queue: one case per
/// `ControlMethod`, each returning its typed result. Every request gets exactly one reply; nothing here
/// can convert a file outside the corpus.
struct DaemonControlHandler: Sendable {
    /// What the handler may ask of the daemon.
    struct Actions: Sendable {
        var rescan: @Sendable () -> Void
        var reload: @Sendable () -> Void
    }

    let store: any StateRecords
    let queue: any JobQueue
    let layout: CorpusLayout
    let corpusPath: String
    let startedAt: Date
    /// This node's cluster, shown by `status`; nil on one machine.
    let cluster: ClusterMember?
    let actions: Actions

    func handle(_ request: ControlRequest) -> ControlServer.Reply {
        guard let method = ControlMethod(rawValue: request.method) else { return .error(.unknownMethod(request.method)) }
        do {
            switch method {
            case .status: return .result(try status())
            case .documents: return .result(try documents(ControlParams.Documents(request.params)))
            case .jobs: return .result(try jobs(ControlParams.Jobs(request.params)))
            case .job: return .result(try job(ControlParams.Job(request.params)))
            case .submit: return .result(try submit(request.params))
            case .cancel: return .result(try cancel(ControlParams.Path(request.params, method: method.rawValue)))
            case .rescan: actions.rescan(); return .result(RescanResult())
            case .pause: queue.pause(); return .result(PausedResult(paused: true))
            case .resume: queue.resume(); return .result(PausedResult(paused: false))
            case .reload: actions.reload(); return .result(ReloadResult())
            case .metrics: return .result(MetricsResult(text: try metrics()))
            case .events: return .subscribe(EventsResult())
            }
        } catch let error as ControlError {
            return .error(error)
        } catch {
            return .error(ControlError(code: -32603, message: "\(error)"))
        }
    }

    private func status() throws -> StatusResult {
        let counts = queue.counts
        var byState: [String: Int] = [:]
        for document in try store.documents() { byState[document.state.rawValue, default: 0] += 1 }
        return StatusResult(
            protocol: ControlProtocol.version, version: BinderyVersion.current,
            uptimeSeconds: Int(Date().timeIntervalSince(startedAt).rounded()), corpus: corpusPath,
            queued: counts.queued, running: counts.running, retrying: counts.retrying, paused: counts.paused,
            documents: byState, runningJobs: queue.running.keys.sorted(), cluster: try cluster?.status())
    }

    private func metrics() throws -> String {
        DaemonMetrics.prometheusText(jobs: try store.jobStatistics(buckets: DaemonMetrics.buckets), documents: try store.documents(),
                                     outputBytes: try store.publishedOutputBytes(), queue: queue.counts)
    }

    private func documents(_ params: ControlParams.Documents) throws -> DocumentsResult {
        let running = queue.running
        let list = try store.documents().filter { params.state == nil || $0.state.rawValue == params.state }.map { document in
            DocumentSummary(
                path: document.path, state: running[document.path] != nil ? "converting" : document.state.rawValue,
                size: Int64(document.size), sha256: document.sha256, error: document.error, updated: UTCTimestamp.string(document.updatedAt))
        }
        return DocumentsResult(documents: list)
    }

    private func jobs(_ params: ControlParams.Jobs) throws -> JobsResult {
        let list = try store.jobs(limit: ControlParams.Jobs.maximumLimit).filter { params.state == nil || $0.outcome.rawValue == params.state }
            .prefix(params.limit).map(\.summary)
        return JobsResult(jobs: Array(list))
    }

    private func job(_ params: ControlParams.Job) throws -> JobSummary {
        guard let record = try store.job(id: params.id) else {
            throw ControlError(code: -32004, message: "no job \(params.id)")
        }
        return record.summary
    }

    /// Queues a corpus file at request priority; paths outside the corpus are refused.
    private func submit(_ params: JSONValue?) throws -> SubmitResult {
        let path = try CorpusPathResolver(corpus: corpusPath).relativeSource(ControlParams.Path(params, method: ControlMethod.submit.rawValue).path)
        guard FileManager.default.fileExists(atPath: layout.url(of: path).path) else {
            throw ControlError(code: -32004, message: "no such source in the corpus: \(path)")
        }
        if params?["formats"] != nil {
            throw ControlError.invalidParams("per-request formats are not supported yet; the daemon makes its configured formats")
        }
        queue.submit(path, trigger: .request)
        return SubmitResult(path: path)
    }

    private func cancel(_ params: ControlParams.Path) throws -> CancelResult {
        let path = try CorpusPathResolver(corpus: corpusPath).relativeSource(params.path)
        return CancelResult(path: path, cancelled: queue.cancel(path))
    }
}

extension JobRecord {
    /// The job as the control protocol shows it.
    var summary: JobSummary {
        let milliseconds = ((finishedAt - startedAt) * 1000).rounded()
        return JobSummary(
            id: id, path: path, trigger: trigger, state: outcome.rawValue, attempts: attempts, queued: UTCTimestamp.string(queuedAt),
            durationMilliseconds: milliseconds.isFinite && abs(milliseconds) < 1e15 ? Int(milliseconds) : 0, error: error,
            warnings: (warnings ?? "").split(separator: "\n").map(String.init))
    }
}
