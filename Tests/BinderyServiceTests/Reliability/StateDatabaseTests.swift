import BinderyProtocol
import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService

extension Reliability {
    /// The state database corrupted or locked by another process: the daemon rebuilds it from the
    /// corpus and the outputs (with a `state.rebuild` log line), or retries until the lock is gone.
    @Suite("State database") struct StateDatabase {
        /// (inode, mtime) of every output: a rebuild must not rewrite a single one.
        private func identities(_ daemon: DaemonProcess) -> [String: FileStamp] {
            daemon.outputs().keys.reduce(into: [:]) { $0[$1] = FileStamp(path: daemon.out.appendingPathComponent($1).path) }
        }

        /// Runs python3 with sqlite3 holding an exclusive lock on the database until `release` exists;
        /// returns once it holds the lock.
        private func holdLock(_ daemon: DaemonProcess, until release: URL) throws -> Process {
            let python = try #require(Validators.which("python3"), "python3 is needed to lock the database")
            let ready = daemon.directory.path("locked")
            let process = Process()
            process.executableURL = python
            process.arguments = ["-c", """
                import os, sqlite3, sys, time
                c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
                c.execute("BEGIN EXCLUSIVE")
                open(sys.argv[2], "w").close()
                while not os.path.exists(sys.argv[3]): time.sleep(0.02)
                c.execute("COMMIT")
                """, daemon.state.appendingPathComponent(StateStore.fileName).path, ready.path, release.path]
            try process.run()
            while !FileManager.default.fileExists(atPath: ready.path), process.isRunning { usleep(10_000) }
            return process
        }

        @Test func aCorruptedDatabaseIsRebuiltWithoutRewritingOutputs() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            for name in ["a", "b", "sub/c"] { try daemon.write(ReliabilityKit.document(name), to: "\(name).txt") }
            let arguments = try ReliabilityKit.configure(daemon)
            try daemon.start(arguments)
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            #expect(daemon.stop() == 0)
            let before = identities(daemon)

            // Keep SQLite's header, overwrite the pages after it: the file still opens, its b-trees are garbage.
            let database = daemon.state.appendingPathComponent(StateStore.fileName)
            var bytes = try Data(contentsOf: database)
            for index in 100..<bytes.count { bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ 7) }
            try bytes.write(to: database)
            try daemon.write(ReliabilityKit.document("b, edited"), to: "b.txt")
            try daemon.start(arguments)
            #expect(await ReliabilityKit.caughtUp(daemon, starts: 2), "\(daemon.log)")
            #expect(daemon.logLines("state.rebuild").count == 1, "\(daemon.log)")
            #expect(try ReliabilityKit.audit(daemon, sources: ["a.txt", "b.txt", "sub/c.txt"]) == [])
            let after = identities(daemon)
            for (path, identity) in before where !path.hasPrefix("b.") { #expect(after[path] == identity, "\(path) was rewritten") }
            #expect(try FileManager.default.contentsOfDirectory(atPath: daemon.state.path).contains { $0.hasPrefix("\(StateStore.fileName).corrupt-") })
            #expect(daemon.stop() == 0)
        }

        @Test func aLockHeldWhileAJobRecordsIsWaitedOut() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("a"), to: "a.txt")
            let arguments = try ReliabilityKit.configure(daemon, "queue:\n  retry_delay_ms: 50\n")
            try daemon.start(arguments)
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")

            // Held past the store's 5 s busy timeout while a job wants to record: the job is retried.
            let release = daemon.directory.path("release")
            let lock = try holdLock(daemon, until: release)
            defer { lock.terminate() }
            let before = daemon.outputs()["a.epub"]
            try daemon.write(ReliabilityKit.document("a, edited under the lock"), to: "a.txt")
            #expect(await eventually(timeout: 30) { !daemon.logLines("state.error").isEmpty }, "\(daemon.log)")
            #expect(try ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("status").result != nil, "status must answer under the lock")
            #expect(daemon.outputs()["a.epub"] != before, "the outputs wait for the database")
            #expect(FileManager.default.createFile(atPath: release.path, contents: nil))
            lock.waitUntilExit()
            #expect(await eventually(timeout: 30) { (try? ReliabilityKit.audit(daemon, sources: ["a.txt"])) == [] }, "\(daemon.log)")
            #expect(daemon.stop() == 0)
        }
    }
}
