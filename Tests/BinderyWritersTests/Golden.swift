import BinderyArchive
import BinderyTestSupport
import Foundation
import Testing

/// Golden files in `Tests/BinderyWritersTests/Goldens`; `RECORD_GOLDENS=1 swift test` rewrites them
/// (review the diff before committing).
enum Golden {
    static let directory = PackagePaths.root.appendingPathComponent("Tests/BinderyWritersTests/Goldens")

    static func check(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name): run RECORD_GOLDENS=1 swift test and review it", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actualLines.count, expectedLines.count)
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            Issue.record("\(name) differs from its golden file at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
        }
    }

    /// An archive as text: each entry's path and storage, then its content (text entries only).
    static func textView(of archive: [UInt8]) throws -> String {
        let reader = try ZipArchiveReader(archive)
        return reader.entries.map { entry in
            let content = String(validating: entry.bytes, as: UTF8.self) ?? "<\(entry.bytes.count) bytes of binary>"
            return "=== \(entry.path) [\(entry.isStored ? "stored" : "deflated")]\n\(content)\(content.hasSuffix("\n") ? "" : "\n")"
        }.joined()
    }
}
