import BinderyConversion
import Foundation
@testable import BinderyService

/// Read-only questions the end-to-end tests ask the daemon's state store.
struct StateStoreView {
    private let store: StateStore

    init(_ directory: URL) throws {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(StateStore.fileName).path) else {
            throw ServiceError(.stateStore, "no database yet")
        }
        store = try StateStore(readingAt: directory)
    }

    var documents: [DocumentRecord] { (try? store.documents()) ?? [] }
    var jobs: [JobRecord] { (try? store.jobs(limit: 100_000)) ?? [] }
    func document(_ path: String) -> DocumentRecord? { try? store.document(path) }
    func outputs(of path: String) -> [OutputRecord] { (try? store.outputs(of: path)) ?? [] }
    func published(_ path: String) -> Int { jobs.filter { $0.path == path && $0.outcome == .published }.count }
}

func sha256(_ data: Data) -> String { Converter.sha256(Array(data)) }
