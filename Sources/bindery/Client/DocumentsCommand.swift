import ArgumentParser
import BinderyProtocol

/// `bindery documents [--state S]`: the documents the daemon knows.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "documents", abstract: "List the corpus documents and their state.")
    @OptionGroup var client: ClientOptions
    @Option(help: "Only documents in this state (published, failed, deleted).") var state: String?

    func run() throws {
        let params: JSONValue? = state.map { .object(["state": .string($0)]) }
        try client.call("documents", params) { JSONText.table($0, key: "documents", columns: ["path", "state", "size", "updated"]) }
    }
}
