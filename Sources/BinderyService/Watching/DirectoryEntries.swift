#if canImport(Glibc)
import Glibc
#endif

/// The names in one directory as the kernel stores them (bytes), via `readdir`: Foundation's
/// listing silently drops names that are not valid UTF-8, and those must be reported, not lost.
package enum DirectoryEntries {
    package struct Entry: Sendable {
        /// The name, when it is valid UTF-8.
        package var name: String?
        package var bytes: [UInt8]
        /// The name for messages: valid UTF-8 as is, every other byte as `\xNN`.
        package var displayName: String { name ?? DirectoryEntries.escaped(bytes) }
    }

    /// A directory that cannot be listed, with `errno` (EACCES for a mode-000 directory).
    package struct Failure: Error, Sendable {
        package var code: Int32
        package var reason: String { String(cString: strerror(code)) }
    }

    /// Every entry but `.` and `..`.
    package static func list(_ path: String) throws(Failure) -> [Entry] {
        guard let directory = opendir(path) else { throw Failure(code: errno) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: &entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            entries.append(Entry(name: String(validating: bytes, as: UTF8.self), bytes: bytes))
        }
        return entries
    }

    /// `caf\xE9.txt` for the Latin-1 bytes of "café.txt": valid sequences kept, other bytes escaped.
    package static func escaped(_ bytes: [UInt8]) -> String {
        var result = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            if length > 0, index + length <= bytes.count, let valid = String(validating: bytes[index..<index + length], as: UTF8.self) {
                result += valid
                index += length
            } else {
                result += "\\x" + String(lead, radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
