/// What a queued job is for.
package enum JobKind: String, Sendable, Codable {
    /// Convert the source and publish its outputs (nothing to do if it is gone when the job runs).
    case convert
    /// The source was found gone: record its deletion, unless it is back when the job runs (then convert it).
    case delete
}
