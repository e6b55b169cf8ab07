import BinderyTestSupport
@testable import BinderyArchive
import Foundation
import Testing

@Suite("Deterministic ZIP archives", .serialized)
struct ZipArchiveTests {
    private func sample(modified: Date = Date(timeIntervalSince1970: 1_700_000_000)) -> ZipArchiveWriter {
        var zip = ZipArchiveWriter(modified: modified)
        zip.add("mimetype", text: "application/epub+zip", compression: .store)
        zip.add("EPUB/text/ch001.xhtml", text: String(repeating: "<p>Text</p>\n", count: 200))
        zip.add("EPUB/empty.txt", [])
        return zip
    }

    @Test("entries come back in order with their bytes; the first is stored uncompressed")
    func roundTrip() throws {
        let reader = try ZipArchiveReader(try sample().archive())
        #expect(reader.entries.map(\.path) == ["mimetype", "EPUB/text/ch001.xhtml", "EPUB/empty.txt"])
        #expect(reader["mimetype"]?.isStored == true)
        #expect(reader["EPUB/text/ch001.xhtml"]?.isStored == false)
        #expect(reader["EPUB/text/ch001.xhtml"]?.bytes == Array(String(repeating: "<p>Text</p>\n", count: 200).utf8))
        #expect(reader["EPUB/empty.txt"]?.bytes == [])
    }

    @Test("the mimetype entry sits at offset 0 with its name and content readable in the clear (OCF rule)")
    func mimetypeFirst() throws {
        let bytes = try sample().archive()
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8, extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        #expect(extraLength == 0)
        #expect(String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self) == "mimetype")
        let start = 30 + nameLength
        #expect(String(decoding: bytes[start..<(start + 20)], as: UTF8.self) == "application/epub+zip")
    }

    @Test("the same entries give the same bytes")
    func reproducible() throws {
        #expect(try sample().archive() == sample().archive())
    }

    @Test("the time zone does not change the bytes")
    func timeZoneIndependent() throws {
        let before = try sample().archive()
        setenv("TZ", "Pacific/Kiritimati", 1)
        tzset()
        defer { unsetenv("TZ"); tzset() }
        #expect(try sample().archive() == before)
    }

    @Test("a different time gives different bytes")
    func timeIsRecorded() throws {
        #expect(try sample().archive() != sample(modified: Date(timeIntervalSince1970: 1_600_000_000)).archive())
    }

    @Test("DOS time fields are computed in UTC", arguments: [
        (0.0, UInt16(0), UInt16(1 << 5 | 1)),  // before 1980: clamped to 1980-01-01
        (1_700_000_000.0, UInt16(22 << 11 | 13 << 5 | 10), UInt16(43 << 9 | 11 << 5 | 14)),  // 2023-11-14 22:13:20Z
    ])
    func dosTime(seconds: Double, time: UInt16, date: UInt16) {
        let stamp = DOSTime.components(of: Date(timeIntervalSince1970: seconds))
        #expect(stamp.date == date)
        if seconds > 0 { #expect(stamp.time == time) }
    }

    @Test("every local and central header carries the UTC DOS stamp")
    func headersStamped() throws {
        let bytes = try sample().archive()
        let (time, date) = DOSTime.components(of: Date(timeIntervalSince1970: 1_700_000_000))
        var locals = 0, centrals = 0
        for offset in 0..<(bytes.count - 16) {
            let signature = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            let field = signature == 0x0403_4B50 ? offset + 10 : signature == 0x0201_4B50 ? offset + 12 : nil
            guard let field else { continue }
            #expect(UInt16(bytes[field]) | UInt16(bytes[field + 1]) << 8 == time)
            #expect(UInt16(bytes[field + 2]) | UInt16(bytes[field + 3]) << 8 == date)
            if signature == 0x0403_4B50 { locals += 1 } else { centrals += 1 }
        }
        #expect(locals == 3 && centrals == 3)
    }

    @Test("large, small and empty deflated entries round-trip byte for byte; the large one is method 8 as libdeflate made it")
    func deflatedEntries() throws {
        let large = Self.variedText(bytes: 300_000), small = Array("<p>short</p>".utf8)
        var zip = ZipArchiveWriter(modified: Date(timeIntervalSince1970: 1_700_000_000), deflateLevel: 2)
        zip.add("large.txt", large)
        zip.add("small.xhtml", small)
        zip.add("empty.txt", [])
        let bytes = try zip.archive()
        let reader = try ZipArchiveReader(bytes)
        #expect(reader.entries.map(\.path) == ["large.txt", "small.xhtml", "empty.txt"])
        #expect(reader["large.txt"]?.bytes == large)
        #expect(reader["small.xhtml"]?.bytes == small)
        #expect(reader["empty.txt"]?.bytes == [])
        let directory = Self.centralDirectory(bytes)
        let entry = try #require(directory["large.txt"])
        #expect(entry.method == 8 && entry.size == large.count)
        // libzip copied the stream as it was given: no recompression, the CRC from our stat.
        #expect(entry.compressedSize == Deflater(level: 2)?.compress(large)?.count)
        #expect(entry.crc == Deflater.crc32(large))
        #expect(entry.compressedSize < large.count / 2)
        #expect(directory["empty.txt"]?.method == 0)
        #expect(try zip.archive() == bytes)
    }

    @Test("an entry that does not compress is stored and round-trips")
    func incompressibleStored() throws {
        var generator = SeededGenerator(seed: 7)
        let noise = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var zip = ZipArchiveWriter(modified: Date(timeIntervalSince1970: 1_700_000_000))
        zip.add("noise.bin", noise)
        let bytes = try zip.archive()
        let reader = try ZipArchiveReader(bytes)
        #expect(reader["noise.bin"]?.bytes == noise)
        #expect(reader["noise.bin"]?.isStored == true)
        #expect(Self.centralDirectory(bytes)["noise.bin"]?.compressedSize == noise.count)
    }

    /// Deterministic prose-like text of about `bytes` bytes: words drawn from a small vocabulary.
    private static func variedText(bytes: Int) -> [UInt8] {
        let words = ["the", "binding", "of", "a", "chapter", "page", "¬", "running", "head", "note", "Ænéas", "and",
                     "1848", "printed", "quire", "leaf", "margin", "—", "ink", "sewn", "boards", "title", "colophon"]
        var generator = SeededGenerator(seed: 42)
        var text = ""
        while text.utf8.count < bytes {
            text += words.randomElement(using: &generator)!
            text += Int.random(in: 0..<12, using: &generator) == 0 ? ".\n" : " "
        }
        return Array(text.utf8)
    }

    /// The central directory's method, sizes and CRC of each entry, by name.
    private static func centralDirectory(_ bytes: [UInt8]) -> [String: (method: Int, compressedSize: Int, size: Int, crc: UInt32)] {
        func read(_ offset: Int, _ width: Int) -> Int { (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        let end = bytes.count - 22
        var offset = read(end + 16, 4), entries: [String: (method: Int, compressedSize: Int, size: Int, crc: UInt32)] = [:]
        for _ in 0..<read(end + 10, 2) {
            let nameLength = read(offset + 28, 2)
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            entries[name] = (read(offset + 10, 2), read(offset + 20, 4), read(offset + 24, 4), UInt32(read(offset + 16, 4)))
            offset += 46 + nameLength + read(offset + 30, 2) + read(offset + 32, 2)
        }
        return entries
    }

    @Test("garbage is not an archive")
    func invalid() {
        #expect(throws: ArchiveError.self) { try ZipArchiveReader(Array("not a zip".utf8)) }
    }
}
