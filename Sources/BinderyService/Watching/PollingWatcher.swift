import Dispatch
import Foundation
import Synchronization

/// Compares the corpus with its previous listing every `interval` seconds: for network file systems,
/// where inotify sees nothing.
package final class PollingWatcher: CorpusWatcher, Sendable {
    /// The timer and the previous listing; polls run on `queue`, one at a time.
    private struct State {
        var timer: DispatchSourceTimer?
        var previous: [String: FileStamp] = [:]
        var previousUndecodable: Set<String> = []
        var previousUnreadable: Set<String> = []
    }

    private let layout: CorpusLayout
    private let interval: Double
    private let queue = DispatchQueue(label: "bindery.poll")
    private let state = Mutex(State())

    package init(layout: CorpusLayout, interval: Double) {
        self.layout = layout
        self.interval = interval
    }

    package func start(_ handler: @escaping @Sendable (WatchEvent) -> Void) throws(ServiceError) {
        let listing = layout.listing()
        let (queue, interval) = (self.queue, self.interval)
        state.withLock { state in
            state.previous = listing.files
            state.previousUndecodable = listing.undecodable
            state.previousUnreadable = Set(listing.unreadable.keys)
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
            timer.setEventHandler { [weak self] in self?.poll(handler) }
            timer.resume()
            state.timer = timer
        }
    }

    package func stop() {
        state.withLock { state in
            state.timer?.cancel()
            state.timer = nil
        }
        // A poll under way ends before `stop` returns.
        queue.sync {}
    }

    private func poll(_ handler: @Sendable (WatchEvent) -> Void) {
        let listing = layout.listing()
        for event in state.withLock({ Self.changes(from: &$0, to: listing) }) { handler(event) }
    }

    /// The events between the previous listing in `state` and `listing`, which becomes the previous one.
    private static func changes(from state: inout State, to listing: CorpusLayout.Listing) -> [WatchEvent] {
        var events: [WatchEvent] = []
        let current = listing.files
        var touched = Set<String>()
        for (path, stamp) in current where state.previous[path] != stamp { touched.insert(path) }
        for path in state.previous.keys where current[path] == nil { touched.insert(path) }
        state.previous = current
        for path in touched.sorted() {
            for source in CorpusLayout.sources(for: path) { events.append(.touched(source)) }
        }
        let changed = listing.undecodable.symmetricDifference(state.previousUndecodable)
        state.previousUndecodable = listing.undecodable
        let directories = Set(changed.map { path in
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            return trimmed.split(separator: "/").dropLast().joined(separator: "/")
        })
        for directory in directories.sorted() { events.append(.undecodableName(inDirectory: directory)) }
        // A directory that became unreadable or readable again: list it (records or clears its failure).
        let unreadable = Set(listing.unreadable.keys)
        for path in unreadable.symmetricDifference(state.previousUnreadable).sorted() {
            events.append(.directoryAppeared(path == "./" ? "" : String(path.dropLast())))
        }
        state.previousUnreadable = unreadable
        return events
    }
}
