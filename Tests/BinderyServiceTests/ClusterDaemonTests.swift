import BinderyConversion
import BinderyTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Three `bindery` processes (one `serve`, two `work`) on one PostgreSQL and one shared corpus and output tree:
/// the corpus converted once; a node killed with `kill -9` mid-job loses the job to another; the leader killed,
/// another `serve` takes over the watching; PostgreSQL restarted under load, the nodes reconnect and nothing is lost.
@Suite(.serialized) struct ClusterDaemonTests {
    /// One node: a `bindery serve` or `bindery work` process with its own state directory, logging to a file.
    final class Node: @unchecked Sendable {
        let process = Process()
        let log: URL
        var pid: Int32 { process.processIdentifier }

        init(_ role: String, in directory: TemporaryDirectory, name: String, url: String) throws {
            log = directory.path("\(name).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = try BinderyBinary.locate()
            process.arguments = [
                role, "--config", directory.path("bindery.yaml").path, "--corpus", directory.path("corpus").path, "--out", directory.path("out").path,
                "--state", directory.path("state-\(name)").path, "--queue", url,
            ]
            var environment = ProcessInfo.processInfo.environment
            for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "STATE_DIRECTORY", "RUNTIME_DIRECTORY", "CONFIGURATION_DIRECTORY"] { environment[key] = nil }
            process.environment = environment
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        }

        func kill9() {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }

        /// SIGTERM; the exit status.
        func stop() -> Int32 {
            kill(pid, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }

        var text: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    }

    /// The shared corpus's documents and a large one (a book 25 times: seconds to convert) in a fresh directory.
    private func makeCorpus(_ directory: TemporaryDirectory) throws {
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let corpus = directory.path("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: shared.appendingPathComponent("corpus").path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: shared.appendingPathComponent("corpus/\(name)"), to: corpus.appendingPathComponent(name))
        }
        let book = try Data(contentsOf: shared.appendingPathComponent("books/b02-pg.txt"))
        try Data(repeating: 0, count: 0).write(to: corpus.appendingPathComponent("big.txt"))
        let handle = try FileHandle(forWritingTo: corpus.appendingPathComponent("big.txt"))
        for _ in 0..<25 { handle.write(book) }
        try handle.close()
        try directory.write("queue:\n  parallelism: 1\n  lease_seconds: 2\nwatch:\n  settle_ms: 100\n", to: "bindery.yaml")
    }

    /// `eventually`, at a pace for psql (each look starts a process).
    private func polling(timeout: Double, _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if try condition() { return true }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return try condition()
    }

    @Test func threeNodesConvertOnceAndSurviveKilledNodesAndARestartedDatabase() async throws {
        guard let server = try PostgresServer.startIfInstalled() else { return }
        defer { server.stop() }
        try server.createDatabase("cluster")
        let url = server.url("cluster")
        let directory = try TemporaryDirectory("bindery-cluster")
        defer { directory.remove() }
        try makeCorpus(directory)
        let corpus = directory.path("corpus")
        let sources = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        func query(_ sql: String) -> [String] { (try? server.query("cluster", sql)) ?? [] }
        func sha(_ name: String) throws -> String { ContentDigest(Array(try Data(contentsOf: corpus.appendingPathComponent(name)))).hex }
        /// True when every source's recorded document is published from the bytes it holds now.
        func allCurrent() throws -> Bool {
            let recorded = Dictionary(query("SELECT path, sha256 FROM bindery_documents WHERE state = 'published'").map { line in
                let fields = line.split(separator: "|").map(String.init)
                return (fields[0], fields.count > 1 ? fields[1] : "")
            }, uniquingKeysWith: { $1 })
            return try sources.allSatisfy { recorded[$0] == (try sha($0)) }
        }

        var nodes = ["serve-1": try Node("serve", in: directory, name: "serve-1", url: url)]
        nodes["work-1"] = try Node("work", in: directory, name: "work-1", url: url)
        nodes["work-2"] = try Node("work", in: directory, name: "work-2", url: url)
        defer { for node in nodes.values where node.process.isRunning { node.kill9() } }

        /// Every node's log, for a failure's message.
        func logs() -> String { nodes.map { "== \($0.key)\n\($0.value.text.suffix(3000))" }.joined(separator: "\n") }

        // The node converting the large document is killed mid-job: its lease runs out and another node converts it.
        var owner: String?
        let claimed = await polling(timeout: 180) {
            owner = query("SELECT owner FROM bindery_queue WHERE path = 'big.txt' AND state = 'running'").first
            return owner != nil
        }
        #expect(claimed, "big.txt never seen running: \(query("SELECT path, state, owner, attempt FROM bindery_queue")) \(logs())")
        let killedPid = try #require(owner.flatMap { $0.split(separator: ":").last }.flatMap { Int32($0) })
        let killed = try #require(nodes.first { $0.value.pid == killedPid })
        killed.value.kill9()
        nodes[killed.key] = nil
        #expect(try await polling(timeout: 180) { try allCurrent() }, "every document published after the kill: \(logs())")
        let published = query("SELECT path, count(*) FROM bindery_job_history WHERE outcome = 'published' GROUP BY path ORDER BY path")
        #expect(published == sources.map { "\($0)|1" }, "each document published once")

        // The leader (serve-1, unless it was the node killed) dies; serve-2 takes over the watching and sees a change.
        nodes["serve-2"] = try Node("serve", in: directory, name: "serve-2", url: url)
        if let leader = nodes["serve-1"] {
            #expect(await polling(timeout: 60) { query("SELECT count(*) FROM bindery_nodes").first == "4" })
            leader.kill9()
            nodes["serve-1"] = nil
        }
        let newLeader = try #require(nodes["serve-2"])
        #expect(await polling(timeout: 60) { newLeader.text.contains("cluster.leader") }, "serve-2 leads: \(logs())")
        #expect(await polling(timeout: 60) { query("SELECT name FROM bindery_nodes WHERE is_leader") == ["\(ProcessInfo.processInfo.hostName):\(newLeader.pid)"] })
        let changed = sources.first { $0 != "big.txt" }!
        let appended = try FileHandle(forWritingTo: corpus.appendingPathComponent(changed))
        appended.seekToEndOfFile()
        appended.write(Data("\n\nA paragraph added after the leader died.\n".utf8))
        try appended.close()
        #expect(try await polling(timeout: 120) { try allCurrent() }, "the change seen by the new leader is published: \(logs())")

        // A request on one node, run by another: its result comes back through the cluster's events (NOTIFY).
        let client = try BinderyBinary.locate()
        // (One work node was killed at most: the other is asked.)
        let worker = try #require(["work-1", "work-2"].first { nodes[$0] != nil })
        let workSocket = directory.path("state-\(worker)/bindery.sock").path
        do {
            #expect(try Validators.run(client, ["pause", "--socket", workSocket]).status == 0)
            let waited = try Validators.run(client, ["submit", corpus.appendingPathComponent(changed).path, "--wait", "--socket", workSocket])
            #expect(waited.status == 0, "submit --wait on a paused node ends when another node ran the job: \(waited.output)")
            #expect(try Validators.run(client, ["resume", "--socket", workSocket]).status == 0)
        }

        // PostgreSQL restarts while changed documents are queued or converting: the nodes reconnect and publish them all.
        for name in sources.filter({ $0 != "big.txt" }).prefix(3) {
            let handle = try FileHandle(forWritingTo: corpus.appendingPathComponent(name))
            handle.seekToEndOfFile()
            handle.write(Data("\n\nA paragraph added while the database restarted.\n".utf8))
            try handle.close()
        }
        try server.halt()
        try await Task.sleep(for: .seconds(1))
        try server.start()
        #expect(try await polling(timeout: 180) { try allCurrent() }, "changes made around the restart are all published: \(logs())")

        // What the cluster published is valid: every document's outputs but the 17 MB book's (the same converter on a
        // larger input, whose EPUB alone would take EPUBCheck about a minute).
        let out = directory.path("out")
        for source in sources where source != "big.txt" {
            let stem = (source as NSString).deletingPathExtension
            let outputs = try [".epub", ".tei.xml", ".bag.zip"].map { suffix in
                (suffix: suffix, bytes: Array(try Data(contentsOf: out.appendingPathComponent(stem + suffix))))
            }
            #expect(try Validators.problems(outputs, stem: stem, bag: true) == [], "\(source)")
        }
        for (name, node) in nodes {
            #expect(node.stop() == 0, "\(name) stops cleanly: \(node.text.suffix(2000))")
        }
    }
}
