import BinderyConversion
import Foundation

extension Pipeline {
    /// The one decision of a job (`JobPlan`): from the source's stamps, then, unless they settle it, from one
    /// read of the source and sidecar (or the read its early conversion made of the same stamps) and one hash.
    func plan(_ ticket: JobTicket, settings: PipelineSettings) -> JobPlan {
        let path = ticket.path
        if ticket.kind == .delete, let deletion = planDeletion(path, settings: settings) { return deletion }
        let url = layout.url(of: path)
        let checkedAt = Date()
        // Stamps and reads go through one descriptor of the source's directory, reached without links.
        let directory: CorpusDirectory
        do {
            directory = try CorpusDirectory(root: layout.root.path, holding: path)
        } catch {
            // No stamp: the path reaches no file of the corpus (a directory is a link), so the error alone is compared.
            return .unreadable(error, size: 0, stamp: "")
        }
        guard let before = directory.stamp(url.lastPathComponent) else { return .gone }
        let sidecarBefore = directory.stamp(layout.url(of: SourceNaming.sidecar(of: path)).lastPathComponent)
        let resourcesBefore = resourceStamps(path, in: directory, sidecar: sidecarBefore)
        let currentStamp = SourceStamp.text(source: before, sidecar: sidecarBefore, resources: resourcesBefore)
        let namesakes = SourceClash.sources(sharingStemWith: path, in: directory)
        guard namesakes.count < 2 else {
            return .refused(SourceClash.error(namesakes, formats: settings.formats), size: before.size, stamp: currentStamp)
        }
        guard before.isRegularFile else {
            return .refused(ServiceError(.sourceUnreadable, "\(path) is \(describe(url, before)); only regular files are read"), size: 0, stamp: currentStamp)
        }
        let limit = settings.queue.maxSourceBytes
        guard before.size <= limit else {
            return .refused(ServiceError(.sourceTooLarge, "\(path): \(before.size) bytes is over the limit of \(limit)"), size: before.size, stamp: currentStamp)
        }
        // Only the start-up backlog trusts stamps: a file event or a request is evidence of a write, which a
        // stamp taken in the middle of a long write (mtime and ctime are set as it starts) would hide.
        if ticket.trigger == .startup, isUnchanged(path, stamp: currentStamp, settings: settings) { return .upToDate }
        let stamp = SourceStamp.trusted(source: before, sidecar: sidecarBefore, resources: resourcesBefore, checkedAt: checkedAt, margin: stampTrustMargin)
        let read: SourceRead
        // (A document whose sidecar names a cover or style sheet is read again: an early read's stamps do not cover them.)
        if resourcesBefore.isEmpty, let earlyRead = early.read(path, stamp: before, sidecarStamp: sidecarBefore) {
            read = earlyRead
        } else {
            do {
                read = SourceRead(stamp: before, sidecarStamp: sidecarBefore, files: try self.read(path, in: directory, limit: limit))
            } catch {
                return .unreadable(error, size: before.size, stamp: currentStamp)
            }
        }
        let key = settings.jobKey.key(source: read.digest, sidecar: read.sidecar, resources: read.resources)
        if isUpToDate(path, key: key, size: read.bytes.count, sha: read.digest.hex, stamp: stamp) { return .upToDate }
        return .convert(read, key: key, stamp: stamp, directory: directory)
    }

    /// The `lstat` stamps of the files the sidecar names (a cover, a style sheet; nil: missing), by the paths it gives,
    /// so that a changed cover makes the document's stamps differ; none without a sidecar.
    private func resourceStamps(_ path: String, in directory: CorpusDirectory, sidecar: FileStamp?) -> [String: FileStamp?] {
        guard sidecar?.isRegularFile == true else { return [:] }
        let sidecarURL = layout.url(of: SourceNaming.sidecar(of: path))
        let bytes = try? SourceReader.read(sidecarURL.lastPathComponent, in: directory, path: sidecarURL.path, limit: 1 << 20)
        var stamps: [String: FileStamp?] = [:]
        for name in SidecarResources.paths(in: bytes) {
            let resource = resourcePath(name, besides: path)
            stamps[name] = (try? CorpusDirectory(root: layout.root.path, holding: resource))?.stamp((resource as NSString).lastPathComponent)
        }
        return stamps
    }

    /// "a symbolic link out of the corpus", "a named pipe (FIFO)", …
    private func describe(_ url: URL, _ stamp: FileStamp) -> String {
        guard stamp.isSymbolicLink else { return stamp.kindDescription }
        guard let target = realpath(url.path, nil) else {
            return errno == ELOOP ? "a symbolic link loop" : "a symbolic link to nothing"
        }
        defer { free(target) }
        let root = layout.root.resolvingSymlinksInPath().path
        let resolved = String(cString: target)
        let inside = resolved.hasPrefix(root + "/")
        return "a symbolic link \(inside ? "(links are not followed)" : "out of the corpus")"
    }
}
