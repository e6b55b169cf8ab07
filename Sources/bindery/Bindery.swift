import ArgumentParser

/// The `bindery` command: one binary for the daemon, its client and one-shot conversion.
@main
struct Bindery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bindery",
        abstract: "Turn plain-text and PDF documents into EPUB 3.3, TEI P5 and BagIt text bundles.",
        discussion: BinderyExitCode.helpText,
        version: BinderyCLIVersion.current,
        subcommands: [
            ConvertCommand.self, InspectCommand.self, ProofCommand.self, ServeCommand.self, WorkCommand.self, MigrateCommand.self, CheckConfigCommand.self,
            StatusCommand.self, DocumentsCommand.self, JobsCommand.self, JobCommand.self, SubmitCommand.self, CancelCommand.self,
            RescanCommand.self, PauseCommand.self, ResumeCommand.self, ReloadCommand.self, MetricsCommand.self, EventsCommand.self,
        ]
    )
}
