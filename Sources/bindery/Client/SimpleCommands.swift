import ArgumentParser
import BinderyProtocol

/// `bindery rescan`: look at the whole corpus again.
struct RescanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rescan", abstract: "Rescan the corpus for changes.")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.callShowingFields(.rescan, as: RescanResult.self) }
}

/// `bindery pause`: stop starting jobs (running ones finish).
struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop starting new jobs; running jobs finish.")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.callShowingFields(.pause, as: PausedResult.self) }
}

/// `bindery resume`.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Start jobs again after a pause.")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.callShowingFields(.resume, as: PausedResult.self) }
}

/// `bindery reload`: re-read the configuration (as SIGHUP does).
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reload", abstract: "Reload the daemon's configuration.")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.callShowingFields(.reload, as: ReloadResult.self) }
}

/// `bindery metrics`: Prometheus text.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metrics", abstract: "Print the daemon's metrics (Prometheus text format).")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.call(.metrics, as: MetricsResult.self) { $0.text } }
}
