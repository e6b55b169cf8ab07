import ArgumentParser
import BinderyConversion
import BinderyText
import BinderyWriters
import Foundation

/// `bindery convert FILE… --out DIR [--to epub,tei,text]`: one-shot conversion, no daemon.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert plain-text or PDF documents once and write their outputs into a directory.",
        discussion: "Each FILE gives DIR/<stem>.epub, DIR/<stem>.tei.xml and DIR/<stem>.bag.zip. A failing file is reported and the others are still converted; the exit status is then 1. Each warning and error the reader records is printed as FILE:LINE: SEVERITY: MESSAGE [CODE]."
    )

    @Argument(help: "Plain-text or PDF files to convert (a PDF is told by its .pdf name or its %PDF- header).", completion: .file())
    var files: [String]

    @Option(name: .shortAndLong, help: "The directory to write into (created if missing).")
    var out: String

    @Option(name: .long, help: "Formats, comma-separated: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: epub, tei, text.")
    var to: String?

    @Option(name: .long, help: "A template directory that overrides the bundled templates.")
    var templates: String?

    @Option(name: .long, help: "A data directory whose templates/ is searched before $XDG_DATA_HOME/bindery/templates, /usr/share/bindery/templates and the bundled templates.")
    var dataDir: String?

    @Flag(name: .shortAndLong, help: "Print nothing for files that convert cleanly.")
    var quiet = false

    @Flag(help: "Print the time each stage took (read, then each writer) for every file.")
    var timings = false

    @Flag(help: "Diplomatic transcription: keep the source's line breaks (TEI <lb/>, break=\"no\" where a word was rejoined).")
    var diplomatic = false

    func run() throws {
        let formats = try FormatList.parse(to)
        let templateSet: TemplateSet
        do {
            let overrides = [templates.map { URL(fileURLWithPath: $0) }, dataDir.map { URL(fileURLWithPath: $0).appendingPathComponent("templates") }]
            templateSet = try TemplateSet.load(overrides: overrides.compactMap { $0 })
        } catch {
            // Missing or unreadable templates: the installation's or the option's fault, not the files'.
            Console.error(error.description)
            throw BinderyExitCode.badConfiguration.exit
        }
        let converter = Converter(readerOptions: ReaderOptions(keepLineBreaks: diplomatic), templates: templateSet)
        let loader = SourceLoader()
        let outDirectory = URL(fileURLWithPath: out)
        let files = files, timings = timings, quiet = quiet
        // Files are converted on every core, the largest first; files that share a stem (and so their outputs) go
        // one after another, in the order given; the messages come out in the order of the files.
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let weight = { (batch: [Int]) in batch.reduce(0) { $0 + sizes[$1] } }
        let batches = Dictionary(grouping: files.indices) { SourceNaming.stem(of: URL(fileURLWithPath: files[$0]).lastPathComponent) }.values.sorted { left, right in
            weight(left) != weight(right) ? weight(left) > weight(right) : left[0] < right[0]
        }
        let report = OrderedReport(count: files.count)
        DispatchQueue.concurrentPerform(iterations: batches.count) { batch in
            for index in batches[batch] {
                report.finish(index, Self.convert(files[index], converter: converter, loader: loader, formats: formats,
                                                  into: outDirectory, timings: timings, quiet: quiet))
            }
        }
        if report.failures > 0 { throw BinderyExitCode.failure.exit }
    }

    /// Converts one file and writes its outputs; the messages to print for it, and whether it failed.
    private static func convert(
        _ file: String, converter: Converter, loader: SourceLoader, formats: [OutputFormat], into outDirectory: URL, timings: Bool, quiet: Bool
    ) -> OrderedReport.Entry {
        let started = Date()
        var messages: [OrderedReport.Message] = []
        do {
            let source = try loader.load(URL(fileURLWithPath: file))
            let result = try converter.convert(source, formats: formats)
            var written: [String] = []
            for output in result.outputs {
                let target = outDirectory.appendingPathComponent(SourceNaming.output(of: source.fileName, format: output.format))
                do {
                    try AtomicFileWriter.write(output.bytes, to: target)
                } catch {
                    throw ConversionError(file: file, "cannot write \(target.path): \(error.message)")
                }
                written.append(target.lastPathComponent)
            }
            // Each warning and error with its file and line, as compilers print them (`--quiet` too: the file
            // did not convert cleanly).
            for diagnostic in result.document.diagnostics where diagnostic.severity >= .warning {
                let place = diagnostic.line.map { "\(file):\($0)" } ?? file
                messages.append(.info("\(place): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"))
            }
            if timings {
                let stages = result.timings.map { "\($0.stage) \(String(format: "%.1f", $0.seconds * 1000)) ms" }.joined(separator: ", ")
                messages.append(.info("\(file): \(source.bytes.count) bytes; \(stages)"))
            }
            if !quiet {
                let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
                let warnings = result.document.diagnostics.filter { $0.severity >= .warning }.count
                messages.append(.info("\(file): \(written.joined(separator: ", ")) (\(milliseconds) ms, \(warnings) warnings)"))
            }
            return OrderedReport.Entry(messages: messages, failed: false)
        } catch let error as ConversionError {
            return OrderedReport.Entry(messages: messages + [.error("\(file): \(error.message)")], failed: true)
        } catch {
            return OrderedReport.Entry(messages: messages + [.error("\(file): \(error)")], failed: true)
        }
    }
}

/// Parses `--to epub,tei`.
enum FormatList {
    static func parse(_ list: String?) throws -> [OutputFormat] {
        guard let list else { return OutputFormat.publications }
        var formats: [OutputFormat] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let format = OutputFormat(rawValue: name) else {
                throw ValidationError("unknown format '\(name)'; choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw ValidationError("--to names no format") }
        return formats
    }
}
