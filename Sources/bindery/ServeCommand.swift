import ArgumentParser
import BinderyService
import Logging

/// `bindery serve`: the daemon, in the foreground, logging one line per event to stderr.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Watch the corpus and keep the outputs up to date (foreground; stop with SIGTERM or SIGINT, reload with SIGHUP).",
        discussion: "With --queue (or queue.url), a node of a cluster: it converts, and watches while it leads the cluster."
    )

    @OptionGroup var options: DaemonOptions

    func run() async throws {
        try await options.runDaemon(role: .serve)
    }
}

/// `bindery work --queue URL`: a node of a cluster that only converts.
struct WorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work",
        abstract: "Convert the jobs of a cluster's queue without watching the corpus (needs --queue or queue.url)."
    )

    @OptionGroup var options: DaemonOptions

    func run() async throws {
        try await options.runDaemon(role: .work)
    }
}

/// The options of the commands that run the daemon.
struct DaemonOptions: ParsableArguments {
    @Option(help: "Configuration file (default: the first of $CONFIGURATION_DIRECTORY/bindery.yaml, /etc/bindery/bindery.yaml and $XDG_CONFIG_HOME/bindery/bindery.yaml that exists, else built-in defaults).")
    var config: String?

    @Option(help: "Corpus directory to watch (overrides `corpus`).")
    var corpus: String?

    @Option(help: "Output directory (overrides `out`).")
    var out: String?

    @Option(help: "State directory (overrides `state`; default $STATE_DIRECTORY).")
    var state: String?

    @Option(help: "Poll the corpus every SECONDS instead of using inotify (network file systems).")
    var poll: Double?

    @Option(help: "PostgreSQL connection URI of a cluster's queue and state (overrides `queue.url`), e.g. postgresql://bindery@db:5432/bindery.")
    var queue: String?

    /// The configuration, or exit 2 with its error.
    func loadConfiguration() throws -> DaemonConfiguration {
        let overrides = ConfigurationOverrides(configFile: config, corpus: corpus, out: out, state: state, pollSeconds: poll, queueURL: queue)
        do {
            return try ConfigurationLoader.load(overrides: overrides)
        } catch {
            Console.error(error.description)
            throw BinderyExitCode.badConfiguration.exit
        }
    }

    func runDaemon(role: ClusterRole) async throws {
        let configuration = try loadConfiguration()
        if role == .work, configuration.queue.url == nil {
            Console.error("bindery work converts a cluster's jobs: give --queue URL or queue.url")
            throw BinderyExitCode.badConfiguration.exit
        }
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        LoggingSystem.bootstrap { label in StderrLogHandler(label: label, level: level) }
        let logger = Logger(label: "bindery")
        do {
            try await Daemon(configuration: configuration, logger: logger, role: role).run()
        } catch {
            logger.critical("daemon.failed", metadata: ["code": "\(error.code.rawValue)", "error": "\(error.message)"])
            throw (error.isConfiguration ? BinderyExitCode.badConfiguration : .failure).exit
        }
    }
}
