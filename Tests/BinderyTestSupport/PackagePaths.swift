import Foundation

/// Where things are, seen from the package root (tests run on the source tree).
public enum PackagePaths {
    /// The package root: two folders above this file.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared` beside the package.
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    public static let corpus = shared.appendingPathComponent("corpus")
    public static let teiSchema = shared.appendingPathComponent("schemas/tei_all.rng")
    public static let sampleCorpus = root.appendingPathComponent("Config/sample-corpus")

    /// True in CI, where a missing validator or corpus is a failure rather than a skip.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The corpus documents, sorted; empty when the corpus is absent.
    public static func corpusFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0) }
    }

    /// A fresh temporary directory.
    public static func temporaryDirectory(_ label: String = "bindery-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
