import Foundation

/// The `bindery` executable that `swift build`/`swift test` built next to the test bundle.
public enum BuiltBinary {
    public static var url: URL? {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["BINDERY_BINARY"] { candidates.append(URL(fileURLWithPath: override)) }
        // The test bundle lives in the build products folder, beside the executable.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("bindery"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bindery"))
        candidates.append(PackagePaths.root.appendingPathComponent(".build/debug/bindery"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
