import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService

extension Reliability {
    /// kill -9 at random points (jobs running, outputs half-written, start-up catch-up): after every
    /// restart each output is current and whole, and no temp file remains.
    @Suite("kill -9") struct KillNine {
        /// Cycles in the test suite; `make reliability` runs 50 (`BINDERY_KILL_RUNS`). `BINDERY_KILL_SEED` replays a run.
        private static let environment = ProcessInfo.processInfo.environment
        private static let runs = Int(environment["BINDERY_KILL_RUNS"] ?? "") ?? 5
        private static let seed = UInt64(environment["BINDERY_KILL_SEED"] ?? "") ?? UInt64.random(in: 1 ... 1 << 32)

        private func append(_ text: String, to url: URL) throws {
            let handle = try FileHandle(forWritingTo: url)
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try handle.close()
        }

        /// Starts the daemon and waits for this start's catch-up.
        private func restart(_ daemon: DaemonProcess, _ arguments: [String]) async throws -> Bool {
            let before = daemon.logLines("startup.caught-up").count
            try daemon.start(arguments)
            return await ReliabilityKit.caughtUp(daemon, starts: before + 1)
        }

        @Test func everyRestartFindsEveryOutputCurrentAndWhole() async throws {
            var random = SeededGenerator(seed: Self.seed)
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            // Small documents publish in a few ms; the book (~0.4 s in a debug build) keeps a job running.
            var sources = (0..<8).map { "doc\($0).txt" } + ["shelf/book.txt"]
            for name in sources.dropLast() { try daemon.write(ReliabilityKit.document(name), to: name) }
            try daemon.write(try String(contentsOf: PackagePaths.corpus.appendingPathComponent("003_d1cafe7658540bb9.txt"), encoding: .utf8), to: "shelf/book.txt")
            let arguments = try ReliabilityKit.configure(daemon)
            #expect(try await restart(daemon, arguments), "\(daemon.log)")
            let cache = ConversionCache()
            var kills = 0, killsDuringJobs = 0

            for run in 1...Self.runs {
                for name in sources where Bool.random(using: &random) {
                    try append("\n\nRun \(run) changes \(name) a little.\n", to: daemon.corpus.appendingPathComponent(name))
                }
                if Int.random(in: 0..<4, using: &random) == 0 {
                    sources.append("new\(run).txt")
                    try daemon.write(ReliabilityKit.document("new in run \(run)"), to: "new\(run).txt")
                }
                try await Task.sleep(nanoseconds: UInt64.random(in: 0...400_000_000, using: &random))
                if !ReliabilityKit.runningJobs(daemon).isEmpty { killsDuringJobs += 1 }
                daemon.killHard()
                kills += 1
                if Int.random(in: 0..<3, using: &random) == 0 {
                    // Killed again during the start-up catch-up.
                    try daemon.start(arguments)
                    try await Task.sleep(nanoseconds: UInt64.random(in: 50_000_000...600_000_000, using: &random))
                    daemon.killHard()
                    kills += 1
                }
                #expect(try await restart(daemon, arguments), "run \(run), seed \(Self.seed): \(daemon.log.suffix(2000))")
                let problems = try ReliabilityKit.audit(daemon, sources: sources, cache: cache)
                #expect(problems == [], "run \(run) of \(Self.runs), seed \(Self.seed) (BINDERY_KILL_SEED replays it)")
                if !problems.isEmpty { break }
            }
            #expect(ReliabilityKit.temporaryFiles(daemon) == [])
            print("bindery-kill: \(Self.runs) runs, \(kills) kills (\(killsDuringJobs) with jobs running), \(daemon.logLines("job.published").count) publishes, \(daemon.logLines("daemon.started").count) starts, seed \(Self.seed)")

            // The outputs are byte-identical to fresh conversions; check one set with the real validators too.
            if Validators.missing.isEmpty {
                let book = daemon.out.appendingPathComponent("shelf/book")
                #expect(try Validators.epubcheck(book.appendingPathExtension("epub")).passed)
                #expect(try Validators.jing([book.appendingPathExtension("tei.xml")]).passed)
                let unpacked = daemon.directory.path("bag")
                try Validators.unzip(book.appendingPathExtension("bag.zip"), into: unpacked)
                let bag = try #require(try FileManager.default.contentsOfDirectory(at: unpacked, includingPropertiesForKeys: nil).first)
                #expect(try Validators.bagit(bag).passed)
            } else if PackagePaths.isCI {
                Issue.record("validators missing: \(Validators.missing)")
            }
            #expect(daemon.stop() == 0)
        }
    }
}
