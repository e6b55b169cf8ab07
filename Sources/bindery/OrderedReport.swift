import Foundation

/// The messages of files converted concurrently, printed in the order of the files as soon as every
/// earlier file is done.
final class OrderedReport: @unchecked Sendable {
    enum Message: Sendable {
        case info(String)
        case error(String)
    }

    struct Entry: Sendable {
        var messages: [Message]
        var failed: Bool
    }

    private let lock = NSLock()
    private var entries: [Entry?]
    private var next = 0
    private var failed = 0

    init(count: Int) {
        entries = Array(repeating: nil, count: count)
    }

    var failures: Int { lock.withLock { failed } }

    func finish(_ index: Int, _ entry: Entry) {
        lock.withLock {
            entries[index] = entry
            if entry.failed { failed += 1 }
            while next < entries.count, let ready = entries[next] {
                for message in ready.messages {
                    switch message {
                    case .info(let text): Console.info(text)
                    case .error(let text): Console.error(text)
                    }
                }
                entries[next] = Entry(messages: [], failed: ready.failed)
                next += 1
            }
        }
    }
}
