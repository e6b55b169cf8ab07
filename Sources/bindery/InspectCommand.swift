import ArgumentParser
import BinderyConversion
import Foundation

/// `bindery inspect FILE [--json]`: the recovered outline, counts and diagnostics, without writing outputs.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the structure Bindery recovers from a plain-text or PDF document: outline, counts, diagnostics."
    )

    @Argument(help: "The plain-text or PDF file to inspect.", completion: .file())
    var file: String

    @Flag(help: "Print JSON for tools instead of text.")
    var json = false

    func run() throws {
        do {
            let source = try SourceLoader().load(URL(fileURLWithPath: file))
            let report = DocumentReport(try Converter().read(source))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Console.output(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                Console.output(report.text)
            }
        } catch let error as ConversionError {
            Console.error(error.description)
            throw BinderyExitCode.failure.exit
        }
    }
}
