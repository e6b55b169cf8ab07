import BinderyProtocol
import Foundation
import Testing

/// The control protocol decoder against what fuzzing keeps (Fuzz/Regressions/ControlCodec and the
/// seeds): every line decodes to a request or to a JSON-RPC error, and a request encodes back to one line.
@Suite("Control codec fuzz regressions")
struct ControlCodecFuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func keptInputsDecodeOrFailCleanly() throws {
        let files = ["Fuzz/Regressions/ControlCodec", "Fuzz/Seeds/ControlCodec"].flatMap { folder -> [URL] in
            let directory = Self.root.appendingPathComponent(folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted().map { directory.appendingPathComponent($0) }
        }
        #expect(files.count >= 10)
        for file in files {
            for line in [UInt8](try Data(contentsOf: file)).split(separator: 0x0A, omittingEmptySubsequences: false) {
                switch ControlCodec.decodeRequest(Array(line)) {
                case .success(let request):
                    let encoded = ControlCodec.encode(.success(request.id, request.params ?? .null))
                    #expect(encoded.last == 0x0A && !encoded.dropLast().contains(0x0A), "\(file.lastPathComponent)")
                case .failure(let error):
                    #expect([-32700, -32600].contains(error.code), "\(file.lastPathComponent): \(error)")
                }
            }
        }
    }
}
