import ArgumentParser
import BinderyProtocol

/// `bindery jobs [--state S] [--limit N]`: recent jobs.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "List recent jobs.")
    @OptionGroup var client: ClientOptions
    @Option(help: "Only jobs with this outcome (published, failed, superseded, cancelled, timed-out).") var state: String?
    @Option(help: "How many jobs, newest first.") var limit = 20

    func run() throws {
        try client.call(.jobs, ControlParams.Jobs(limit: limit, state: state), as: JobsResult.self) { result in
            let rows = result.jobs.map { job in
                [job.id.map(String.init) ?? "-", job.path, job.trigger, job.state, String(job.durationMilliseconds), job.error ?? "-"]
            }
            return JSONText.table(rows, columns: ["id", "path", "trigger", "state", "duration_ms", "error"])
        }
    }
}

/// `bindery job ID`: one job in full.
struct JobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job", abstract: "Show one job.")
    @OptionGroup var client: ClientOptions
    @Argument(help: "The job id.") var id: Int

    func run() throws {
        try client.callShowingFields(.job, ControlParams.Job(id: Int64(id)), as: JobSummary.self)
    }
}

/// `bindery cancel PATH`: jobs are keyed by their source while queued or running.
struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel the queued or running job of a corpus file.")
    @OptionGroup var client: ClientOptions
    @Argument(help: "The source whose job to cancel (relative to the corpus, or absolute).") var path: String

    func run() throws {
        try client.callShowingFields(.cancel, ControlParams.Path(path: path), as: CancelResult.self)
    }
}
