import BinderyTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the built `bindery` executable. `swift test` builds every product before it runs tests,
/// so the binary sits next to the test bundle (`<scratch>/<triple>/debug/bindery`); else
/// `$BINDERY_BINARY`, else `.build*/debug/bindery` under the package root.
enum BinderyBinary {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "no built bindery binary: run `swift build` first or set BINDERY_BINARY" }
    }

    static func locate() throws -> URL {
        if let found = BuiltBinary.url { return found }
        let scratch = packageRoot.appendingPathComponent(".build-daemon/debug/bindery")
        guard FileManager.default.isExecutableFile(atPath: scratch.path) else { throw Missing() }
        return scratch
    }
}

/// A sandbox (corpus, out, state) and a `bindery serve` process over it, logging to a file.
final class DaemonProcess: @unchecked Sendable {
    let directory: TemporaryDirectory
    var corpus: URL { directory.path("corpus") }
    let out: URL
    let state: URL
    let logFile: URL
    private var process: Process?

    /// With `nested`, the output and state directories are inside the corpus (`corpus/out`, `corpus/state`).
    init(nested: Bool = false) throws {
        directory = try TemporaryDirectory("bindery-e2e")
        out = directory.path(nested ? "corpus/out" : "out")
        state = directory.path(nested ? "corpus/state" : "state")
        logFile = directory.path("daemon.log")
        for url in [directory.path("corpus")] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    }

    /// Copies the shared corpus's documents (`../shared/corpus`) in.
    func copySharedCorpus(_ names: [String]? = nil) throws {
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted() where name.hasSuffix(".txt") {
            guard names == nil || names!.contains(where: { name.hasPrefix($0) }) else { continue }
            let target = corpus.appendingPathComponent(name)
            try Data(contentsOf: shared.appendingPathComponent(name)).write(to: target)
            chmod(target.path, 0o644)
        }
    }

    /// Starts `bindery serve` with the given extra arguments and environment; `wrapper` is a command
    /// that execs it (`prlimit --fsize=N`, `setpriv …`), so the pid stays the daemon's.
    func start(_ arguments: [String] = [], environment: [String: String] = [:], wrapper: [String] = []) throws {
        let process = Process()
        let binary = try BinderyBinary.locate()
        let serve = ["serve", "--corpus", corpus.path, "--out", out.path, "--state", state.path] + arguments
        process.executableURL = wrapper.first.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = wrapper.isEmpty ? serve : Array(wrapper.dropFirst()) + [binary.path] + serve
        var merged = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "STATE_DIRECTORY", "RUNTIME_DIRECTORY", "CONFIGURATION_DIRECTORY"] { merged[key] = nil }
        merged.merge(environment) { $1 }
        process.environment = merged
        process.currentDirectoryURL = directory.url
        let handle = try FileHandle(forWritingTo: logFile)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        self.process = process
    }

    var isRunning: Bool { process?.isRunning ?? false }
    var pid: Int32 { process?.processIdentifier ?? 0 }

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop(timeout: Double = 45) -> Int32? {
        guard let process else { return nil }
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        return waitForExit(timeout: timeout)
    }

    /// SIGKILL: no drain, no clean-up.
    func killHard() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        _ = waitForExit(timeout: 10)
    }

    func waitForExit(timeout: Double) -> Int32? {
        guard let process else { return nil }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { return nil }
        self.process = nil
        return process.terminationStatus
    }

    /// Directories the daemon's inotify descriptor watches, from `/proc/PID/fdinfo`.
    var watchedDirectoryCount: Int {
        let fdinfo = "/proc/\(pid)/fdinfo"
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: fdinfo)) ?? []
        return descriptors.reduce(0) { count, descriptor in
            let text = (try? String(contentsOfFile: "\(fdinfo)/\(descriptor)", encoding: .utf8)) ?? ""
            return count + text.split(separator: "\n").filter { $0.hasPrefix("inotify wd:") }.count
        }
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Lines of the log whose event (third field) is `event`.
    func logLines(_ event: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.split(separator: " ").dropFirst(2).first.map(String.init) == event }
    }

    /// The state store, opened read-only; nil until the daemon has created it.
    func store() -> StateStoreView? { try? StateStoreView(state) }

    func write(_ text: String, to relative: String) throws {
        try directory.write(text, to: "corpus/\(relative)")
    }

    /// Path → SHA-256 of every file below `out` (temp files included, so tests can see them).
    func outputs() -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: out.path) else { return result }
        while let path = walker.nextObject() as? String {
            let url = out.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            result[path] = sha256(data)
        }
        return result
    }

    func tearDown() {
        if isRunning { killHard() }
        directory.remove()
    }
}
