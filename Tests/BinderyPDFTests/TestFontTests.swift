import Foundation
import Testing

/// The generated PDFs are set in Liberation Serif (Debian's fonts-liberation2, installed by `make deps-test`): without
/// it fontconfig sets them in another face, and the layout tests fail for no reason they can name. This one names it.
@Suite("The test machine's fonts")
struct TestFontTests {
    @Test func theSerifFamilyIsInstalled() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fc-match")
        process.arguments = ["--format=%{family}", TypeFace.serifFamily]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let family = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(family.contains(TypeFace.serifFamily), "fontconfig gives “\(family)” for \(TypeFace.serifFamily): install fonts-liberation2 (make deps-test)")
    }
}
