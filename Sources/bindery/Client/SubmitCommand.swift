import ArgumentParser
import BinderyProtocol
import Foundation

/// `bindery submit PATH [--wait]`: ask the daemon to convert a corpus file now.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Queue a corpus file for conversion now (highest priority).")
    @OptionGroup var client: ClientOptions
    @Argument(help: "A file inside the daemon's corpus (relative to the corpus, or absolute).") var path: String
    @Flag(help: "Follow the job until it ends; exit 1 if it fails.") var wait = false

    func run() throws {
        // Subscribe first, so that no event of the job can be missed.
        let events = wait ? try client.connect(timeout: 0) : nil
        if let events { _ = try client.request(.events, on: events, as: EventsResult.self) }
        let (result, json) = try client.request(.submit, ControlParams.Path(path: path), as: SubmitResult.self)
        Console.output(client.json ? JSONText.pretty(json) : "queued \(JSONText.printable(result.path)) (request priority)")
        guard let events else { return }
        while true {
            let (event, line) = try client.reaching { () throws(ControlSocketError) in try events.nextEvent() }
            guard event.path == result.path else { continue }
            Console.output(client.json ? String(decoding: line, as: UTF8.self)
                : "\(event.kind.rawValue) \(JSONText.printable(event.path))" + (event.error.map { ": \(JSONText.printable($0))" } ?? ""))
            if event.kind.isSuccess { return }
            if event.kind.isFailure { throw BinderyExitCode.failure.exit }
        }
    }
}

/// `bindery events`: job and document events as they happen, until interrupted.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Follow job and document events until interrupted.")
    @OptionGroup var client: ClientOptions

    func run() throws {
        let events = try client.connect(timeout: 0)
        _ = try client.request(.events, on: events, as: EventsResult.self)
        while true {
            let (event, line) = try client.reaching { () throws(ControlSocketError) in try events.nextEvent() }
            Console.output(client.json ? String(decoding: line, as: UTF8.self) : JSONText.scalar((try? JSONValue(encoding: event)) ?? .null))
        }
    }
}
