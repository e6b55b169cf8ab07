import BinderyConversion

/// One read of a source and its sidecar, with the `lstat` stamps taken before it and the source's
/// digest: what a job (or an early conversion, for the job after it) converts.
package struct SourceRead: Sendable {
    package let stamp: FileStamp
    package let sidecarStamp: FileStamp?
    package let files: SourceFiles
    /// Taken once: it gives the job key, the converter's `SourceInfo` and the fallback identifier.
    package let digest: ContentDigest

    package init(stamp: FileStamp, sidecarStamp: FileStamp?, files: SourceFiles) {
        self.stamp = stamp
        self.sidecarStamp = sidecarStamp
        self.files = files
        digest = ContentDigest(files.bytes)
    }

    package var bytes: [UInt8] { files.bytes }
    package var sidecar: [UInt8]? { files.sidecar }
    package var resources: [String: [UInt8]] { files.resources }
}

/// The bytes of a source, of its sidecar and of the files the sidecar names (by the paths it gives,
/// `SidecarResources`), as `Pipeline.read` found them.
package struct SourceFiles: Sendable {
    package let bytes: [UInt8]
    package let sidecar: [UInt8]?
    package let resources: [String: [UInt8]]
}
