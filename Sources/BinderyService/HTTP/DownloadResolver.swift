import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the file behind `/books/ID/KIND` through the state store: the URL only picks a document and a
/// format; the file's path is the one its output record holds, and it must resolve (links followed) to a
/// regular file inside the output directory. Anything else is not found.
struct DownloadResolver: Sendable {
    let store: any StateRecords
    let out: URL

    /// The file, opened once: its size comes from `fstat` on that descriptor and its bytes are read from
    /// it, so a book republished (renamed over) mid-download is still sent whole, as it was when opened,
    /// with the Content-Length it had. The descriptor is closed with the last reference.
    final class File: Sendable {
        let descriptor: Int32
        let size: Int
        /// The name offered to save it as (`book.epub`).
        let name: String
        let kind: DownloadKind

        init(descriptor: Int32, size: Int, name: String, kind: DownloadKind) {
            (self.descriptor, self.size, self.name, self.kind) = (descriptor, size, name, kind)
        }

        deinit { close(descriptor) }

        /// Up to `count` bytes from `offset` (fewer only at the end of the file); nil on a read error.
        func read(at offset: Int, count: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(offset + filled)) }
                if n < 0, errno == EINTR { continue }
                guard n >= 0 else { return nil }
                if n == 0 { break }
                filled += n
            }
            return Array(bytes.prefix(filled))
        }
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
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        let descriptor = open(resolved, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return nil
        }
        return File(descriptor: descriptor, size: Int(info.st_size), name: String(components.last ?? ""), kind: kind)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
