import BinderyConversion
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Pipeline {
    /// The plan of a deletion job: nil when the source is back (the job converts it), else `.delete` when
    /// its document is recorded and not yet deleted. The outputs are pruned (`publish.prune`) unless a
    /// namesake (`book.pdf` for `book.txt`) is there to own the same outputs now. In a directory that cannot
    /// be searched (mode 000) the source may well be there: nothing is recorded and its outputs stay.
    func planDeletion(_ path: String, settings: PipelineSettings) -> JobPlan? {
        let full = layout.url(of: path).path
        if let stamp = FileStamp(path: full), !stamp.isDirectory { return nil }
        var info = stat()
        if lstat(full, &info) != 0, errno == EACCES { return .gone }
        guard let document = try? store.document(path), document.state != .deleted else { return .gone }
        let namesake = SourceNaming.sources(ofStem: SourceNaming.stem(of: path)).contains { other in
            other != path && FileStamp(path: layout.url(of: other).path) != nil
        }
        return .delete(prune: settings.prune && !namesake)
    }

    /// Removes the outputs of `path` when `prune`, then records it deleted.
    func delete(_ path: String, prune: Bool) {
        if prune, let outputs = try? store.outputs(of: path) { publisher.remove(outputs) }
        recordDeleted(path, pruned: prune)
    }

    /// Records `path` deleted (its outputs `pruned` or kept), with its event and log line.
    func recordDeleted(_ path: String, pruned: Bool) {
        do {
            try store.recordDeleted(path, pruned: pruned)
        } catch {
            logger.error("state.error", metadata: ["path": "\(path)", "error": "\(error)"])
        }
        events(DaemonEvent(.documentDeleted, path: path))
        logger.info("document.deleted", metadata: ["path": "\(path)", "pruned": "\(pruned)"])
    }
}
