import CLibZip
import Foundation

/// Reads the entries of a ZIP archive held in memory (libzip): for checks and the EPUB text view.
public struct ZipArchiveReader: Sendable {
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var bytes: [UInt8]
        public var isStored: Bool
    }

    public private(set) var entries: [Entry] = []

    public init(_ archive: [UInt8]) throws(ArchiveError) {
        var error = zip_error_t()
        zip_error_init(&error)
        let copy = malloc(max(1, archive.count))!
        archive.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(archive.count), 1, &error) else {
            free(copy)
            throw ArchiveError("cannot read the archive: \(String(cString: zip_error_strerror(&error)))")
        }
        guard let zip = zip_open_from_source(source, Int32(ZIP_RDONLY | ZIP_CHECKCONS), &error) else {
            zip_source_free(source)
            throw ArchiveError("not a valid ZIP archive: \(String(cString: zip_error_strerror(&error)))")
        }
        defer { zip_close(zip) }
        let count = zip_get_num_entries(zip, 0)
        for index in 0..<UInt64(max(0, count)) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(zip, index, 0, &stat) == 0, let name = stat.name else { throw ArchiveError("cannot stat entry \(index)") }
            guard let file = zip_fopen_index(zip, index, 0) else { throw ArchiveError("cannot open entry \(String(cString: name))") }
            var bytes = [UInt8](repeating: 0, count: Int(stat.size))
            let read = bytes.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, stat.size) }
            zip_fclose(file)
            guard read == Int64(stat.size) else { throw ArchiveError("cannot read entry \(String(cString: name))") }
            entries.append(Entry(path: String(cString: name), bytes: bytes, isStored: stat.comp_method == ZIP_CM_STORE))
        }
    }

    /// The entry at `path`, if any.
    public subscript(path: String) -> Entry? { entries.first { $0.path == path } }
}
