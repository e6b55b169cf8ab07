import ArgumentParser
import BinderyProtocol
import BinderyService
import Foundation

/// `bindery submit PATH [--to …] [--wait]`: ask the daemon to convert a corpus file now.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Queue a corpus file for conversion now (highest priority).")
    @OptionGroup var client: ClientOptions
    @Argument(help: "A file inside the daemon's corpus (relative to the corpus, or absolute).") var path: String
    @Option(help: "Formats, comma-separated (default: the daemon's).") var to: String?
    @Flag(help: "Follow the job until it ends; exit 1 if it fails.") var wait = false

    func run() throws {
        var params: [String: JSONValue] = ["path": .string(path)]
        if let to { params["formats"] = .array(try FormatList.parse(to).map { .string($0.rawValue) }) }
        // Subscribe first, so that no event of the job can be missed.
        let events: ControlClient?
        do {
            events = wait ? try ControlClient(socketPath: client.socketPath, timeout: 0) : nil
            _ = try events?.call("events")
            let response = try ControlClient(socketPath: client.socketPath).call("submit", .object(params))
            if let error = response.error {
                Console.error("submit: \(error.message)")
                throw ExitCode(1)
            }
            let result = response.result ?? .null
            Console.output(client.json ? JSONText.pretty(result) : "queued job \(JSONText.scalar(result["id"])) for \(JSONText.scalar(result["path"]))")
            guard let events, let id = result["id"] else { return }
            while true {
                let line = try events.readLine()
                guard let event = try? JSONDecoder().decode([String: JSONValue].self, from: Data(line))["event"], event["job"] == id else { continue }
                let type = JSONText.scalar(event["type"])
                Console.output(client.json ? String(decoding: line, as: UTF8.self) : "\(type) \(JSONText.scalar(event["path"]))" + (event["error"].map { ": \(JSONText.scalar($0))" } ?? ""))
                if type == "job.succeeded" { return }
                if type == "job.failed" || type == "job.cancelled" || type == "job.superseded" { throw ExitCode(1) }
            }
        } catch let error as ControlServerError {
            Console.error(error.message)
            throw ExitCode(2)
        }
    }
}

/// `bindery events`: job and document events as they happen, until interrupted.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Follow job and document events until interrupted.")
    @OptionGroup var client: ClientOptions

    func run() throws {
        do {
            let events = try ControlClient(socketPath: client.socketPath, timeout: 0)
            let response = try events.call("events")
            if let error = response.error {
                Console.error("events: \(error.message)")
                throw ExitCode(1)
            }
            while true {
                let line = try events.readLine()
                if client.json {
                    Console.output(String(decoding: line, as: UTF8.self))
                } else if let event = try? JSONDecoder().decode([String: JSONValue].self, from: Data(line))["event"] {
                    Console.output(JSONText.scalar(event))
                }
            }
        } catch let error as ControlServerError {
            Console.error(error.message)
            throw ExitCode(2)
        }
    }
}
