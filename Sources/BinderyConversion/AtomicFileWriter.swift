import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see the old bytes or the new ones, never a part: temp file in the
/// target directory, fsync, rename, fsync of the directory. `stage` and `commit` split the two
/// halves so that a caller can stage several files and rename none unless all were written.
public enum AtomicFileWriter {
    public static func write(_ bytes: [UInt8], to url: URL, mode: mode_t = 0o644) throws(PublishError) {
        let staged = try stage(bytes, for: url, mode: mode)
        try commit(staged, to: url)
        syncDirectory(url.deletingLastPathComponent())
    }

    /// Writes and fsyncs `bytes` to a new temp file (`.NAME.tmp-N`) beside `url`; returns its URL.
    /// On failure nothing is left behind.
    public static func stage(_ bytes: [UInt8], for url: URL, mode: mode_t = 0o644) throws(PublishError) -> URL {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: url.path, "cannot create the directory \(directory.path): \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UInt32.random(in: .min ... .max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw PublishError(path: url.path, "cannot create \(temporary.path): \(errnoText())") }
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { buffer -> String? in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return "cannot write \(temporary.path): \(errnoText())"
                }
                written += result
            }
            return fsync(descriptor) == 0 ? nil : "cannot fsync \(temporary.path): \(errnoText())"
        }
        if close(descriptor) != 0, failure == nil {
            let message = errnoText()
            unlink(temporary.path)
            throw PublishError(path: url.path, "cannot close \(temporary.path): \(message)")
        }
        if let failure {
            unlink(temporary.path)
            throw PublishError(path: url.path, failure)
        }
        return temporary
    }

    /// Renames a staged temp file onto `url` (removing the temp file if that fails).
    public static func commit(_ staged: URL, to url: URL) throws(PublishError) {
        guard rename(staged.path, url.path) == 0 else {
            let message = errnoText()
            unlink(staged.path)
            throw PublishError(path: url.path, "cannot rename into place: \(message)")
        }
    }

    /// Makes renames in `directory` durable.
    public static func syncDirectory(_ directory: URL) {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// An output could not be published; the previous file at `path`, if any, is untouched.
public struct PublishError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { message }
}
