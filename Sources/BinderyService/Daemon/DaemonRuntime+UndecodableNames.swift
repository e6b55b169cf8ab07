import Foundation

/// Entries whose names are not valid UTF-8 cannot be opened through the daemon's (String) paths, and
/// Foundation's listings drop them silently. Each such source (or directory) becomes a failed
/// document under its escaped name (`caf\xE9.txt`), recorded once, and is marked deleted when it is
/// gone (renamed to a valid name, or removed). Runs on `control`.
extension DaemonRuntime {
    /// Records the undecodable names `found` below `directory` (only directly in it unless `recursive`).
    func reconcileUndecodable(_ found: Set<String>, in directory: String, recursive: Bool) {
        let recorded = ((try? store.documents()) ?? []).filter {
            $0.state == .failed && $0.error?.hasSuffix("[\(ServiceError.Code.sourceName.rawValue)]") == true
        }
        let recordedPaths = Set(recorded.map(\.path))
        for path in found.sorted() where !recordedPaths.contains(path) { recordUndecodable(path) }
        for document in recorded where !found.contains(document.path) && Self.path(document.path, isIn: directory, recursive: recursive) {
            clearListingFailure(document.path)
        }
    }

    /// Marks a failure `recordListingFailure` recorded as deleted: what the listing found is readable or gone now.
    func clearListingFailure(_ path: String) {
        pipeline.recordDeleted(path, pruned: false)
    }

    private func recordUndecodable(_ path: String) {
        let what = path.hasSuffix("/") ? "the directory name" : "the file name"
        recordListingFailure(path, ServiceError(.sourceName, "\(path): \(what) is not valid UTF-8 (shown here with \\xNN for its bad bytes); rename it to convert it"))
    }

    /// Records a failed document (and its job) for what a listing found and cannot convert.
    func recordListingFailure(_ path: String, _ error: ServiceError) {
        let now = Date().timeIntervalSince1970
        let job = JobRecord(id: nil, path: path, trigger: JobTrigger.event.rawValue, jobKey: nil, queuedAt: now, startedAt: now,
                            finishedAt: now, attempts: 1, outcome: .failed, error: error.description)
        let document = DocumentRecord(path: path, size: 0, sha256: "", jobKey: nil, state: .failed, error: error.description, updatedAt: now)
        do {
            try store.recordUnpublished(job, document: document)
        } catch {
            logger.error("state.error", metadata: ["path": "\(path)", "error": "\(error)"])
        }
        emit(DaemonEvent(.jobFailed, path: path, trigger: job.trigger, error: error.description))
        logger.error("job.failed", metadata: ["path": "\(path)", "code": "\(error.code.rawValue)", "error": "\(error.message)"])
    }

    /// True when `path` (a directory's ends in `/`) lies in `directory`, or below it when `recursive`.
    private static func path(_ path: String, isIn directory: String, recursive: Bool) -> Bool {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let parent = trimmed.split(separator: "/").dropLast().joined(separator: "/")
        return recursive ? directory.isEmpty || parent == directory || parent.hasPrefix(directory + "/") : parent == directory
    }
}
