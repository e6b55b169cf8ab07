import CLibZip

/// A libzip source of an entry already deflated. Its stat gives method 8 with both sizes and the CRC, so an
/// entry left at `ZIP_CM_DEFAULT` is copied into the archive as it is, without being inflated and recompressed.
final class DeflatedEntrySource {
    private let compressed: [UInt8]
    private let size: Int
    private let crc: UInt32
    private var offset = 0
    private var error = zip_error_t()

    /// The commands answered; `zip_source_make_command_bitmap` is variadic, which Swift cannot call.
    private static let supported = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
                                    ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS].reduce(zip_int64_t(0)) { $0 | 1 << zip_int64_t($1.rawValue) }

    private init(compressed: [UInt8], size: Int, crc: UInt32) {
        self.compressed = compressed
        self.size = size
        self.crc = crc
        zip_error_init(&error)
    }

    deinit { zip_error_fini(&error) }

    /// A source of `archive` giving `compressed`, the DEFLATE stream of `size` bytes whose CRC-32 is `crc`.
    /// libzip owns it (it frees it, and this object, with `ZIP_SOURCE_FREE`).
    static func make(in archive: OpaquePointer, compressed: [UInt8], size: Int, crc: UInt32) -> OpaquePointer? {
        let box = Unmanaged.passRetained(DeflatedEntrySource(compressed: compressed, size: size, crc: crc))
        let source = zip_source_function(archive, { userdata, data, length, command in
            let box = Unmanaged<DeflatedEntrySource>.fromOpaque(userdata!)
            let result = box.takeUnretainedValue().answer(command, data, Int(length))
            if command == ZIP_SOURCE_FREE { box.release() }
            return result
        }, box.toOpaque())
        if source == nil { box.release() }
        return source
    }

    private func answer(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: Int) -> zip_int64_t {
        switch command {
        case ZIP_SOURCE_OPEN:
            offset = 0
            return 0
        case ZIP_SOURCE_READ:
            let count = min(length, compressed.count - offset)
            guard count > 0, let data else { return 0 }
            compressed.withUnsafeBytes { data.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            offset += count
            return zip_int64_t(count)
        case ZIP_SOURCE_CLOSE, ZIP_SOURCE_FREE:
            return 0
        case ZIP_SOURCE_STAT:
            guard let data, length >= MemoryLayout<zip_stat_t>.size else { return fail(ZIP_ER_INVAL) }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.valid = zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD)
            stat.pointee.size = zip_uint64_t(size)
            stat.pointee.comp_size = zip_uint64_t(compressed.count)
            stat.pointee.crc = crc
            stat.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
            stat.pointee.encryption_method = zip_uint16_t(ZIP_EM_NONE)
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            guard let data else { return -1 }
            return zip_error_to_data(&error, data, zip_uint64_t(length))
        case ZIP_SOURCE_SUPPORTS:
            return Self.supported
        default:
            return fail(ZIP_ER_OPNOTSUPP)
        }
    }

    private func fail(_ code: Int32) -> zip_int64_t {
        zip_error_set(&error, code, 0)
        return -1
    }
}
