import ArgumentParser
import BinderyProtocol

/// `bindery jobs [--state S] [--limit N]`: recent jobs.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "List recent jobs.")
    @OptionGroup var client: ClientOptions
    @Option(help: "Only jobs with this outcome (published, failed, superseded, cancelled, timed-out).") var state: String?
    @Option(help: "How many jobs, newest first.") var limit = 20

    func run() throws {
        var params: [String: JSONValue] = ["limit": .number(Double(limit))]
        if let state { params["state"] = .string(state) }
        try client.call("jobs", .object(params)) { JSONText.table($0, key: "jobs", columns: ["id", "path", "trigger", "state", "duration_ms", "error"]) }
    }
}

/// `bindery job ID`: one job in full.
struct JobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job", abstract: "Show one job.")
    @OptionGroup var client: ClientOptions
    @Argument(help: "The job id.") var id: Int

    func run() throws {
        try client.call("job", .object(["id": .number(Double(id))]), format: JSONText.fields)
    }
}

/// `bindery cancel PATH`: jobs are keyed by their source while queued or running.
struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel the queued or running job of a corpus file.")
    @OptionGroup var client: ClientOptions
    @Argument(help: "The source whose job to cancel (relative to the corpus, or absolute).") var path: String

    func run() throws {
        try client.call("cancel", .object(["path": .string(path)]), format: JSONText.fields)
    }
}
