import BinderyConversion
import BinderyWriters
import Foundation
import Logging
import Synchronization

/// One job, start to end: plan it (`plan`: refuse, skip, delete, or read the source once and convert),
/// convert, drop the result if the job was cancelled, superseded or too slow, else publish and record.
package final class Pipeline: Sendable {
    let layout: CorpusLayout
    let publisher: Publisher
    let store: any StateRecords
    let logger: Logger
    let events: DaemonEventSink
    /// Conversion times and bytes published, for the HTTP `/metrics`.
    let metrics: LiveMetrics
    private let current: Mutex<PipelineSettings>
    /// Conversions begun during settle delays (`convertEarly`), taken by the jobs that follow.
    package let early = EarlyConversions()
    /// Sources changed less than this many seconds before their job looked are not stamped (`SourceStamp`).
    let stampTrustMargin: Double
    /// Jobs found up to date by their source's stamp, without reading it.
    private let skippedReads = Mutex(0)
    /// Reads of sources so far.
    private let reads = Mutex(0)

    package init(
        layout: CorpusLayout, publisher: Publisher, store: any StateRecords, settings: PipelineSettings, logger: Logger,
        stampTrustMargin: Double = SourceStamp.defaultTrustMargin, metrics: LiveMetrics = LiveMetrics(), events: @escaping DaemonEventSink = { _ in }
    ) {
        self.stampTrustMargin = stampTrustMargin
        self.metrics = metrics
        self.events = events
        self.layout = layout
        self.publisher = publisher
        self.store = store
        self.logger = logger
        current = Mutex(settings)
    }

    package var settings: PipelineSettings {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    /// How many jobs so far were up to date by their source's stamp, without reading it.
    package var readsSkipped: Int { skippedReads.withLock { $0 } }

    /// How many times a source was read so far (jobs and early conversions; tests).
    package var sourceReads: Int { reads.withLock { $0 } }

    package func run(_ ticket: JobTicket, token: JobToken) -> JobResult {
        let settings = self.settings
        let path = ticket.path
        var job = JobRecord(
            id: nil, path: path, trigger: ticket.trigger.rawValue, jobKey: nil, queuedAt: ticket.queuedAt.timeIntervalSince1970,
            startedAt: token.startedAt.timeIntervalSince1970, finishedAt: 0, attempts: ticket.attempt, outcome: .failed, error: nil)
        switch plan(ticket, settings: settings) {
        case .gone:
            early.drop(path)
            return .done
        case .upToDate:
            early.drop(path)
            events(DaemonEvent(.jobUpToDate, path: path, trigger: ticket.trigger.rawValue))
            return .done
        case .refused(let error, let size, let stamp):
            early.drop(path)
            return failUnlessRecorded(&job, size: size, stamp: stamp, error)
        case .unreadable(let error, let size, let stamp):
            return unreadable(error, &job, ticket, settings, size: size, stamp: stamp)
        case .delete(let prune):
            early.drop(path)
            delete(path, prune: prune)
            return .done
        case .convert(let read, let key, let stamp, let directory):
            job.jobKey = key
            return convert(read, key: key, stamp: stamp, in: directory, &job, ticket, token, settings)
        }
    }

    /// Converts what the plan read (or takes its early conversion), then publishes and records it unless the
    /// job was cancelled, superseded or too slow, or the source changed meanwhile.
    private func convert(
        _ read: SourceRead, key: String, stamp: String?, in directory: CorpusDirectory, _ job: inout JobRecord, _ ticket: JobTicket, _ token: JobToken,
        _ settings: PipelineSettings
    ) -> JobResult {
        let path = ticket.path
        let url = layout.url(of: path)
        let before = read.stamp
        let bytes = read.bytes
        let digest = read.digest
        let sha = digest.hex
        // A cancelled, superseded or overdue job stops converting between the reader's stages; the checks
        // below then record why.
        let limit = settings.queue.jobTimeoutSeconds
        let shouldStop: @Sendable () -> Bool = {
            token.isCancelled || token.isSuperseded || Date().timeIntervalSince(token.startedAt) > limit
        }
        var converted: Converter.Result?
        var convertedEarly = false
        do {
            if let made = early.take(path, stamp: before, key: key, shouldStop: shouldStop) {
                converted = try made.get()
                convertedEarly = true
            } else {
                let started = ContinuousClock.now
                converted = try settings.converter.convert(source(path, read, settings: settings), formats: settings.formats, shouldStop: shouldStop)
                if let converted { metrics.recordConversion(converted.timings, whole: ContinuousClock.now - started) }
            }
        } catch where error.isStopped {
            converted = nil
        } catch {
            return fail(&job, size: bytes.count, sha: sha, key: key, stamp: stamp, ServiceError(.conversion, error.description))
        }

        if token.isCancelled { return discard(&job, .cancelled, "cancelled") }
        if token.isSuperseded { return discard(&job, .superseded, "the source changed while it was converted") }
        if directory.stamp(url.lastPathComponent) != before {
            // Changed with no event that reached the queue (truncate(2) gives no IN_CLOSE_WRITE): look again shortly.
            _ = discard(&job, .superseded, "the source changed while it was converted")
            return .retry(after: Double(settings.queue.retryDelayMilliseconds) / 1000)
        }
        let elapsed = Date().timeIntervalSince(token.startedAt)
        guard let result = converted, elapsed <= limit else {
            let how = converted == nil ? "its conversion was stopped after \(Int(elapsed)) s" : "took \(Int(elapsed)) s"
            return fail(&job, size: bytes.count, sha: sha, key: nil, ServiceError(.timedOut, "\(path): \(how), over the limit of \(limit) s"), outcome: .timedOut)
        }

        let outputs: [OutputRecord]
        do {
            guard let published = try token.publishing({ () throws(PublishError) in try publisher.publish(result.outputs, of: path, jobKey: key) }) else {
                return discard(&job, .cancelled, "the job stopped being this node's before it published (superseded, cancelled, or its lease ran out)")
            }
            outputs = published
        } catch {
            if let delay = retryDelay(ticket, settings) {
                logger.warning("job.retry", metadata: ["path": "\(path)", "attempt": "\(ticket.attempt)", "error": "\(error.message)"])
                return .retry(after: delay)
            }
            return fail(&job, size: bytes.count, sha: sha, key: nil, ServiceError(.publish, error.message))
        }
        metrics.recordPublished(bytes: outputs.reduce(0) { $0 + $1.size })
        job.finishedAt = Date().timeIntervalSince1970
        job.outcome = .published
        let warnings = result.document.diagnostics.filter { $0.severity == .error || $0.code.hasPrefix("sidecar.") }.map(\.message)
        job.warnings = warnings.isEmpty ? nil : warnings.joined(separator: "\n")
        let book = BookMetadata(
            result.document, fallbackTitle: SourceNaming.stem(of: url.lastPathComponent), identifier: result.document.metadata.identifier ?? digest.identifier)
        let document = DocumentRecord(
            path: path, size: bytes.count, sha256: sha, jobKey: key, state: .published, error: nil, updatedAt: job.finishedAt, sourceStamp: stamp,
            metadata: book.json)
        do {
            try store.recordPublished(document, outputs: outputs, job: job)
        } catch {
            logger.error("state.error", metadata: ["path": "\(path)", "error": "\(error)"])
            // The outputs are in place; run again so that the record catches up (the rerun rewrites nothing).
            if let delay = retryDelay(ticket, settings) { return .retry(after: delay) }
        }
        events(DaemonEvent(.jobPublished, path: path, trigger: ticket.trigger.rawValue))
        logger.info("job.published", metadata: [
            "path": "\(path)", "trigger": "\(ticket.trigger.rawValue)", "attempt": "\(ticket.attempt)",
            "convertMs": "\(Int(elapsed * 1000))", "convertedEarly": "\(convertedEarly)", "sinceQueuedMs": "\(Int((job.finishedAt - job.queuedAt) * 1000))",
            "diagnostics": "\(result.document.diagnostics.count)",
        ])
        return .done
    }

    /// The bytes of the source at `path` and of its sidecar, if it has one, both reached from the corpus
    /// root without following a link (`CorpusDirectory`), now rather than when the event came.
    func read(_ path: String, limit: Int) throws(SourceReader.Failure) -> SourceFiles {
        try read(path, in: CorpusDirectory(root: layout.root.path, holding: path), limit: limit)
    }

    /// The same, in the source's directory opened already; the files the sidecar names (`SidecarResources`) are read
    /// the same way, from the corpus root without links, and left out (for the converter to report) when unreadable.
    func read(_ path: String, in directory: CorpusDirectory, limit: Int) throws(SourceReader.Failure) -> SourceFiles {
        reads.withLock { $0 += 1 }
        let url = layout.url(of: path)
        let bytes = try SourceReader.read(url.lastPathComponent, in: directory, path: url.path, limit: limit)
        let sidecarURL = layout.url(of: SourceNaming.sidecar(of: path))
        let sidecarName = sidecarURL.lastPathComponent
        let sidecar = directory.stamp(sidecarName)?.isRegularFile == true
            ? try SourceReader.read(sidecarName, in: directory, path: sidecarURL.path, limit: 1 << 20) : nil
        let resources = try SidecarResources.load(SidecarResources.paths(in: sidecar)) { (name: String) throws(SourceReader.Failure) -> [UInt8]? in
            let resource = resourcePath(name, besides: path)
            do throws(SourceReader.Failure) {
                let holder = try CorpusDirectory(root: layout.root.path, holding: resource)
                return try SourceReader.read((resource as NSString).lastPathComponent, in: holder, path: layout.url(of: resource).path,
                                             limit: SidecarResources.maximumBytes)
            } catch {
                // A failure worth retrying fails the read (the job is retried); any other leaves the file out, reported.
                if error.isTransient { throw error }
                return nil
            }
        }
        return SourceFiles(bytes: bytes, sidecar: sidecar, resources: resources)
    }

    /// The corpus path of a file a sidecar names, `name` being relative to the folder of the source at `path`.
    func resourcePath(_ name: String, besides path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// What the converter reads for `read`.
    func source(_ path: String, _ read: SourceRead, settings: PipelineSettings) -> Converter.Source {
        source(path, bytes: read.bytes, digest: read.digest, sidecar: read.sidecar, resources: read.resources, stamp: read.stamp, settings: settings)
    }

    /// What the converter reads, made by the settings' `SourceLoader` as `bindery convert` makes it: the bytes,
    /// the file name and the time of the stamp taken before reading (unless `SOURCE_DATE_EPOCH` is set).
    func source(
        _ path: String, bytes: [UInt8], digest: ContentDigest, sidecar: [UInt8]?, resources: [String: [UInt8]] = [:], stamp: FileStamp,
        settings: PipelineSettings
    ) -> Converter.Source {
        settings.loader.source(
            bytes: bytes, fileName: layout.url(of: path).lastPathComponent,
            modified: Date(timeIntervalSince1970: Double(stamp.modifiedNanoseconds) / 1e9), sidecar: sidecar, resources: resources, digest: digest)
    }

    /// True when the document was published or failed for good with these settings from a source and
    /// sidecar whose recorded stamps (`SourceStamp`) are still theirs, and its outputs are intact.
    func isUnchanged(_ path: String, stamp: String, settings: PipelineSettings) -> Bool {
        guard let (document, outputs) = try? store.documentAndOutputs(path), let document, document.sourceStamp == stamp,
              let key = document.jobKey, settings.jobKey.hasSameSettings(key)
        else { return false }
        switch document.state {
        case .failed:
            break
        case .published:
            guard !outputs.isEmpty, publisher.isIntact(outputs) else { return false }
        case .deleted:
            return false
        }
        skippedReads.withLock { $0 += 1 }
        logger.debug("job.up-to-date", metadata: ["path": "\(path)", "by": "stamp"])
        return true
    }

    /// True when this key's outputs are already published and intact (or this key already failed);
    /// records `stamp`, when there is one, for the next job's `isUnchanged`.
    func isUpToDate(_ path: String, key: String, size: Int, sha: String, stamp: String? = nil) -> Bool {
        guard let document = try? store.document(path), document.jobKey == key else { return false }
        switch document.state {
        case .failed:
            if let stamp, document.sourceStamp != stamp {
                var stamped = document
                stamped.sourceStamp = stamp
                try? store.save(stamped)
            }
            return true
        case .published, .deleted:
            guard let outputs = try? store.outputs(of: path), !outputs.isEmpty, publisher.isIntact(outputs) else { return false }
            if document.state != .published || (stamp != nil && document.sourceStamp != stamp) {
                var restored = document
                restored.state = .published
                restored.sourceStamp = stamp ?? document.sourceStamp
                restored.updatedAt = Date().timeIntervalSince1970
                try? store.save(restored)
            }
            logger.debug("job.up-to-date", metadata: ["path": "\(path)"])
            return true
        }
    }

    private func retryDelay(_ ticket: JobTicket, _ settings: PipelineSettings) -> Double? {
        guard ticket.attempt < settings.queue.retryAttempts else { return nil }
        return Double(settings.queue.retryDelayMilliseconds) / 1000 * Double(1 << (ticket.attempt - 1))
    }

    private func fail(
        _ job: inout JobRecord, size: Int, sha: String, key: String?, stamp: String? = nil, _ error: ServiceError, outcome: JobRecord.Outcome = .failed
    ) -> JobResult {
        job.finishedAt = Date().timeIntervalSince1970
        job.outcome = outcome
        job.error = error.description
        var document = (try? store.document(job.path)) ?? DocumentRecord(path: job.path, size: size, sha256: sha, jobKey: nil, state: .failed, error: nil, updatedAt: 0)
        document.size = size
        document.sha256 = sha
        document.jobKey = key
        document.sourceStamp = stamp
        document.state = .failed
        document.error = error.description
        document.updatedAt = job.finishedAt
        do {
            try store.recordUnpublished(job, document: document)
        } catch {
            logger.error("state.error", metadata: ["path": "\(job.path)", "error": "\(error)"])
        }
        events(DaemonEvent(.init(outcome), path: job.path, trigger: job.trigger, error: error.description))
        logger.error("job.failed", metadata: ["path": "\(job.path)", "code": "\(error.code.rawValue)", "error": "\(error.message)"])
        return .done
    }

    /// A source that could not be opened or read: gone (nothing to do), a transient error (retried), else a
    /// recorded failure.
    private func unreadable(
        _ error: SourceReader.Failure, _ job: inout JobRecord, _ ticket: JobTicket, _ settings: PipelineSettings, size: Int, stamp: String
    ) -> JobResult {
        if error.isMissing {
            early.drop(job.path)
            return .done
        }
        if error.isTransient, let delay = retryDelay(ticket, settings) {
            logger.warning("job.retry", metadata: ["path": "\(job.path)", "attempt": "\(ticket.attempt)", "error": "\(error.message)"])
            return .retry(after: delay)
        }
        return failUnlessRecorded(&job, size: size, stamp: stamp, ServiceError(.sourceUnreadable, error.message))
    }

    /// Records a failure found before converting (not a regular file, too large, unreadable) unless the
    /// same failure is already recorded at the source's current stamp: an unchanged bad file checked again
    /// by every rescan fails once, not once a rescan. The failure itself was found again just now.
    private func failUnlessRecorded(_ job: inout JobRecord, size: Int, stamp: String, _ error: ServiceError) -> JobResult {
        guard let document = try? store.document(job.path), document.state == .failed, document.sourceStamp == stamp,
              document.error == error.description
        else { return fail(&job, size: size, sha: "", key: nil, stamp: stamp, error) }
        early.drop(job.path)
        events(DaemonEvent(.jobUpToDate, path: job.path, trigger: job.trigger))
        logger.debug("job.up-to-date", metadata: ["path": "\(job.path)", "by": "recorded failure"])
        return .done
    }

    private func discard(_ job: inout JobRecord, _ outcome: JobRecord.Outcome, _ reason: String) -> JobResult {
        job.finishedAt = Date().timeIntervalSince1970
        job.outcome = outcome
        job.error = reason
        do {
            try store.recordUnpublished(job, document: nil)
        } catch {
            logger.error("state.error", metadata: ["path": "\(job.path)", "error": "\(error)"])
        }
        events(DaemonEvent(.init(outcome), path: job.path, trigger: job.trigger, error: reason))
        logger.info("job.\(outcome.rawValue)", metadata: ["path": "\(job.path)"])
        return .done
    }
}
