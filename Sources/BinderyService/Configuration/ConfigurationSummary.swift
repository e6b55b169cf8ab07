/// The effective configuration as `key: value` lines, as `bindery check-config` prints it.
public struct ConfigurationSummary: Sendable {
    public let text: String

    public init(_ configuration: DaemonConfiguration) {
        let c = configuration
        let lines = [
            "configuration: \(c.sourceFile?.path ?? "(built-in defaults)") is valid",
            "corpus: \(c.paths.corpus.path)",
            "out: \(c.paths.out.path)",
            "state: \(c.paths.state.path)",
            "runtime: \(c.paths.runtime.path)",
            "formats: [\(c.formats.map(\.rawValue).joined(separator: ", "))]",
            "proof: \(c.proof)",
            "templates: [\(c.templateDirectories.map(\.path).joined(separator: ", "))]",
            "log_level: \(c.logLevel)",
            "watch.settle_ms: \(c.watch.settleMilliseconds)",
            "watch.poll_seconds: \(c.watch.pollSeconds)",
            "watch.early_start: \(c.watch.earlyStart)",
            "watch.output_audit_seconds: \(c.watch.outputAuditSeconds)",
            "queue.parallelism: \(c.queue.parallelism) (effective \(c.queue.effectiveParallelism))",
            "queue.max_source_bytes: \(c.queue.maxSourceBytes)",
            "queue.job_timeout_seconds: \(c.queue.jobTimeoutSeconds)",
            "queue.retry_attempts: \(c.queue.retryAttempts)",
            "queue.retry_delay_ms: \(c.queue.retryDelayMilliseconds)",
            "queue.url: \(c.queue.url.map(PostgresURL.redacted) ?? "(none: embedded SQLite and in-process queue)")",
            "queue.lease_seconds: \(c.queue.leaseSeconds)",
            "publish.prune: \(c.publish.prune)",
            "lifecycle.grace_seconds: \(c.lifecycle.graceSeconds)",
            "http.listen: \(c.http.listen.isEmpty ? "(off)" : c.http.listen)",
            "http.max_connections: \(c.http.maxConnections)",
            "http.idle_timeout_seconds: \(c.http.idleTimeoutSeconds)",
            "http.page_size: \(c.http.pageSize)",
            "reader.typography: \(c.reader.typography)",
            "reader.maximum_bytes: \(c.reader.maximumBytes)",
            "writer.epub_split_level: \(c.writer.epubSplitLevel)",
            "writer.epub_notes: \(c.writer.epubNotes.rawValue)",
            "writer.text_wrap_width: \(c.writer.textWrapWidth)",
            "writer.publisher: \(c.writer.publisher)",
            "writer.licence: \(c.writer.licence)",
        ]
        text = lines.joined(separator: "\n")
    }
}
