import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `bindery serve` on temporary corpora. Serialized: each test is CPU-bound on 2 cores.
/// Every wait polls a condition with a generous timeout; nothing depends on fixed sleeps.
@Suite(.serialized) struct DaemonEndToEndTests {
    private static let formats = [".epub", ".tei.xml", ".bag.zip", ".proof.html"]

    private func outputNames(of source: String) -> [String] {
        Self.formats.map { String(source.dropLast(4)) + $0 }
    }

    private func append(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// A small valid document; `variant` changes its text.
    private func smallDocument(_ variant: String) -> String {
        "A SMALL BOOK\n\nby A. Writer\n\n\nCHAPTER I\n\nThe first paragraph of \(variant), long enough to be a paragraph of prose.\n\n"
            + "A second paragraph follows here.\n\n\nCHAPTER II\n\nThe end of \(variant).\n"
    }

    @Test func corpusIsPublishedEditsChangeOnlyTheirOutputsAndRestartConvertsNothing() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        try daemon.copySharedCorpus()
        let sources = try FileManager.default.contentsOfDirectory(atPath: daemon.corpus.path).sorted()
        #expect(sources.count == 5)
        let notify = try NotifySocket(path: daemon.directory.path("notify.sock").path)
        defer { notify.close() }
        try daemon.start(environment: ["NOTIFY_SOCKET": notify.path])

        // 5 documents in → 15 outputs.
        let expected = Set(sources.flatMap(outputNames))
        #expect(await eventually(timeout: 180) { Set(daemon.outputs().keys) == expected && daemon.store()?.documents.filter { $0.state == .published }.count == 5 },
                "\(daemon.log)")
        #expect(notify.drain(timeout: 0.5).contains { $0.contains("READY=1") })
        let first = daemon.outputs()

        // Edit in place: only that document's outputs change.
        let small = sources.first { $0.hasPrefix("004_") }!
        try append("\n\nA closing paragraph added in place.\n", to: daemon.corpus.appendingPathComponent(small))
        #expect(await eventually(timeout: 60) { daemon.store()?.published(small) == 2 })
        // The idle daemon converted it during the settle delay; its job only checked and published.
        let smallJob = daemon.logLines("job.published").last ?? ""
        #expect(smallJob.contains("path=\(small)") && smallJob.contains("convertedEarly=true"), "\(smallJob)")
        let second = daemon.outputs()
        #expect(Set(second.keys) == expected)
        for (path, hash) in second {
            #expect((hash != first[path]) == outputNames(of: small).contains(path), "\(path)")
        }

        // Edit by an editor's write-temp-then-rename: again only its outputs change.
        let renamed = sources.first { $0.hasPrefix("000_") }!
        var text = try String(contentsOf: daemon.corpus.appendingPathComponent(renamed), encoding: .utf8)
        text += "\n\nA paragraph saved through a temporary file.\n"
        let temporary = daemon.corpus.appendingPathComponent(".\(renamed).swp")
        try Data(text.utf8).write(to: temporary)
        #expect(rename(temporary.path, daemon.corpus.appendingPathComponent(renamed).path) == 0)
        #expect(await eventually(timeout: 60) { daemon.store()?.published(renamed) == 2 })
        let third = daemon.outputs()
        for (path, hash) in third {
            #expect((hash != second[path]) == outputNames(of: renamed).contains(path), "\(path)")
        }

        // Change-to-published latency of the largest book (settle delay included).
        let largest = sources.first { $0.hasPrefix("002_") }!
        let epub = String(largest.dropLast(4)) + ".epub"
        let started = Date()
        try append("\n\nOne more paragraph at the end of the largest book.\n", to: daemon.corpus.appendingPathComponent(largest))
        #expect(await eventually(timeout: 120) { daemon.outputs()[epub] != third[epub] && daemon.store()?.published(largest) == 2 })
        let latency = Date().timeIntervalSince(started)
        print("bindery-latency: \(largest) (\(try Data(contentsOf: daemon.corpus.appendingPathComponent(largest)).count) bytes) change-to-published \(Int(latency * 1000)) ms (debug build, settle 300 ms); job line: \(daemon.logLines("job.published").last ?? "")")

        // Stop (drain) and restart over the unchanged corpus: no job runs, no output is touched.
        #expect(daemon.stop() == 0)
        #expect(daemon.logLines("daemon.stopped").last?.contains("drained=true") == true)
        let jobsBefore = daemon.store()?.jobs.count
        let beforeRestart = daemon.outputs()
        try daemon.start()
        #expect(await eventually(timeout: 60) { daemon.logLines("startup.caught-up").count == 2 }, "\(daemon.log)")
        #expect(daemon.store()?.jobs.count == jobsBefore)
        #expect(daemon.outputs() == beforeRestart)

        // Delete a source: its outputs are kept (prune is off), the document is marked deleted.
        let deleted = sources.first { $0.hasPrefix("003_") }!
        try FileManager.default.removeItem(at: daemon.corpus.appendingPathComponent(deleted))
        #expect(await eventually(timeout: 30) { daemon.store()?.document(deleted)?.state == .deleted })
        #expect(daemon.outputs() == beforeRestart)
        #expect(daemon.stop() == 0)
    }

    @Test func badDocumentIsAFailedJobAndGoodOutputsStay() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        try daemon.write(smallDocument("good"), to: "book.txt")
        try daemon.start()
        #expect(await eventually(timeout: 60) { daemon.store()?.published("book.txt") == 1 }, "\(daemon.log)")
        let good = daemon.outputs()
        #expect(good.count == 4)

        var binary = [UInt8](repeating: 0, count: 4096)
        for index in binary.indices { binary[index] = UInt8(truncatingIfNeeded: index * 7919 % 251) }
        try Data(binary).write(to: daemon.corpus.appendingPathComponent("book.txt"))
        try Data(binary).write(to: daemon.corpus.appendingPathComponent("junk.txt"))
        #expect(await eventually(timeout: 60) {
            let jobs = daemon.store()?.jobs ?? []
            return jobs.contains { $0.path == "book.txt" && $0.outcome == .failed } && jobs.contains { $0.path == "junk.txt" && $0.outcome == .failed }
        }, "\(daemon.log)")
        #expect(daemon.isRunning)
        #expect(daemon.outputs() == good)
        #expect(daemon.store()?.document("book.txt")?.state == .failed)
        #expect(daemon.store()?.jobs.first { $0.path == "junk.txt" }?.error?.isEmpty == false)
        #expect(!daemon.logLines("job.failed").isEmpty)

        try daemon.write(smallDocument("good again"), to: "book.txt")
        #expect(await eventually(timeout: 60) { daemon.store()?.published("book.txt") == 2 })
        #expect(daemon.store()?.document("book.txt")?.state == .published)

        // A sidecar beside a source re-converts it; removing a whole directory marks its documents deleted.
        try daemon.write("title: A Title From The Sidecar\n", to: "book.meta.yaml")
        #expect(await eventually(timeout: 60) { daemon.store()?.published("book.txt") == 3 })
        try daemon.write(smallDocument("nested"), to: "shelf/row/nested.txt")
        #expect(await eventually(timeout: 60) { daemon.store()?.published("shelf/row/nested.txt") == 1 })
        #expect(daemon.outputs()["shelf/row/nested.epub"] != nil)
        try FileManager.default.removeItem(at: daemon.corpus.appendingPathComponent("shelf"))
        #expect(await eventually(timeout: 30) { daemon.store()?.document("shelf/row/nested.txt")?.state == .deleted })
        #expect(daemon.outputs()["shelf/row/nested.epub"] != nil)
        #expect(daemon.stop() == 0)
    }

    @Test func outputAndStateDirectoriesInsideTheCorpusAreNeverWatched() async throws {
        let daemon = try DaemonProcess(nested: true)
        defer { daemon.tearDown() }
        try daemon.write(smallDocument("top"), to: "top.txt")
        try daemon.write(smallDocument("shelved"), to: "shelf/shelved.txt")
        try daemon.write(smallDocument("a trap"), to: "out/trap.txt")
        try daemon.write(smallDocument("a trap"), to: "state/trap.txt")
        try daemon.start()
        #expect(await eventually(timeout: 60) { daemon.logLines("startup.caught-up").count == 1 }, "\(daemon.log)")
        #expect(daemon.store()?.documents.map(\.path) == ["shelf/shelved.txt", "top.txt"])
        #expect(daemon.watchedDirectoryCount == 2)
        try daemon.write(smallDocument("another trap"), to: "out/trap2.txt")
        try daemon.write(smallDocument("top, edited"), to: "top.txt")
        #expect(await eventually(timeout: 60) { daemon.store()?.published("top.txt") == 2 })
        #expect(daemon.store()?.documents.map(\.path) == ["shelf/shelved.txt", "top.txt"])
        #expect(daemon.outputs()["top.epub"] != nil && daemon.outputs()["shelf/shelved.tei.xml"] != nil)
        #expect(daemon.stop() == 0)
    }

    @Test func killDuringABurstThenRestartLeavesEveryOutputCurrent() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        let names = (0..<12).map { "doc\($0).txt" }
        for name in names { try daemon.write(smallDocument(name), to: name) }
        try daemon.write(try String(contentsOf: packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/000_bb7053ccc370f1e0.txt"), encoding: .utf8), to: "big.txt")
        let config = daemon.directory.path("bindery.yaml")
        try "watch:\n  settle_ms: 20\n".write(to: config, atomically: true, encoding: .utf8)
        try daemon.start(["--config", config.path])
        #expect(await eventually(timeout: 90) { daemon.store()?.documents.filter { $0.state == .published }.count == 13 }, "\(daemon.log)")
        // The store is written before the log line: wait for the start-up's own end, so the burst starts after it.
        #expect(await eventually(timeout: 30) { daemon.logLines("startup.caught-up").count == 1 }, "\(daemon.log)")
        let publishedBefore = daemon.logLines("job.published").count

        // A burst of rewrites; kill -9 as soon as jobs from the burst are running.
        for round in 1...4 {
            for name in names + ["big.txt"] {
                try append("\n\nRound \(round) changes \(name).\n", to: daemon.corpus.appendingPathComponent(name))
            }
            if round == 2 {
                #expect(await eventually(timeout: 30) { daemon.logLines("job.published").count > publishedBefore })
            }
        }
        daemon.killHard()
        let publishedAtKill = daemon.logLines("job.published").count

        try daemon.start(["--config", config.path])
        #expect(await eventually(timeout: 90) { daemon.logLines("startup.caught-up").count == 2 }, "\(daemon.log)")
        #expect(daemon.logLines("job.published").count > publishedAtKill, "the restart had changes to catch up on")
        let store = try #require(daemon.store())
        let outputs = daemon.outputs()
        #expect(!outputs.keys.contains { $0.contains(".tmp-") || ($0 as NSString).lastPathComponent.hasPrefix(".") })
        #expect(outputs.count == 13 * 4)
        for name in names + ["big.txt"] {
            let current = sha256(try Data(contentsOf: daemon.corpus.appendingPathComponent(name)))
            let document = try #require(store.document(name))
            #expect(document.sha256 == current && document.state == .published, "\(name)")
            let records = store.outputs(of: name)
            #expect(records.count == 4)
            for record in records { #expect(outputs[record.path] == record.sha256, "\(record.path)") }
        }
        #expect(daemon.stop() == 0)
    }

    @Test func manySmallDocumentsDroppedAtOnceAreAllConverted() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        // Small jobs wait mostly on fsync (three outputs each): more jobs than cores overlap those waits.
        let config = daemon.directory.path("bindery.yaml")
        try "queue:\n  parallelism: 6\n".write(to: config, atomically: true, encoding: .utf8)
        try daemon.start(["--config", config.path])
        #expect(await eventually(timeout: 30) { daemon.logLines("startup.caught-up").count == 1 })
        let count = 1_000
        let staging = daemon.directory.path("staging/batch")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let started = Date()
        for index in 0..<count / 2 {
            try Data("Note \(index)\n\nA short document number \(index).\n".utf8).write(to: daemon.corpus.appendingPathComponent("n\(index).txt"))
            try Data("Note \(index)b\n\nAnother short document, \(index).\n".utf8).write(to: staging.appendingPathComponent("m\(index).txt"))
        }
        try FileManager.default.moveItem(at: staging, to: daemon.corpus.appendingPathComponent("batch"))
        #expect(await eventually(timeout: 240) { daemon.store()?.documents.filter { $0.state == .published }.count == count }, "\(daemon.log.suffix(3000))")
        let elapsed = Date().timeIntervalSince(started)
        let status = (try? String(contentsOfFile: "/proc/\(daemon.pid)/status", encoding: .utf8)) ?? ""
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map(String.init) ?? "VmHWM: ?"
        print("bindery-batch: \(count) small documents published in \(Int(elapsed * 1000)) ms; daemon \(peak.replacingOccurrences(of: "\t", with: " "))")
        let kilobytes = Int(peak.filter(\.isNumber)) ?? 0
        #expect(kilobytes < 600_000)
        #expect(daemon.outputs().count == count * 4)
        #expect(daemon.stop() == 0)
    }

    /// A notify socket nobody reads (a stalled systemd) fills after ten datagrams: the daemon must go
    /// on reloading and must still stop on SIGTERM (a blocking send once hung both, seen in CI), and the
    /// READY=1 it could not send at start-up reaches systemd once the socket is read again.
    @Test func aNotifySocketNobodyReadsStallsNeitherReloadNorStop() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        try daemon.write(smallDocument("notified"), to: "notified.txt")
        let notify = try NotifySocket(path: daemon.directory.path("notify.sock").path)
        defer { notify.close() }
        #expect(notify.fill() > 0)
        try daemon.start([], environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "10000"])
        #expect(await eventually(timeout: 30) {
            daemon.logLines("systemd.notify-failed").contains { $0.contains("READY=1") } && !daemon.logLines("systemd.notify-stalled").isEmpty
        }, "\(daemon.log)")
        kill(daemon.pid, SIGHUP)
        #expect(await eventually(timeout: 30) { !daemon.logLines("config.reloaded").isEmpty }, "\(daemon.log)")
        var messages: [String] = []
        #expect(await eventually(timeout: 30) {
            for _ in 0..<50 { if let message = notify.receive(timeout: 0.001) { messages.append(message) } }
            return !daemon.logLines("systemd.notify-resumed").isEmpty && messages.contains { $0.hasPrefix("READY=1") }
        }, "\(daemon.log)")
        // The daemon logs the delivery after its send returns: the test may read READY=1 first.
        #expect(await eventually(timeout: 30) { !daemon.logLines("systemd.ready-delivered").isEmpty }, "\(daemon.log)")
        #expect(await eventually(timeout: 30) { daemon.store()?.published("notified.txt") == 1 })
        #expect(daemon.stop(timeout: 30) == 0, "\(daemon.log)")
    }

    @Test func pollingReloadPruneLockAndCheckConfig() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        let config = daemon.directory.path("bindery.yaml")
        try "watch:\n  settle_ms: 20\n".write(to: config, atomically: true, encoding: .utf8)
        try daemon.write(smallDocument("polled"), to: "sub/polled.txt")
        let notify = try NotifySocket(path: daemon.directory.path("notify.sock").path)
        defer { notify.close() }
        try daemon.start(["--config", config.path, "--poll", "0.1"], environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "200000"])
        #expect(await eventually(timeout: 60) { daemon.store()?.published("sub/polled.txt") == 1 }, "\(daemon.log)")
        #expect(daemon.log.contains("watch=\"poll 0.1s\""))
        var messages: [String] = []
        #expect(await eventually(timeout: 10) {
            if let message = notify.receive(timeout: 0.05) { messages.append(message) }
            return messages.contains { $0.contains("READY=1") } && messages.contains { $0.contains("WATCHDOG=1") }
        }, "\(messages)")

        // A second daemon on the same state directory is refused.
        let second = try BinderyBinary.locate()
        let refused = try runBindery(second, ["serve", "--corpus", daemon.corpus.path, "--out", daemon.out.path, "--state", daemon.state.path])
        #expect(refused.status != 0)
        #expect(refused.output.contains("another bindery daemon"), "\(refused.output)")

        // Polling sees an edit.
        try daemon.write(smallDocument("polled, edited"), to: "sub/polled.txt")
        #expect(await eventually(timeout: 60) { daemon.store()?.published("sub/polled.txt") == 2 })

        // SIGHUP with new writer settings re-converts; prune then removes outputs of deleted sources. A setting
        // read only at start is kept, and named as needing a restart (--poll, not in the file, is not).
        try "watch:\n  settle_ms: 20\nqueue:\n  large_source_bytes: 1000\npublish:\n  prune: true\nwriter:\n  publisher: Reloaded Press\n"
            .write(to: config, atomically: true, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        #expect(await eventually(timeout: 60) { daemon.store()?.published("sub/polled.txt") == 3 }, "\(daemon.log)")
        #expect(daemon.logLines("config.reloaded").first?.contains("settingsChanged=true") == true)
        #expect(daemon.logLines("config.needs-restart").first?.contains("keys=queue.large_source_bytes") == true, "\(daemon.log)")
        try FileManager.default.removeItem(at: daemon.corpus.appendingPathComponent("sub/polled.txt"))
        #expect(await eventually(timeout: 30) { daemon.outputs().isEmpty && daemon.store()?.document("sub/polled.txt") == nil })
        #expect(daemon.stop() == 0)

        // check-config: a valid file prints the effective settings, a bad one names file and key.
        let valid = try runBindery(second, ["check-config", "--config", config.path], directory: daemon.directory.url)
        #expect(valid.status == 0)
        #expect(valid.output.contains("publish.prune: true"))
        try "corpus: \(daemon.corpus.path)\nqueue:\n  paralelism: 2\n".write(to: config, atomically: true, encoding: .utf8)
        let invalid = try runBindery(second, ["check-config", "--config", config.path])
        #expect(invalid.status == 2)
        #expect(invalid.output.contains("unknown key 'queue.paralelism'") && invalid.output.contains(config.path), "\(invalid.output)")
    }

    private func runBindery(_ binary: URL, _ arguments: [String], directory: URL? = nil) throws -> (status: Int32, output: String) {
        try Validators.run(binary, arguments, directory: directory)
    }
}
