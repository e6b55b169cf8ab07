import BinderyConversion
import Foundation

extension Pipeline {
    /// Converts `path` now, while its settle delay runs, and keeps the result and what it read for the job
    /// after the delay (`EarlyConversions`). Plans as that job does (`plan`); does nothing unless the plan is
    /// to convert (not for a file gone, refused, unreadable or up to date) and the file did not change while read.
    package func convertEarly(_ path: String) {
        let settings = self.settings
        guard !early.isRunning(path) else { return }
        let touches = early.touchCount
        guard case .convert(let read, let key, _, _) = plan(JobTicket(path: path, trigger: .event, queuedAt: Date()), settings: settings),
              FileStamp(path: layout.url(of: path).path) == read.stamp,
              early.begin(path, stamp: read.stamp, key: key, read: read, touchesBefore: touches)
        else { return }
        let stamp = read.stamp
        let source = source(path, read, settings: settings)
        let early = self.early
        let started = ContinuousClock.now
        let result = Result { () throws(ConversionError) in
            try settings.converter.convert(source, formats: settings.formats) { early.isAbandoned(path, stamp: stamp, key: key) }
        }
        if case .success(let converted) = result { metrics.recordConversion(converted.timings, whole: ContinuousClock.now - started) }
        early.finish(path, result)
    }
}
