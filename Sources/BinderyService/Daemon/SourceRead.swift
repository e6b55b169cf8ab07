import BinderyConversion

/// One read of a source and its sidecar, with the `lstat` stamps taken before it and the source's
/// digest: what a job (or an early conversion, for the job after it) converts.
package struct SourceRead: Sendable {
    package let stamp: FileStamp
    package let sidecarStamp: FileStamp?
    package let bytes: [UInt8]
    package let sidecar: [UInt8]?
    /// Taken once: it gives the job key, the converter's `SourceInfo` and the fallback identifier.
    package let digest: ContentDigest
}
