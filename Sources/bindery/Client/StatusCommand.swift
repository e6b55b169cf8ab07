import ArgumentParser
import BinderyProtocol

/// `bindery status`: version, uptime, corpus, queue depth, running jobs, documents by state.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the daemon's status.")
    @OptionGroup var client: ClientOptions

    func run() throws {
        try client.callShowingFields(.status, as: StatusResult.self)
    }
}
