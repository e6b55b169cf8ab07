import BinderyConversion
import BinderyTestSupport
import Foundation
import Testing

/// A conversion's outputs written out as `small.*` and checked by the real validators: EPUBCheck, jing (tei_all),
/// and bagit-python when `bag` is set. Under CI a missing validator fails the test instead of skipping.
func validateOutputs(_ result: Converter.Result, bag: Bool = false) throws {
    guard Validators.missing.isEmpty else {
        #expect(!PackagePaths.isCI, "validators missing under CI: \(Validators.missing)")
        return
    }
    let directory = try PackagePaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for output in result.outputs { try Data(output.bytes).write(to: directory.appendingPathComponent("small" + output.format.fileSuffix)) }
    let epubcheck = try Validators.epubcheck(directory.appendingPathComponent("small.epub"))
    #expect(epubcheck.passed, "\(epubcheck.output.suffix(2000))")
    let jing = try Validators.jing([directory.appendingPathComponent("small.tei.xml")])
    #expect(jing.passed, "\(jing.output.suffix(2000))")
    guard bag else { return }
    let unpacked = directory.appendingPathComponent("bag")
    try Validators.unzip(directory.appendingPathComponent("small.bag.zip"), into: unpacked)
    let bagit = try Validators.bagit(unpacked.appendingPathComponent("small"))
    #expect(bagit.passed, "\(bagit.output.suffix(2000))")
}
