import Foundation

/// `metrics` in the Prometheus text format, computed from the state store (so it survives restarts): job
/// counters over every recorded job, counted by the database.
enum DaemonMetrics {
    /// Upper bounds (seconds) of the job-duration histogram.
    static let buckets: [Double] = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    static func prometheusText(jobs: JobStatistics, documents: [DocumentRecord], outputBytes: Int, queue: JobQueueCounts) -> String {
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, String)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for (labels, value) in samples { lines.append("\(name)\(labels) \(value)") }
        }
        let outcomes = jobs.outcomes
        metric("bindery_jobs_total", "counter", "Jobs finished, by outcome.", outcomes.keys.sorted().map { ("{outcome=\"\($0)\"}", "\(outcomes[$0]!)") })
        var histogram = zip(buckets, jobs.durationBuckets).map { bound, count in ("{le=\"\(bound)\"}", "\(count)") }
        histogram.append(("{le=\"+Inf\"}", "\(jobs.durationCount)"))
        metric("bindery_job_duration_seconds", "histogram", "Time from start to publication of converted jobs.", [])
        for (labels, value) in histogram { lines.append("bindery_job_duration_seconds_bucket\(labels) \(value)") }
        lines.append("bindery_job_duration_seconds_sum \(jobs.durationSum)")
        lines.append("bindery_job_duration_seconds_count \(jobs.durationCount)")
        metric("bindery_queue_depth", "gauge", "Jobs waiting to run.", [("", "\(queue.queued)")])
        metric("bindery_jobs_running", "gauge", "Jobs running now.", [("", "\(queue.running)")])
        var byState: [String: Int] = [:]
        for document in documents { byState[document.state.rawValue, default: 0] += 1 }
        metric("bindery_documents", "gauge", "Documents known, by state.", byState.keys.sorted().map { ("{state=\"\($0)\"}", "\(byState[$0]!)") })
        let bytesIn = documents.filter { $0.state == .published }.reduce(0) { $0 + $1.size }
        metric("bindery_source_bytes", "gauge", "Bytes of the sources whose outputs are published.", [("", "\(bytesIn)")])
        metric("bindery_output_bytes", "gauge", "Bytes of the published outputs.", [("", "\(outputBytes)")])
        return lines.joined(separator: "\n") + "\n"
    }
}
