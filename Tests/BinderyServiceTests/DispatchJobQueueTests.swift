import Foundation
import Testing
@testable import BinderyService

/// A thread-safe log of what the executor saw.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []
    private var running = 0
    private(set) var peak = 0

    func begin(_ name: String) { lock.withLock { events.append(name); running += 1; peak = max(peak, running) } }
    func end() { lock.withLock { running -= 1 } }
    var all: [String] { lock.withLock { events } }
}

/// A gate jobs wait on until the test opens it.
private final class Gate: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func wait() { semaphore.wait() }
    func open(_ count: Int = 1) { for _ in 0..<count { semaphore.signal() } }
}

@Suite struct DispatchJobQueueTests {
    @Test func boundedParallelismAndPriorities() async {
        let recorder = Recorder()
        let gate = Gate()
        let queue = DispatchJobQueue(parallelism: 1) { ticket, _ in
            recorder.begin(ticket.path)
            if ticket.path == "first" { gate.wait() }
            recorder.end()
            return .done
        }
        queue.submit("first", trigger: .startup)
        #expect(await eventually { recorder.all == ["first"] })
        queue.submit("backlog", trigger: .startup)
        queue.submit("event", trigger: .event)
        queue.submit("request", trigger: .request)
        gate.open()
        #expect(queue.waitUntilIdle(timeout: 10))
        #expect(recorder.all == ["first", "request", "event", "backlog"])
        #expect(recorder.peak == 1)
    }

    @Test func parallelismIsUsedButNotExceeded() {
        let recorder = Recorder()
        let queue = DispatchJobQueue(parallelism: 2) { ticket, _ in
            recorder.begin(ticket.path)
            let deadline = Date(timeIntervalSinceNow: 10)
            while recorder.peak < 2, Date() < deadline { usleep(1_000) }
            recorder.end()
            return .done
        }
        for index in 0..<30 { queue.submit("doc\(index)", trigger: .event) }
        #expect(queue.waitUntilIdle(timeout: 30))
        #expect(recorder.all.count == 30)
        #expect(recorder.peak == 2)
    }

    @Test func largeSourcesNeverTakeEveryWorker() async {
        let recorder = Recorder()
        let gate = Gate()
        let queue = DispatchJobQueue(parallelism: 2, isLarge: { $0.hasPrefix("big") }) { ticket, _ in
            recorder.begin(ticket.path)
            if ticket.path.hasPrefix("big") { gate.wait() }
            recorder.end()
            return .done
        }
        queue.submit("big1", trigger: .request)
        queue.submit("big2", trigger: .request)
        #expect(await eventually { recorder.all == ["big1"] })
        queue.submit("small", trigger: .startup)
        #expect(await eventually { recorder.all == ["big1", "small"] }, "the small source runs while the second large one waits")
        // `small` has begun, not yet ended: the queue counts it running until its worker returns.
        #expect(await eventually { queue.counts.running == 1 && queue.counts.queued == 1 }, "\(queue.counts)")
        gate.open(2)
        #expect(queue.waitUntilIdle(timeout: 10))
        #expect(recorder.all == ["big1", "small", "big2"])

        let alone = DispatchJobQueue(parallelism: 1, isLarge: { _ in true }) { ticket, _ in recorder.begin(ticket.path); recorder.end(); return .done }
        alone.submit("big3", trigger: .event)
        #expect(alone.waitUntilIdle(timeout: 10), "with one worker, large sources still run")
    }

    @Test func queuedChangesCoalesceAndRunningJobsAreSuperseded() async {
        let recorder = Recorder()
        let gate = Gate()
        let superseded = Recorder()
        let queue = DispatchJobQueue(parallelism: 2) { ticket, token in
            recorder.begin(ticket.path)
            if recorder.all.count == 1 { gate.wait() }
            if token.isSuperseded { superseded.begin(ticket.path) }
            recorder.end()
            return .done
        }
        queue.submit("a", trigger: .event)
        #expect(await eventually { recorder.all.count == 1 })
        for _ in 0..<5 { queue.submit("a", trigger: .event) }
        #expect(queue.counts.queued == 1)
        gate.open()
        #expect(queue.waitUntilIdle(timeout: 10))
        #expect(recorder.all == ["a", "a"])
        #expect(superseded.all == ["a"])
    }

    @Test func cancellationDropsQueuedAndFlagsRunning() async {
        let gate = Gate()
        let cancelled = Recorder()
        let recorder = Recorder()
        let queue = DispatchJobQueue(parallelism: 1) { ticket, token in
            recorder.begin(ticket.path)
            if ticket.path == "running" { gate.wait() }
            if token.isCancelled { cancelled.begin(ticket.path) }
            recorder.end()
            return .done
        }
        queue.submit("running", trigger: .event)
        #expect(await eventually { recorder.all == ["running"] })
        queue.submit("queued", trigger: .event)
        #expect(queue.cancel("queued"))
        #expect(queue.cancel("running"))
        #expect(!queue.cancel("unknown"))
        gate.open()
        #expect(queue.waitUntilIdle(timeout: 10))
        #expect(recorder.all == ["running"])
        #expect(cancelled.all == ["running"])
    }

    @Test func transientFailuresAreRetriedWithBackOff() {
        let recorder = Recorder()
        let queue = DispatchJobQueue(parallelism: 2) { ticket, _ in
            recorder.begin("\(ticket.path)#\(ticket.attempt)")
            recorder.end()
            return ticket.attempt < 3 ? .retry(after: 0.01 * Double(ticket.attempt)) : .done
        }
        queue.submit("flaky", trigger: .event)
        #expect(queue.waitUntilIdle(timeout: 10))
        #expect(recorder.all == ["flaky#1", "flaky#2", "flaky#3"])
    }

    @Test func drainStopsTakingWork() {
        let recorder = Recorder()
        let gate = Gate()
        let queue = DispatchJobQueue(parallelism: 1) { ticket, _ in
            recorder.begin(ticket.path)
            gate.wait()
            recorder.end()
            return .done
        }
        queue.submit("a", trigger: .event)
        queue.submit("b", trigger: .event)
        #expect(!queue.drain(timeout: 0.05))
        gate.open(2)
        #expect(queue.drain(timeout: 10))
        queue.submit("c", trigger: .request)
        #expect(queue.waitUntilIdle(timeout: 1))
        #expect(recorder.all == ["a"])
    }

    @Test func pausedQueuesHoldTheirJobsUntilResumed() {
        let recorder = Recorder()
        let queue = DispatchJobQueue(parallelism: 2) { ticket, _ in
            recorder.begin(ticket.path)
            recorder.end()
            return .done
        }
        queue.pause()
        queue.submit("a", trigger: .event)
        queue.submit("b", trigger: .request)
        #expect(queue.waitUntilIdle(timeout: 1))
        #expect(queue.counts == JobQueueCounts(queued: 2, running: 0, retrying: 0, paused: true))
        #expect(recorder.all.isEmpty)
        queue.resume()
        #expect(queue.waitUntilIdle(timeout: 10))
        #expect(Set(recorder.all) == ["a", "b"])
        #expect(!queue.counts.paused)
    }
}
