import BinderyConversion
import BinderyProtocol
import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

/// Issue #10: what the daemon promises under bad input and faults. Every test runs a real `bindery
/// serve`; one test at a time (they are CPU-bound on 2 cores and some change process limits).
@Suite("Reliability", .serialized) enum Reliability {}

/// Helpers shared by the reliability tests.
enum ReliabilityKit {
    /// A small valid document; `variant` changes its text.
    static func document(_ variant: String) -> String {
        "A SMALL BOOK\n\nby A. Writer\n\n\nCHAPTER I\n\nThe first paragraph of \(variant), long enough to be a paragraph of prose.\n\n"
            + "A second paragraph follows here.\n\n\nCHAPTER II\n\nThe end of \(variant).\n"
    }

    /// Writes `bindery.yaml` with a short settle delay plus `extra` YAML; returns the `--config` arguments.
    static func configure(_ daemon: DaemonProcess, _ extra: String = "") throws -> [String] {
        let file = daemon.directory.path("bindery.yaml")
        try ("watch:\n  settle_ms: 20\n" + extra).write(to: file, atomically: true, encoding: .utf8)
        return ["--config", file.path]
    }

    static func socket(_ daemon: DaemonProcess) -> String { daemon.state.appendingPathComponent("bindery.sock").path }

    /// Waits until the `count`-th start-up of this daemon has converted its backlog.
    static func caughtUp(_ daemon: DaemonProcess, starts count: Int = 1, timeout: Double = 90) async -> Bool {
        await eventually(timeout: timeout) { daemon.logLines("startup.caught-up").count >= count }
    }

    /// The daemon's pipeline settings for the YAML it was given, to convert in-process what it should have published.
    static func settings(_ daemon: DaemonProcess) throws -> PipelineSettings {
        let file = daemon.directory.path("bindery.yaml")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return try PipelineSettings(ConfigurationLoader.parse(text, file: nil, environment: [:]))
    }

    /// Output path → bytes a fresh in-process conversion of the source at `path` gives (as the daemon does it).
    static func expectedOutputs(of path: String, in daemon: DaemonProcess, settings: PipelineSettings) throws -> [String: String] {
        let url = daemon.corpus.appendingPathComponent(path)
        let stamp = try #require(FileStamp(path: url.path))
        let sidecarURL = daemon.corpus.appendingPathComponent(SourceNaming.sidecar(of: path))
        let source = Converter.Source(
            bytes: Array(try Data(contentsOf: url)), fileName: url.lastPathComponent,
            modified: Date(timeIntervalSince1970: Double(stamp.modifiedNanoseconds) / 1e9),
            sidecar: (try? Data(contentsOf: sidecarURL)).map(Array.init))
        let result = try settings.converter.convert(source, formats: settings.formats)
        return Dictionary(uniqueKeysWithValues: result.outputs.map { (Publisher.outputPath(of: path, format: $0.format), Converter.sha256($0.bytes)) })
    }

    /// What is wrong with the published state, as readable lines (empty when all is well): every
    /// source in `sources` is recorded published at its current SHA-256, its outputs on disk are
    /// exactly what a fresh conversion of the current source gives, and `out` holds nothing else
    /// (no temp files, no strays). `cache` keeps fresh conversions of unchanged sources between calls.
    static func audit(_ daemon: DaemonProcess, sources: [String], cache: ConversionCache = ConversionCache()) throws -> [String] {
        var problems: [String] = []
        let settings = try settings(daemon)
        let onDisk = daemon.outputs()
        guard let store = daemon.store() else { return ["no state database"] }
        var expectedPaths = Set<String>()
        for path in sources {
            let current = sha256(try Data(contentsOf: daemon.corpus.appendingPathComponent(path)))
            guard let document = store.document(path) else { problems.append("\(path): not recorded"); continue }
            if document.state != .published || document.sha256 != current {
                problems.append("\(path): recorded \(document.state.rawValue) at \(document.sha256.prefix(8)), source is \(current.prefix(8))")
            }
            let expected = try cache.outputs(of: path, in: daemon) { try expectedOutputs(of: path, in: daemon, settings: settings) }
            for (output, hash) in expected {
                expectedPaths.insert(output)
                if onDisk[output] != hash { problems.append("\(output): not the output of the current source") }
            }
            let recorded = store.outputs(of: path)
            if Set(recorded.map(\.path)) != Set(expected.keys) || recorded.contains(where: { expected[$0.path] != $0.sha256 }) {
                problems.append("\(path): the recorded outputs are not the published ones")
            }
        }
        for path in onDisk.keys where !expectedPaths.contains(path) { problems.append("stray file in out: \(path)") }
        return problems
    }

    /// A command that runs the daemon without the power to bypass file permissions: as root,
    /// `setpriv` drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (mode 000 then means unreadable, a
    /// 0555 directory unwritable); other users need nothing. Throws when root lacks `setpriv`.
    static func withoutPermissionOverride() throws -> [String] {
        guard getuid() == 0 else { return [] }
        guard let setpriv = Validators.which("setpriv") else {
            throw ToolMissing(description: "setpriv (util-linux) is needed to test permissions as root")
        }
        return [setpriv.path, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    }

    /// The sources being converted now, from the control socket's `status`.
    static func runningJobs(_ daemon: DaemonProcess) -> [String] {
        guard let status = try? ControlClient(socketPath: socket(daemon), timeout: 5).call("status").result,
              case .array(let running)? = status["running_jobs"] else { return [] }
        return running.compactMap(\.stringValue)
    }

    /// The largest book of `../shared/corpus` (1.3 MB; 1.6 s to convert in a debug build, 100 times a small document).
    static func largeBook() throws -> String {
        try String(contentsOf: PackagePaths.corpus.appendingPathComponent("002_32c12c04ebb8bb88.txt"), encoding: .utf8)
    }

    /// The daemon's peak resident memory in KiB, from /proc.
    static func peakMemoryKiB(_ daemon: DaemonProcess) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(daemon.pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.filter(\.isNumber)) ?? 0
    }

    /// Sets the daemon's peak resident memory (VmHWM) back to what it holds now (`clear_refs` 5), so that a later
    /// `peakMemoryKiB` measures only what happened since.
    static func resetPeakMemory(_ daemon: DaemonProcess) -> Bool {
        (try? "5".write(toFile: "/proc/\(daemon.pid)/clear_refs", atomically: false, encoding: .utf8)) != nil
    }

    /// The names of the temp files the publisher would leave behind (`.NAME.tmp-N`) below `out`.
    static func temporaryFiles(_ daemon: DaemonProcess) -> [String] {
        daemon.outputs().keys.filter { ($0 as NSString).lastPathComponent.hasPrefix(".") && $0.contains(".tmp-") }.sorted()
    }
}

/// A tool a reliability test needs is not installed (a failure, never a skip).
struct ToolMissing: Error, CustomStringConvertible {
    var description: String
}

/// Fresh conversions by source path, reused while the source's stamp is unchanged.
final class ConversionCache {
    private var entries: [String: (stamp: FileStamp, outputs: [String: String])] = [:]

    func outputs(of path: String, in daemon: DaemonProcess, convert: () throws -> [String: String]) throws -> [String: String] {
        let stamp = FileStamp(path: daemon.corpus.appendingPathComponent(path).path)
        if let stamp, let entry = entries[path], entry.stamp == stamp { return entry.outputs }
        let outputs = try convert()
        if let stamp { entries[path] = (stamp, outputs) }
        return outputs
    }
}
