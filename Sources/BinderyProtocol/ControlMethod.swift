/// Every method of the control protocol; the raw value is its name on the wire. The daemon's handler
/// switches over it, so a new case does not compile until the daemon answers it.
public enum ControlMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// → `StatusResult`.
    case status
    /// `ControlParams.Documents` → `DocumentsResult`.
    case documents
    /// `ControlParams.Jobs` → `JobsResult`.
    case jobs
    /// `ControlParams.Job` → `JobSummary`.
    case job
    /// `ControlParams.Path` → `SubmitResult`.
    case submit
    /// `ControlParams.Path` → `CancelResult`.
    case cancel
    /// → `RescanResult`.
    case rescan
    /// → `PausedResult`.
    case pause
    /// → `PausedResult`.
    case resume
    /// → `ReloadResult`.
    case reload
    /// → `MetricsResult`.
    case metrics
    /// → `EventsResult`, then one `ControlEvent` line per event.
    case events
}
