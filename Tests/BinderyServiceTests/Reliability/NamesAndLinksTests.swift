import BinderyProtocol
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// Awkward names and files that are not regular files, dropped into a running corpus.
    @Suite("Names, links and pipes") struct NamesAndLinks {
        /// Creates a file or directory whose name is raw bytes (not necessarily UTF-8).
        private func create(_ directory: URL, _ name: [UInt8], directory isDirectory: Bool = false, contents: String = "") {
            let path = Array(directory.path.utf8) + [0x2F] + name + [0]
            path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { raw in
                    if isDirectory {
                        mkdir(raw.baseAddress!, 0o755)
                    } else {
                        let fd = open(raw.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                        _ = Array(contents.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                        close(fd)
                    }
                }
            }
        }

        @Test func eachIsConvertedOrRefusedByNameAndTheDaemonKeepsGoing() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("kept"), to: "keep.txt")
            try daemon.start(try ReliabilityKit.configure(daemon))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")

            let corpus = daemon.corpus
            try daemon.write(ReliabilityKit.document("spaced"), to: "with space.txt")
            try daemon.write(ReliabilityKit.document("newline"), to: "new\nline.txt")
            try daemon.write(ReliabilityKit.document("unicode"), to: "tab\tand \u{FC}mlaut.txt")
            create(corpus, Array("caf".utf8) + [0xE9] + Array(".txt".utf8), contents: ReliabilityKit.document("latin-1 name"))
            create(corpus, Array("dir".utf8) + [0xFF], directory: true)
            try daemon.write("Secret\n\nNot for the outputs.\n", to: "../outside.txt")
            try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("loop1.txt").path, withDestinationPath: "loop2.txt")
            try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("loop2.txt").path, withDestinationPath: "loop1.txt")
            try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("escape.txt").path, withDestinationPath: "../outside.txt")
            try FileManager.default.createSymbolicLink(atPath: corpus.appendingPathComponent("alias.txt").path, withDestinationPath: "keep.txt")
            #expect(mkfifo(corpus.appendingPathComponent("pipe.txt").path, 0o644) == 0)
            try daemon.write(ReliabilityKit.document("dropped last"), to: "after.txt")

            let refused = [
                "caf\\xE9.txt": "not valid UTF-8", "dir\\xFF/": "not valid UTF-8", "loop1.txt": "symbolic link loop", "loop2.txt": "symbolic link loop",
                "escape.txt": "symbolic link out of the corpus", "alias.txt": "symbolic link (links are not followed)", "pipe.txt": "named pipe",
            ]
            let converted = ["keep.txt", "with space.txt", "new\nline.txt", "tab\tand \u{FC}mlaut.txt", "after.txt"]
            #expect(await eventually(timeout: 60) {
                let documents = daemon.store()?.documents ?? []
                return refused.keys.allSatisfy { path in documents.contains { $0.path == path } }
                    && converted.allSatisfy { path in documents.contains { $0.path == path && $0.state == .published } }
            }, "\(daemon.log.suffix(4000))")
            let store = try #require(daemon.store())
            for (path, error) in refused {
                let document = store.document(path)
                #expect(document?.state == .failed && document?.error?.contains(error) == true, "\(path): \(String(describing: document))")
            }
            #expect(try ReliabilityKit.audit(daemon, sources: converted) == [])
            #expect(await eventually(timeout: 10) { daemon.store() != nil && (try? ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("status").result?["running"]) == .number(0) },
                    "a job is stuck on the pipe")
            // One event per line: a newline or tab in a name is escaped, never a broken log line.
            let lines = daemon.log.split(separator: "\n")
            #expect(lines.allSatisfy { $0.hasPrefix("20") && $0.dropFirst(4).hasPrefix("-") }, "\(lines.filter { !$0.hasPrefix("20") })")

            // Renamed to a valid name: the bad name is recorded gone, the file converts.
            let from = Array(corpus.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
            let renamed = from.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { rename($0.baseAddress!, corpus.appendingPathComponent("cafe.txt").path) } }
            #expect(renamed == 0)
            #expect(await eventually(timeout: 30) {
                daemon.store()?.document("caf\\xE9.txt")?.state == .deleted && daemon.store()?.document("cafe.txt")?.state == .published
            }, "\(daemon.log.suffix(2000))")
            #expect(daemon.isRunning)
            #expect(daemon.stop() == 0)
        }
    }
}
