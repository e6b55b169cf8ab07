import BinderyProtocol
import Foundation
import Testing
@testable import BinderyService

extension Reliability {
    /// Bad documents dropped into a running corpus: each gets a clear recorded failure or a correct
    /// output, the good outputs stay, and documents dropped after them still convert.
    @Suite("Bad documents") struct BadDocuments {
        /// A file the daemon must refuse, and the words its recorded error must contain.
        private static let refused: [(name: String, bytes: @Sendable () -> [UInt8], error: String)] = [
            ("binary.txt", { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7919 % 251) } }, "not plain text"),
            ("nuls.txt", { [UInt8](repeating: 0, count: 100_000) }, "not plain text"),
            ("empty.txt", { [] }, "holds no text"),
            ("blank.txt", { [UInt8](repeating: 0x0A, count: 100_000) }, "holds no text"),
        ]

        /// A file the daemon must convert, each exercising one hard case of the reader.
        private static let converted: [(name: String, bytes: @Sendable () -> [UInt8])] = [
            ("latin1.txt", { Array("Caf".utf8) + [0xE9] + Array(" au lait\n\nA paragraph that is na".utf8) + [0xEF] + Array("ve, in Windows-1252.\n".utf8) }),
            ("utf16-bom.txt", { [0xFF, 0xFE] + utf16LE("A Title\n\nA paragraph in UTF-16 with a byte order mark, caf\u{E9}.\n") }),
            ("utf16-no-bom.txt", { utf16LE("A Title\n\nA paragraph in UTF-16 without a byte order mark, caf\u{E9}.\n") }),
            ("deeply-indented.txt", { Array((0..<3000).map { String(repeating: " ", count: $0 % 1500) + "an indented line \($0)\n" }.joined().utf8) }),
            // One 2 MB line with no newline at all: the reader's work grows with the size, not its square.
            ("one-long-line.txt", { Array(String(repeating: "word ", count: 400_000).utf8) }),
        ]

        private static func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

        @Test func eachGetsARecordedFailureOrACorrectOutput() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("kept"), to: "keep.txt")
            try daemon.start(try ReliabilityKit.configure(daemon))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            let kept = daemon.outputs()
            #expect(!kept.isEmpty)

            for file in Self.refused + Self.converted.map({ ($0.name, $0.bytes, "") }) {
                try Data(file.bytes()).write(to: daemon.corpus.appendingPathComponent(file.name))
            }
            let bad = Self.refused.map(\.name) + Self.converted.map(\.name)
            #expect(await eventually(timeout: 120) {
                let documents = daemon.store()?.documents ?? []
                return bad.allSatisfy { name in documents.contains { $0.path == name && $0.state != .deleted } }
            }, "\(daemon.log.suffix(4000))")
            // 200 MB of text on one line, over the 64 MiB limit: refused by its size, never read. The peak memory
            // is measured from here, apart from what the conversions above took.
            #expect(ReliabilityKit.resetPeakMemory(daemon), "the daemon's peak memory could not be reset")
            let before = ReliabilityKit.peakMemoryKiB(daemon)
            // Written beside the corpus and moved in whole: a file growing in place is read while it is still small.
            let hugeURL = daemon.corpus.deletingLastPathComponent().appendingPathComponent("huge.txt")
            #expect(FileManager.default.createFile(atPath: hugeURL.path, contents: nil))
            let huge = try FileHandle(forWritingTo: hugeURL)
            let megabyte = Data(String(repeating: "words ", count: 174_763).utf8.prefix(1 << 20))
            for _ in 0..<200 { huge.write(megabyte) }
            try huge.close()
            try FileManager.default.moveItem(at: hugeURL, to: daemon.corpus.appendingPathComponent("huge.txt"))
            try daemon.write(ReliabilityKit.document("dropped last"), to: "after.txt")

            let names = Self.refused.map(\.name) + Self.converted.map(\.name) + ["huge.txt", "after.txt"]
            #expect(await eventually(timeout: 120) {
                let documents = daemon.store()?.documents ?? []
                return names.allSatisfy { name in documents.contains { $0.path == name && $0.state != .deleted } }
                    && daemon.store()?.document("after.txt")?.state == .published
            }, "\(daemon.log.suffix(4000))")
            let store = try #require(daemon.store())
            for file in Self.refused {
                let document = store.document(file.name)
                #expect(document?.state == .failed && document?.error?.contains(file.error) == true, "\(file.name): \(String(describing: document))")
            }
            let huge200 = store.document("huge.txt")
            #expect(huge200?.state == .failed && huge200?.error?.contains("[job.too-large]") == true, "\(String(describing: huge200))")
            #expect(ReliabilityKit.peakMemoryKiB(daemon) - before < 100_000, "the 200 MB file was read")
            #expect(try ReliabilityKit.audit(daemon, sources: Self.converted.map(\.name) + ["keep.txt", "after.txt"]) == [])
            for name in Self.refused.map(\.name) + ["huge.txt"] {
                #expect(!daemon.outputs().keys.contains { $0.hasPrefix(String(name.dropLast(4)) + ".") }, "\(name) has outputs")
            }
            #expect(kept.allSatisfy { daemon.outputs()[$0.key] == $0.value }, "the good outputs changed")
            let status = try ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("status")
            #expect(status.result?["documents"]?["failed"] == .number(Double(Self.refused.count + 1)))
            #expect(daemon.stop() == 0)
        }
    }
}
