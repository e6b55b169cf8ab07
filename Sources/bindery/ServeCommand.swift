import ArgumentParser
import BinderyService
import Logging

/// `bindery serve`: the daemon, in the foreground, logging one line per event to stderr.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Watch the corpus and keep the outputs up to date (foreground; stop with SIGTERM or SIGINT, reload with SIGHUP)."
    )

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

    func run() async throws {
        let overrides = ConfigurationOverrides(configFile: config, corpus: corpus, out: out, state: state, pollSeconds: poll)
        let configuration: DaemonConfiguration
        do {
            configuration = try ConfigurationLoader.load(overrides: overrides)
        } catch {
            Console.error(error.description)
            throw BinderyExitCode.badConfiguration.exit
        }
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        LoggingSystem.bootstrap { label in StderrLogHandler(label: label, level: level) }
        let logger = Logger(label: "bindery")
        do {
            try await Daemon(configuration: configuration, logger: logger).run()
        } catch {
            logger.critical("daemon.failed", metadata: ["code": "\(error.code.rawValue)", "error": "\(error.message)"])
            throw (error.isConfiguration ? BinderyExitCode.badConfiguration : .failure).exit
        }
    }
}
