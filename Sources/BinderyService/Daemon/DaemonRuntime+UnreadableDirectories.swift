import Foundation

/// A corpus directory that cannot be listed (mode 000, no search permission) hides its documents: it
/// becomes a failed document under its path ending in `/` (`drafts/`), with the reason, recorded once,
/// and is marked deleted once it can be listed again (its documents are then converted) or is gone.
/// Runs on `control`.
extension DaemonRuntime {
    /// Records the unreadable directories `found` by a listing of `directory` (and below it); clears
    /// those recorded there before that are readable or gone now.
    func reconcileUnreadable(_ found: [String: String], in directory: String) {
        let code = "[\(ServiceError.Code.directoryUnreadable.rawValue)]"
        let recorded = ((try? store.documents()) ?? []).filter { $0.state == .failed && $0.error?.hasSuffix(code) == true }
        let recordedPaths = Set(recorded.map(\.path))
        for (path, reason) in found.sorted(by: { $0.key < $1.key }) where !recordedPaths.contains(path) {
            recordListingFailure(path, ServiceError(
                .directoryUnreadable, "\(path): cannot read the directory: \(reason); the documents in it are not converted until it can be read"))
        }
        for document in recorded where found[document.path] == nil && Self.path(document.path, isAtOrBelow: directory) {
            clearListingFailure(document.path)
        }
    }

    /// True when the directory `path` (ending in `/`; `./` is the corpus) is `directory` or lies below it.
    private static func path(_ path: String, isAtOrBelow directory: String) -> Bool {
        let trimmed = path == "./" ? "" : String(path.dropLast())
        return directory.isEmpty || trimmed == directory || trimmed.hasPrefix(directory + "/")
    }
}
