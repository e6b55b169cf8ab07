import Foundation

/// What the control socket (DESIGN §6) asks of a running daemon; each call is cheap and thread-safe.
extension Daemon {
    /// A snapshot for `status` and STATUS=.
    package struct Status: Sendable, Equatable {
        package var started: Bool
        package var queue: JobQueueCounts?
        package var documents: Int
        package var failed: Int
    }

    package var status: Status {
        guard control.sync(execute: { isStarted }) else { return Status(started: false, queue: nil, documents: 0, failed: 0) }
        let documents = (try? store.documents()) ?? []
        return Status(
            started: true, queue: queue.counts, documents: documents.filter { $0.state != .deleted }.count,
            failed: documents.filter { $0.state == .failed }.count)
    }

    /// Queues a source (relative to the corpus) at request priority: before file events and the backlog.
    package func submit(_ path: String) throws(ServiceError) {
        guard control.sync(execute: { isStarted }) else { throw ServiceError(.signal, "the daemon is still starting") }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              CorpusLayout.source(for: path) == path,
              layout.isWatchable(directory: layout.url(of: path).deletingLastPathComponent()),
              FileStamp(path: layout.url(of: path).path)?.isRegularFile == true
        else {
            throw ServiceError(.sourceUnreadable, "'\(path)' is not a source (*.txt) inside the corpus")
        }
        queue.submit(path, trigger: .request)
    }

    /// Drops the queued job for `path` and cancels the running one; false if there was neither.
    package func cancel(_ path: String) -> Bool {
        guard control.sync(execute: { isStarted }) else { return false }
        return queue.cancel(path)
    }

    package func pause() { if control.sync(execute: { isStarted }) { queue.pause() } }
    package func resume() { if control.sync(execute: { isStarted }) { queue.resume() } }
}
