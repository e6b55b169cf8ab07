import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the file behind `/books/ID/KIND` through the state store: the URL only picks a document and a
/// format; the file's path is the one its output record holds, and it must resolve (links followed) to a
/// regular file inside the output directory. Anything else is not found.
struct DownloadResolver: Sendable {
    let store: StateStore
    let out: URL

    struct File: Sendable {
        let path: String
        let size: Int
        /// The name offered to save it as (`book.epub`).
        let name: String
        let kind: DownloadKind
    }

    func file(id: String, kind name: String) -> File? {
        guard id.count == 16, id.allSatisfy({ $0.isHexDigit && !$0.isUppercase }), let kind = DownloadKind(rawValue: name),
              let documents = try? store.documents(),
              let document = documents.first(where: { LibraryEntry.id(of: $0.path) == id }),
              let record = try? store.outputs(of: document.path).first(where: { $0.format == kind.format.rawValue })
        else { return nil }
        let components = record.path.split(separator: "/", omittingEmptySubsequences: false)
        guard !record.path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              let root = Self.realPath(out.path), let resolved = Self.realPath(out.appendingPathComponent(record.path).path),
              resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        else { return nil }
        var info = stat()
        guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return File(path: resolved, size: Int(info.st_size), name: String(components.last ?? ""), kind: kind)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
