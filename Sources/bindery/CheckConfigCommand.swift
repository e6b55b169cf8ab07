import ArgumentParser
import BinderyService

/// `bindery check-config`: loads and validates a configuration without starting the daemon.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration file (unknown keys, bad values, missing corpus) and print the result."
    )

    @Option(help: "Configuration file (default: the first of $CONFIGURATION_DIRECTORY/bindery.yaml, /etc/bindery/bindery.yaml and $XDG_CONFIG_HOME/bindery/bindery.yaml that exists, else built-in defaults).")
    var config: String?

    func run() throws {
        do {
            let configuration = try ConfigurationLoader.load(overrides: ConfigurationOverrides(configFile: config))
            Console.output(ConfigurationSummary(configuration).text)
        } catch {
            Console.error(error.description)
            throw BinderyExitCode.badConfiguration.exit
        }
    }
}
