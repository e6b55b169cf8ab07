import ArgumentParser
import BinderyService
import Dispatch
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
        // The database's calls block: on a Dispatch thread, not on one of Swift concurrency's.
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[Int], ServiceError>, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(ServiceError) in
                    let database = ClusterDatabase(url: try PostgresURL(url), connections: 2, logger: Logger(label: "bindery"))
                    defer { database.close() }
                    return try database.migrate()
                })
            }
        }
        switch result {
        case .success(let applied):
            print(applied.isEmpty ? "schema up to date" : "applied schema versions \(applied.map(String.init).joined(separator: ", "))")
        case .failure(let error):
            Console.error(error.description)
            throw (error.isConfiguration ? BinderyExitCode.badConfiguration : .failure).exit
        }
    }
}
