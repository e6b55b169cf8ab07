import Foundation

extension Validators {
    /// A conversion's outputs (each file's suffix and bytes) written out as `stem.*` and checked by the real validators:
    /// EPUBCheck, jing (tei_all), and bagit-python when `bag` is set. Returns what failed, empty when all passed; a missing
    /// validator is a failure under CI, and skips the checks elsewhere.
    public static func problems(_ outputs: [(suffix: String, bytes: [UInt8])], stem: String, bag: Bool = false) throws -> [String] {
        guard missing.isEmpty else { return PackagePaths.isCI ? ["validators missing under CI: \(missing)"] : [] }
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for output in outputs { try Data(output.bytes).write(to: directory.appendingPathComponent(stem + output.suffix)) }
        var outcomes = [("EPUBCheck", try epubcheck(directory.appendingPathComponent(stem + ".epub"))),
                        ("jing", try jing([directory.appendingPathComponent(stem + ".tei.xml")]))]
        if bag {
            let unpacked = directory.appendingPathComponent("bag")
            try unzip(directory.appendingPathComponent(stem + ".bag.zip"), into: unpacked)
            outcomes.append(("bagit", try bagit(unpacked.appendingPathComponent(stem))))
        }
        return outcomes.filter { !$0.1.passed }.map { "\($0.0): \($0.1.output.suffix(2000))" }
    }
}
