import BinderyProtocol
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// Issue 19, item 4: a corpus directory swapped for a symbolic link to a directory outside the corpus
    /// between the event (or `submit`) that named a source and its job. The job opens every component of the path from
    /// the corpus root without following links, when it reads, so the outside file is never published.
    @Suite("Directories swapped for links") struct SwappedDirectories {
        /// Swaps two names in one step (`renameat2` with `RENAME_EXCHANGE`, hidden by Glibc without
        /// `_GNU_SOURCE`): the daemon never sees the directory gone, only a link where it was.
        private func exchange(_ first: String, _ second: String) -> Bool {
            typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(nil, "renameat2") else { return false }
            return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, first, AT_FDCWD, second, 2) == 0
        }

        @Test func aSourceBehindADirectorySwappedForALinkIsRefusedNotRead() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("inside"), to: "shelf/book.txt")
            try daemon.write(ReliabilityKit.document("on the desk"), to: "desk/note.txt")
            try daemon.write("SECRETWORD\n\nThe outside text, SECRETWORD, must never reach the outputs.\n", to: "../outside/book.txt")
            try daemon.write("SECRETWORD\n\nThe outside text, SECRETWORD, must never reach the outputs.\n", to: "../outside/note.txt")
            // A settle delay long enough for the swap to land between the event and its job.
            let config = daemon.directory.path("bindery.yaml")
            try "watch:\n  settle_ms: 1500\n  early_start: false\n".write(to: config, atomically: true, encoding: .utf8)
            try daemon.start(["--config", config.path])
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            #expect(daemon.store()?.document("shelf/book.txt")?.state == .published)

            // An event on shelf/book.txt, then shelf swapped for a link to ../outside.
            try daemon.write(ReliabilityKit.document("inside, changed"), to: "shelf/book.txt")
            let shelf = daemon.corpus.appendingPathComponent("shelf").path
            #expect(symlink("../outside", shelf + "-real") == 0)
            #expect(exchange(shelf, shelf + "-real"))
            let swapped = Date()

            #expect(await eventually(timeout: 30) {
                daemon.store()?.document("shelf/book.txt")?.error?.contains("the directory shelf is a symbolic link") == true
            }, "\(daemon.log.suffix(3000))")
            // Past the settle delay, so that the event's own job has run too, and idle.
            #expect(await eventually(timeout: 30) {
                guard Date() > swapped.addingTimeInterval(2.5),
                      let status = try? ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("status").result else { return false }
                return status["running"] == .number(0) && status["queued"] == .number(0)
            })
            let document = daemon.store()?.document("shelf/book.txt")
            #expect(document?.state == .failed, "\(String(describing: document))")
            for (path, _) in daemon.outputs() {
                let bytes = try Data(contentsOf: daemon.out.appendingPathComponent(path))
                #expect(bytes.range(of: Data("SECRETWORD".utf8)) == nil, "\(path) holds the outside file's text")
            }
            // The directory's real copy, moved within the corpus, converts as usual.
            #expect(await eventually(timeout: 30) { daemon.store()?.document("shelf-real/book.txt")?.state == .published }, "\(daemon.log.suffix(2000))")

            // The same between a `submit` (accepted: desk is a directory then) and its job (held by `pause`).
            let client = try ControlClient(socketPath: ReliabilityKit.socket(daemon))
            _ = try client.call("pause")
            #expect(try client.call("submit", .object(["path": .string("desk/note.txt")])).result?["queued"] == .bool(true))
            let desk = daemon.corpus.appendingPathComponent("desk").path
            #expect(symlink("../outside", desk + "-real") == 0)
            #expect(exchange(desk, desk + "-real"))
            _ = try client.call("resume")
            #expect(await eventually(timeout: 30) {
                daemon.store()?.document("desk/note.txt")?.error?.contains("the directory desk is a symbolic link") == true
                    && daemon.store()?.document("desk-real/note.txt")?.state == .published
            }, "\(daemon.log.suffix(3000))")
            for (path, _) in daemon.outputs() {
                let bytes = try Data(contentsOf: daemon.out.appendingPathComponent(path))
                #expect(bytes.range(of: Data("SECRETWORD".utf8)) == nil, "\(path) holds the outside file's text")
            }
            #expect(daemon.stop() == 0)
        }
    }
}
