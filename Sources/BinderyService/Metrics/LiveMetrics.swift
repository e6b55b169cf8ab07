import BinderyProtocol
import CoreMetrics
import Prometheus

/// The daemon's in-process metrics (swift-metrics handlers over a Prometheus registry of its own), served
/// at the HTTP `/metrics`. They start at zero with the process, as Prometheus counters do; the control
/// socket's `metrics` (`DaemonMetrics`) counts the state store's records instead.
///
/// Each runtime owns its registry and passes its factory to every metric explicitly, so the global
/// `MetricsSystem` is never bootstrapped and any number of daemons can run in one process (the tests do).
package final class LiveMetrics: Sendable {
    /// Upper bounds (seconds) of the conversion histograms: a page of text takes milliseconds, a large book seconds.
    static let secondsBuckets: [Duration] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30].map { .milliseconds(Int64($0 * 1000)) }

    package let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let queueDepth: CoreMetrics.Gauge
    private let jobsRunning: CoreMetrics.Gauge
    private let publishedBytes: CoreMetrics.Counter

    package init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.secondsBuckets
        self.factory = factory
        queueDepth = CoreMetrics.Gauge(label: "bindery_queue_depth", factory: factory)
        jobsRunning = CoreMetrics.Gauge(label: "bindery_jobs_running", factory: factory)
        publishedBytes = CoreMetrics.Counter(label: "bindery_published_bytes_total", factory: factory)
    }

    /// Counts a job's outcome (`bindery_jobs_total{outcome}`); a document's deletion is not a job.
    func count(_ event: ControlEvent.Kind) {
        let outcome: String
        switch event {
        case .jobPublished: outcome = "published"
        case .jobUpToDate: outcome = "up-to-date"
        case .jobFailed: outcome = "failed"
        case .jobSuperseded: outcome = "superseded"
        case .jobCancelled: outcome = "cancelled"
        case .jobTimedOut: outcome = "timed-out"
        case .documentDeleted: return
        }
        // The registry hands back the one counter per name and labels, so making it again is a lookup.
        CoreMetrics.Counter(label: "bindery_jobs_total", dimensions: [("outcome", outcome)], factory: factory).increment()
    }

    /// Records one conversion: each stage's wall time (`read`, then one per format; the writers run side by
    /// side) and the whole conversion's (`all`, measured on the monotonic clock, so never negative).
    func recordConversion(_ timings: [(stage: String, seconds: Double)], whole: Duration) {
        let all = Double(whole.components.seconds) + Double(whole.components.attoseconds) / 1e18
        for (stage, seconds) in timings + [("all", all)] {
            CoreMetrics.Timer(label: "bindery_conversion_seconds", dimensions: [("stage", stage)], factory: factory)
                .recordNanoseconds(Int64(seconds * 1e9))
        }
    }

    /// Adds the bytes of the outputs a job published.
    func recordPublished(bytes: Int) { publishedBytes.increment(by: bytes) }

    /// The Prometheus text exposition of every metric, with the queue's gauges read now.
    package func exposition(queue: JobQueueCounts) -> [UInt8] {
        queueDepth.record(queue.queued)
        jobsRunning.record(queue.running)
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
