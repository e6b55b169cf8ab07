/// What a watcher reports; paths are relative to the corpus.
package enum WatchEvent: Sendable, Equatable {
    /// Something happened to this source or its sidecar (written, moved in or out, deleted).
    case touched(String)
    /// A directory appeared (created or moved in): scan it.
    case directoryAppeared(String)
    /// Events were lost or a directory went away: compare the whole corpus with the state store.
    case rescan
    /// An entry whose name is not valid UTF-8 changed in this directory: list the directory again.
    case undecodableName(inDirectory: String)
}

/// Notices changes below the corpus and reports them on its own serial queue.
package protocol CorpusWatcher: Sendable {
    func start(_ handler: @escaping @Sendable (WatchEvent) -> Void) throws(ServiceError)
    func stop()
}
