import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// The pieces that keep awkward names visible: escaped display names, the raw listing, log quoting.
    @Suite("Name escaping") struct NameEscaping {
        @Test("bytes that are not UTF-8 show as \\xNN, valid sequences stay", arguments: [
            (Array("plain.txt".utf8), "plain.txt"), (Array("caf".utf8) + [0xE9] + Array(".txt".utf8), "caf\\xE9.txt"),
            (Array("caf\u{E9}".utf8), "caf\u{E9}"), ([0xE2, 0x82], "\\xE2\\x82"), ([0xF8, 0x41], "\\xF8A"), ([0xC0, 0xAF], "\\xC0\\xAF"),
        ])
        func escaped(bytes: [UInt8], display: String) {
            #expect(DirectoryEntries.escaped(bytes) == display)
        }

        @Test func theListingReportsUndecodableSourcesAndDirectoriesButNotHiddenOnes() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            try directory.write("text", to: "good.txt")
            for (name, isDirectory) in [([0x62, 0xFF] + Array(".txt".utf8), false), ([0x64, 0xFE], true), ([0x2E, 0xFF] + Array(".txt".utf8), false), ([0x6E, 0xFF], false)] {
                let path = Array(directory.url.path.utf8) + [0x2F] + name + [0]
                path.withUnsafeBufferPointer { raw in
                    raw.withMemoryRebound(to: CChar.self) { path in
                        if isDirectory { _ = mkdir(path.baseAddress!, 0o755) } else { _ = close(open(path.baseAddress!, O_CREAT | O_WRONLY, 0o644)) }
                    }
                }
            }
            let listing = CorpusLayout(root: directory.url, excluding: []).listing()
            #expect(Set(listing.files.keys) == ["good.txt"])
            #expect(listing.undecodable == ["b\\xFF.txt", "d\\xFE/"])
        }

        @Test("log values stay on one line", arguments: [
            ("plain", "plain"), ("a b", "\"a b\""), ("new\nline", "\"new\\nline\""), ("car\rriage", "\"car\\rriage\""),
            ("tab\there", "\"tab\\there\""), ("bell\u{7}", "\"bell\\u{7}\""), ("line\u{2028}sep", "\"line\\u{2028}sep\""), ("caf\\xE9", "caf\\xE9"),
        ])
        func quoted(value: String, logged: String) {
            #expect(StderrLogHandler.quoted(value) == logged)
        }
    }
}
