/// What a job does, decided once by `Pipeline.plan` from one look at its source and at most one read.
enum JobPlan {
    /// The source is gone and no deletion is to be recorded (a conversion job, or nothing recorded).
    case gone
    /// The outputs are up to date (by the source's stamp, or its key), or the same failure is recorded.
    case upToDate
    /// Refused before reading (a name clash, not a regular file, too large): recorded failed.
    case refused(ServiceError, size: Int, stamp: String)
    /// The source (or its directory) could not be opened or read.
    case unreadable(SourceReader.Failure, size: Int, stamp: String)
    /// Convert `read` (its job key `key`) and publish; `stamp` is recorded when it can be trusted.
    case convert(SourceRead, key: String, stamp: String?, directory: CorpusDirectory)
    /// The source is gone and its document recorded: mark it deleted, its outputs removed when `prune`.
    case delete(prune: Bool)
}
