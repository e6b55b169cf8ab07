import BinderyConversion
import Foundation

extension Pipeline {
    /// Converts `path` now, while its settle delay runs, and keeps the result for the job after the
    /// delay (`EarlyConversions`). Does nothing for what the job itself would refuse or skip: a file
    /// gone or not regular, over the size limit, unreadable, changed while read, clashing with a source of the same
    /// stem (`SourceClash`), or already published.
    package func convertEarly(_ path: String) {
        let settings = self.settings
        let url = layout.url(of: path)
        guard !early.isRunning(path), let stamp = FileStamp(path: url.path), stamp.isRegularFile, stamp.size <= settings.queue.maxSourceBytes,
              let (bytes, sidecar) = try? read(path, limit: settings.queue.maxSourceBytes),
              FileStamp(path: url.path) == stamp,
              let directory = try? CorpusDirectory(root: layout.root.path, holding: path),
              SourceClash.sources(sharingStemWith: path, in: directory).count < 2
        else { return }
        let digest = ContentDigest(bytes)
        let key = settings.jobKey.key(source: digest, sidecar: sidecar)
        guard !isUpToDate(path, key: key, size: bytes.count, sha: digest.hex), early.begin(path, stamp: stamp, key: key) else { return }
        let source = source(path, bytes: bytes, digest: digest, sidecar: sidecar, stamp: stamp, settings: settings)
        let early = self.early
        let started = ContinuousClock.now
        let result = Result { () throws(ConversionError) in
            try settings.converter.convert(source, formats: settings.formats) { early.isAbandoned(path, stamp: stamp, key: key) }
        }
        if case .success(let converted) = result { metrics.recordConversion(converted.timings, whole: ContinuousClock.now - started) }
        early.finish(path, result)
    }
}
