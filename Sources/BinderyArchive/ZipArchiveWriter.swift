import CLibZip
import Foundation

/// Builds a ZIP archive in memory with libzip, its entries deflated with libdeflate, deterministically: entries
/// in the order added, fixed DOS timestamps, fixed Unix permissions, no extra fields. The same entries give the same bytes.
public struct ZipArchiveWriter: Sendable {
    public enum Compression: Sendable { case store, deflate }

    public struct Entry: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var compression: Compression
    }

    public private(set) var entries: [Entry] = []
    /// The time stamped on every entry (DOS time has two-second resolution and no zone).
    public var modified: Date
    /// libdeflate level of deflated entries: 1 (fastest) to 12 (smallest); 6 is libdeflate's default.
    public var deflateLevel: Int

    public init(modified: Date, deflateLevel: Int = 6) {
        self.modified = modified
        self.deflateLevel = min(12, max(1, deflateLevel))
    }

    public mutating func add(_ path: String, _ bytes: [UInt8], compression: Compression = .deflate) {
        entries.append(Entry(path: path, bytes: bytes, compression: compression))
    }

    public mutating func add(_ path: String, text: String, compression: Compression = .deflate) {
        add(path, Array(text.utf8), compression: compression)
    }

    /// The archive's bytes.
    public func archive() throws(ArchiveError) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw ArchiveError("cannot create an in-memory archive: \(Self.message(&error))")
        }
        zip_source_keep(source)
        defer { zip_source_free(source) }
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            throw ArchiveError("cannot open the in-memory archive: \(Self.message(&error))")
        }
        guard let deflater = Deflater(level: deflateLevel) else {
            zip_discard(archive)
            throw ArchiveError("cannot allocate a DEFLATE compressor at level \(deflateLevel)")
        }
        let (time, date) = DOSTime.components(of: modified)
        for entry in entries {
            // Deflated here with libdeflate; stored when that does not make the entry smaller.
            let compressed = entry.compression == .deflate ? deflater.compress(entry.bytes) : nil
            let entrySource = if let compressed {
                DeflatedEntrySource.make(in: archive, compressed: compressed, size: entry.bytes.count, crc: Deflater.crc32(entry.bytes))
            } else {
                Self.storedSource(in: archive, entry.bytes)
            }
            guard let entrySource else {
                zip_discard(archive)
                throw ArchiveError("cannot add \(entry.path)")
            }
            let index = zip_file_add(archive, entry.path, entrySource, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(entrySource)
                let message = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw ArchiveError("cannot add \(entry.path): \(message)")
            }
            // A deflated entry keeps ZIP_CM_DEFAULT: libzip then copies the source's stream as it is.
            let stored = compressed == nil
            let attributes = zip_uint32_t(0o100644) << 16
            guard !stored || zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0) == 0,
                  zip_file_set_dostime(archive, zip_uint64_t(index), time, date, 0) == 0,
                  zip_file_set_external_attributes(archive, zip_uint64_t(index), 0, zip_uint8_t(ZIP_OPSYS_UNIX), attributes) == 0
            else {
                let message = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw ArchiveError("cannot set the attributes of \(entry.path): \(message)")
            }
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw ArchiveError("cannot finish the archive: \(message)")
        }
        var bytes = try Self.contents(of: source)
        try ZipTimestampPatch.apply(to: &bytes, time: time, date: date)
        return bytes
    }

    /// A source of `archive` over a copy of `bytes`: libzip reads it only at `zip_close`, so it gets a
    /// malloc'd copy that it frees (freep = 1). An empty entry gets no buffer (libzip would not free one).
    private static func storedSource(in archive: OpaquePointer, _ bytes: [UInt8]) -> OpaquePointer? {
        if bytes.isEmpty { return zip_source_buffer(archive, nil, 0, 0) }
        let copy = malloc(bytes.count)!
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { copy.copyMemory(from: base, byteCount: buffer.count) }
        }
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(bytes.count), 1) else {
            free(copy)
            return nil
        }
        return source
    }

    private static func contents(of source: OpaquePointer) throws(ArchiveError) -> [UInt8] {
        guard zip_source_open(source) == 0 else { throw ArchiveError("cannot reopen the archive buffer") }
        defer { zip_source_close(source) }
        zip_source_seek(source, 0, SEEK_END)
        let size = Int(zip_source_tell(source))
        zip_source_seek(source, 0, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress, zip_uint64_t(size)) }
        guard read == size else { throw ArchiveError("cannot read the archive buffer (\(read) of \(size) bytes)") }
        return bytes
    }

    private static func message(_ error: inout zip_error_t) -> String {
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }
}

/// A ZIP archive could not be built.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
