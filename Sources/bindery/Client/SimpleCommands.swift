import ArgumentParser

/// `bindery rescan`: look at the whole corpus again.
struct RescanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rescan", abstract: "Rescan the corpus for changes.")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.call("rescan", format: JSONText.fields) }
}

/// `bindery pause`: stop starting jobs (running ones finish).
struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop starting new jobs; running jobs finish.")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.call("pause", format: JSONText.fields) }
}

/// `bindery resume`.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Start jobs again after a pause.")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.call("resume", format: JSONText.fields) }
}

/// `bindery reload`: re-read the configuration (as SIGHUP does).
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reload", abstract: "Reload the daemon's configuration.")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.call("reload", format: JSONText.fields) }
}

/// `bindery metrics`: Prometheus text.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metrics", abstract: "Print the daemon's metrics (Prometheus text format).")
    @OptionGroup var client: ClientOptions
    func run() throws { try client.call("metrics") { $0["text"]?.stringValue ?? JSONText.scalar($0) } }
}
