/// The queued jobs of `DispatchJobQueue`: one per source (a newer ticket replaces the one queued),
/// taken by highest trigger, then oldest `queuedAt`, then order of arrival.
///
/// A binary heap with lazy deletion: a replaced or removed ticket stays in the heap until it reaches
/// the top and is found stale. A start-up backlog of N sources so costs O(N log N), where choosing
/// each job by scanning every ticket cost O(N²) (a quarter of a restart's CPU at 5,000 sources).
struct PendingJobs {
    private struct Entry {
        let ticket: JobTicket
        let sequence: Int

        /// True when `self` is taken before `other`.
        func precedes(_ other: Entry) -> Bool {
            if ticket.trigger != other.ticket.trigger { return ticket.trigger > other.ticket.trigger }
            if ticket.queuedAt != other.ticket.queuedAt { return ticket.queuedAt < other.ticket.queuedAt }
            return sequence < other.sequence
        }
    }

    /// The live entry of each queued source.
    private var live: [String: Entry] = [:]
    /// Live and stale entries, heap-ordered by `precedes`.
    private var heap: [Entry] = []
    private var nextSequence = 0

    var count: Int { live.count }
    var isEmpty: Bool { live.isEmpty }

    subscript(path: String) -> JobTicket? { live[path]?.ticket }

    /// Queues `ticket`, replacing whatever was queued for its source.
    mutating func insert(_ ticket: JobTicket) {
        let entry = Entry(ticket: ticket, sequence: nextSequence)
        nextSequence += 1
        live[ticket.path] = entry
        push(entry)
        if heap.count > 2 * live.count + 64 { compact() }
    }

    /// Drops the ticket queued for `path`; false if there was none.
    @discardableResult
    mutating func remove(_ path: String) -> Bool {
        live.removeValue(forKey: path) != nil
    }

    mutating func removeAll() {
        live.removeAll()
        heap.removeAll()
    }

    /// Takes the first ticket in order that `isRunnable`; the ones passed over stay queued.
    mutating func take(where isRunnable: (JobTicket) -> Bool) -> JobTicket? {
        var passedOver: [Entry] = []
        defer { for entry in passedOver { push(entry) } }
        while let top = popTop() {
            guard live[top.ticket.path]?.sequence == top.sequence else { continue }
            guard isRunnable(top.ticket) else {
                passedOver.append(top)
                continue
            }
            live[top.ticket.path] = nil
            return top.ticket
        }
        return nil
    }

    /// Rebuilds the heap from the live entries, dropping the stale ones.
    private mutating func compact() {
        heap = Array(live.values)
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        siftDown(0)
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            let first = right < heap.count && heap[right].precedes(heap[left]) ? right : left
            guard heap[first].precedes(heap[parent]) else { return }
            heap.swapAt(first, parent)
            parent = first
        }
    }
}
