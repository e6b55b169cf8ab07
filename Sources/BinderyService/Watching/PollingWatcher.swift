import Dispatch
import Foundation

/// Compares the corpus with its previous listing every `interval` seconds: for network file systems,
/// where inotify sees nothing.
package final class PollingWatcher: CorpusWatcher, @unchecked Sendable {
    private let layout: CorpusLayout
    private let interval: Double
    private let queue = DispatchQueue(label: "bindery.poll")
    // Confined to `queue`.
    private var timer: DispatchSourceTimer?
    private var previous: [String: FileStamp] = [:]
    private var previousUndecodable: Set<String> = []
    private var previousUnreadable: Set<String> = []

    package init(layout: CorpusLayout, interval: Double) {
        self.layout = layout
        self.interval = interval
    }

    package func start(_ handler: @escaping @Sendable (WatchEvent) -> Void) throws(ServiceError) {
        queue.sync {
            let listing = layout.listing()
            previous = listing.files
            previousUndecodable = listing.undecodable
            previousUnreadable = Set(listing.unreadable.keys)
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
            timer.setEventHandler { [weak self] in self?.poll(handler) }
            timer.resume()
            self.timer = timer
        }
    }

    package func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    private func poll(_ handler: @Sendable (WatchEvent) -> Void) {
        let listing = layout.listing()
        let current = listing.files
        var touched = Set<String>()
        for (path, stamp) in current where previous[path] != stamp { touched.insert(path) }
        for path in previous.keys where current[path] == nil { touched.insert(path) }
        previous = current
        for path in touched.sorted() {
            for source in CorpusLayout.sources(for: path) { handler(.touched(source)) }
        }
        let changed = listing.undecodable.symmetricDifference(previousUndecodable)
        previousUndecodable = listing.undecodable
        let directories = Set(changed.map { path in
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            return trimmed.split(separator: "/").dropLast().joined(separator: "/")
        })
        for directory in directories.sorted() { handler(.undecodableName(inDirectory: directory)) }
        // A directory that became unreadable or readable again: list it (records or clears its failure).
        let unreadable = Set(listing.unreadable.keys)
        for path in unreadable.symmetricDifference(previousUnreadable).sorted() {
            handler(.directoryAppeared(path == "./" ? "" : String(path.dropLast())))
        }
        previousUnreadable = unreadable
    }
}
