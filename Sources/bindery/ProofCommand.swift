import ArgumentParser
import BinderyConversion
import BinderyText
import BinderyWriters
import Foundation

/// `bindery proof FILE [--out PATH]`: the HTML proof of every structure decision.
struct ProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Write an HTML page showing each source line beside what Bindery made of it."
    )

    @Argument(help: "The plain-text or PDF file.", completion: .file())
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the proof. Default: <stem>.proof.html in the current directory.")
    var out: String?

    func run() throws {
        do {
            let source = try SourceLoader().load(URL(fileURLWithPath: file))
            let result = try Converter().convert(source, formats: [.proof])
            let bytes = result.outputs[0].bytes
            let target = URL(fileURLWithPath: out ?? SourceNaming.output(of: source.fileName, format: .proof))
            do {
                try AtomicFileWriter.write(bytes, to: target)
            } catch {
                throw ConversionError(file: file, "cannot write \(target.path): \(error.message)")
            }
            Console.info("\(file): proof written to \(target.path)")
        } catch let error as ConversionError {
            Console.error("\(file): \(error.message)")
            throw BinderyExitCode.failure.exit
        }
    }
}
