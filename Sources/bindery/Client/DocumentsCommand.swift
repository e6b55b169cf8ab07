import ArgumentParser
import BinderyProtocol

/// `bindery documents [--state S]`: the documents the daemon knows.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "documents", abstract: "List the corpus documents and their state.")
    @OptionGroup var client: ClientOptions
    @Option(help: "Only documents in this state (published, failed, deleted).") var state: String?

    func run() throws {
        try client.call(.documents, ControlParams.Documents(state: state), as: DocumentsResult.self) { result in
            JSONText.table(result.documents.map { [$0.path, $0.state, String($0.size), $0.updated] }, columns: ["path", "state", "size", "updated"])
        }
    }
}
