import ArgumentParser
import BinderyProtocol
import BinderyService
import Foundation

/// `bindery submit PATH [--to …] [--wait]`: ask the daemon to convert a corpus file now.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Queue a corpus file for conversion now (highest priority).")
    @OptionGroup var client: ClientOptions
    @Argument(help: "A file inside the daemon's corpus (relative to the corpus, or absolute).") var path: String
    @Flag(help: "Follow the job until it ends; exit 1 if it fails.") var wait = false

    func run() throws {
        let params: [String: JSONValue] = ["path": .string(path)]
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
            Console.output(client.json ? JSONText.pretty(result) : "queued \(JSONText.scalar(result["path"])) (request priority)")
            guard let events, let path = result["path"] else { return }
            while true {
                let line = try events.readLine()
                guard let event = try? JSONDecoder().decode([String: JSONValue].self, from: Data(line))["event"], event["path"] == path else { continue }
                let type = JSONText.scalar(event["type"])
                Console.output(client.json ? String(decoding: line, as: UTF8.self) : "\(type) \(JSONText.scalar(event["path"]))" + (event["error"].map { ": \(JSONText.scalar($0))" } ?? ""))
                if type == "job.published" || type == "job.up-to-date" { return }
                if type == "job.failed" || type == "job.cancelled" || type == "job.timed-out" { throw ExitCode(1) }
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
