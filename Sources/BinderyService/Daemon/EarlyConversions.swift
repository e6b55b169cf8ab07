import BinderyConversion
import Foundation

/// Conversions begun while a source's settle delay runs, kept for the job that follows the delay.
///
/// A result is handed only to a job that found the file with the same `lstat` stamp and the same
/// job key (source and sidecar SHA-256, version, settings): exactly what that job would have made.
/// Any other result is dropped. A job that arrives while its conversion is still running waits for
/// it instead of converting the same bytes a second time. A conversion nobody will use (its job found
/// other bytes or nothing to do, the file was written again or deleted) is abandoned: it stops at its
/// next stage (`isAbandoned`).
package final class EarlyConversions: @unchecked Sendable {
    /// What became of the early conversions so far.
    package struct Counts: Sendable, Equatable {
        package var started = 0
        /// Taken by the job after the settle delay.
        package var used = 0
        /// Dropped: the file changed again, its job never came, or a newer conversion replaced it.
        package var dropped = 0
        /// Stopped before their end, abandoned while they ran (counted in `dropped` too).
        package var stopped = 0
    }

    private struct Entry {
        let stamp: FileStamp
        let key: String
        /// What the conversion read, for its job to take instead of reading again; nil once an event came after the read began.
        var read: SourceRead?
        var result: Result<Converter.Result, ConversionError>?
        /// A job found this entry stale while it ran: drop it when it finishes.
        var orphaned = false
        var finishedAt: Date?
    }

    /// Early conversions scheduled at once (one running, one waiting): a burst of events on many
    /// files schedules no more, their jobs convert them after the delay as usual.
    private static let maximumScheduled = 2
    /// Results not taken within this time are dropped (their job was cancelled or found nothing to do).
    private static let lifetime: TimeInterval = 60
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var entries: [String: Entry] = [:]
    private var counts = Counts()
    private var scheduled = 0
    /// File events seen (`abandon`): an early read taken before the last one is not handed to a job.
    private var touches = 0
    private var stopCheckHook: (@Sendable (String) -> Void)?

    package init() {}

    /// Tests: called with the path at each of a conversion's stop checks (`isAbandoned`), before it looks;
    /// a hook that blocks holds the conversion there.
    package func onStopCheck(_ hook: (@Sendable (String) -> Void)?) {
        condition.withLock { stopCheckHook = hook }
    }

    package var snapshot: Counts { condition.withLock { counts } }

    /// Takes a place for one more early conversion; false when `maximumScheduled` are under way.
    package func reserve() -> Bool {
        condition.withLock {
            guard scheduled < Self.maximumScheduled else { return false }
            scheduled += 1
            return true
        }
    }

    /// Gives back the place `reserve` took.
    package func release() {
        condition.withLock { scheduled -= 1 }
    }

    /// True when a conversion for `path` is running now.
    package func isRunning(_ path: String) -> Bool {
        condition.withLock { entries[path].map { $0.result == nil } ?? false }
    }

    /// The count of file events so far, taken before an early read (`begin`'s `touchesBefore`).
    package var touchCount: Int { condition.withLock { touches } }

    /// Records that a conversion of `path` as `stamp` with `key` starts now; false if one is already running.
    /// Its `read` is kept for the job when no file event came since `touchesBefore` (taken before reading).
    package func begin(_ path: String, stamp: FileStamp, key: String, read: SourceRead? = nil, touchesBefore: Int? = nil) -> Bool {
        condition.withLock {
            expire(now: Date())
            if let entry = entries[path] {
                if entry.result == nil { return false }
                counts.dropped += 1
            }
            entries[path] = Entry(stamp: stamp, key: key, read: touchesBefore == touches ? read : nil)
            counts.started += 1
            return true
        }
    }

    /// True when the conversion of `path` as `stamp` with `key` will not be used: it may stop.
    package func isAbandoned(_ path: String, stamp: FileStamp, key: String) -> Bool {
        condition.withLock { stopCheckHook }?(path)
        return condition.withLock {
            guard let entry = entries[path], entry.stamp == stamp, entry.key == key else { return true }
            return entry.orphaned
        }
    }

    /// Abandons a running conversion of `path` made from another file than the one found now as `stamp`
    /// (written again during its delay, or deleted when `stamp` is nil). Called at every file event: the
    /// bytes an early conversion read before it are no longer handed to a job (a rewrite within the file
    /// system's timestamp granularity leaves the stamp as it was), which reads the source itself.
    package func abandon(_ path: String, unlessStill stamp: FileStamp?) {
        condition.withLock {
            touches += 1
            entries[path]?.read = nil
            guard let entry = entries[path], entry.result == nil, entry.stamp != stamp else { return }
            entries[path]?.orphaned = true
        }
    }

    /// Forgets every read kept for a job, when file events were lost (a rescan): a job then reads its source itself.
    package func forgetReads() {
        condition.withLock {
            touches += 1
            for path in entries.keys { entries[path]?.read = nil }
        }
    }

    /// Stores the result of the conversion `begin` announced.
    package func finish(_ path: String, _ result: Result<Converter.Result, ConversionError>) {
        condition.withLock {
            if case .failure(let error) = result, error.isStopped { counts.stopped += 1 }
            guard var entry = entries[path], entry.result == nil else { return }
            if entry.orphaned {
                entries[path] = nil
                counts.dropped += 1
            } else {
                entry.result = result
                entry.finishedAt = Date()
                entries[path] = entry
            }
            condition.broadcast()
        }
    }

    /// The read an early conversion made of `path` when the source and sidecar still have the stamps it
    /// found (and no file event came since), for its job to use instead of reading again.
    package func read(_ path: String, stamp: FileStamp, sidecarStamp: FileStamp?) -> SourceRead? {
        condition.withLock {
            guard let entry = entries[path], !entry.orphaned, let read = entry.read, read.stamp == stamp, read.sidecarStamp == sidecarStamp
            else { return nil }
            return read
        }
    }

    /// The result for a job that read `path` as `stamp` with `key`, waiting for it if it is still
    /// being made; nil (and the entry dropped) when there is none or it was made from other bytes, or
    /// when the job `shouldStop` while it waits (cancelled, superseded, overdue).
    package func take(
        _ path: String, stamp: FileStamp, key: String, shouldStop: () -> Bool = { false }
    ) -> Result<Converter.Result, ConversionError>? {
        condition.withLock {
            guard let entry = entries[path] else { return nil }
            guard entry.stamp == stamp, entry.key == key else {
                if entry.result == nil {
                    entries[path]?.orphaned = true
                } else {
                    entries[path] = nil
                    counts.dropped += 1
                }
                return nil
            }
            while entries[path]?.result == nil, entries[path] != nil {
                if shouldStop() {
                    entries[path]?.orphaned = true
                    return nil
                }
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
            }
            guard let result = entries.removeValue(forKey: path)?.result else { return nil }
            counts.used += 1
            return result
        }
    }

    /// Drops whatever is kept for `path` (its job found the file gone or its outputs up to date).
    package func drop(_ path: String) {
        condition.withLock {
            guard let entry = entries[path] else { return }
            if entry.result == nil {
                entries[path]?.orphaned = true
            } else {
                entries[path] = nil
                counts.dropped += 1
            }
        }
    }

    /// Drops finished results older than `lifetime`. Called with the lock held.
    private func expire(now: Date) {
        for (path, entry) in entries {
            if let finished = entry.finishedAt, now.timeIntervalSince(finished) > Self.lifetime {
                entries[path] = nil
                counts.dropped += 1
            }
        }
    }
}
