import ArgumentParser
import BinderyService
import Logging

/// `bindery migrate --queue URL`: brings a cluster's PostgreSQL schema up to date (every node also does at start).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the tables of a cluster's queue and state in PostgreSQL (needs --queue or queue.url)."
    )

    @OptionGroup var options: DaemonOptions

    func run() async throws {
        // The corpus and output directories need not exist where the schema is migrated from.
        guard let url = try options.queue ?? options.loadConfiguration().queue.url else {
            Console.error("bindery migrate needs a cluster's database: give --queue URL or queue.url")
            throw BinderyExitCode.badConfiguration.exit
        }
        do {
            let applied = try await ClusterDatabase.migrate(url, logger: Logger(label: "bindery"))
            print(applied.isEmpty ? "schema up to date" : "applied schema versions \(applied.map(String.init).joined(separator: ", "))")
        } catch {
            Console.error(error.description)
            throw (error.isConfiguration ? BinderyExitCode.badConfiguration : .failure).exit
        }
    }
}
