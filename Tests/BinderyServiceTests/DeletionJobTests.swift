import Foundation
import Synchronization
import Testing
@testable import BinderyService

/// A deletion is a job (`JobKind.delete`): it goes through the queue after the conversion of the same
/// source, and through the pipeline's plan to the store and publisher.
@Suite struct DeletionJobTests {
    @Test func aDeletionCancelsTheRunningConversionAndRunsAfterIt() async {
        let seen = Mutex<[String]>([])
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let queue = DispatchJobQueue(parallelism: 2) { ticket, token in
            seen.withLock { $0.append("\(ticket.kind.rawValue) \(ticket.path)") }
            if ticket.kind == .convert {
                started.signal()
                release.wait()
                seen.withLock { $0.append("cancelled: \(token.isCancelled)") }
            }
            return .done
        }
        queue.submit("book.txt", trigger: .event)
        #expect(started.wait(timeout: .now() + 10) == .success)
        queue.submitDeletion("book.txt", trigger: .event)
        #expect(queue.counts.queued == 1, "the deletion waits for the conversion of its source")
        release.signal()
        #expect(queue.waitUntilIdle(timeout: 10))
        #expect(seen.withLock { $0 } == ["convert book.txt", "cancelled: true", "delete book.txt"])
    }

    /// The kinds of the jobs a one-worker queue runs after `submit` filled it while paused.
    static func kindsRun(after submit: (DispatchJobQueue) -> Void) -> [JobKind] {
        let kinds = Mutex<[JobKind]>([])
        let queue = DispatchJobQueue(parallelism: 1) { ticket, _ in
            kinds.withLock { $0.append(ticket.kind) }
            return .done
        }
        queue.pause()
        submit(queue)
        queue.resume()
        #expect(queue.waitUntilIdle(timeout: 10))
        return kinds.withLock { $0 }
    }

    @Test func aConversionSubmittedOverAQueuedDeletionKeepsItADeletion() {
        let kinds = Self.kindsRun { queue in
            queue.submitDeletion("book.txt", trigger: .event)
            queue.submit("book.txt", trigger: .request)
        }
        #expect(kinds == [.delete])
    }

    /// `bindery cancel` stops conversions; a queued deletion records what already happened to the file and stays.
    @Test func aCancelLeavesAQueuedDeletion() {
        let kinds = Self.kindsRun { queue in
            queue.submitDeletion("book.txt", trigger: .event)
            queue.submit("other.txt", trigger: .event)
            #expect(!queue.cancel("book.txt"))
            #expect(queue.cancel("other.txt"))
        }
        #expect(kinds == [.delete])
    }

    @Test func aDeletionJobRecordsTheDeletionAndPrunes() throws {
        let fixture = try PipelineFixture { $0.publish.prune = true }
        defer { fixture.directory.remove() }
        try fixture.directory.write(PipelineFixture.shortBook, to: "corpus/book.txt")
        #expect(fixture.run("book.txt") == .done)
        #expect(!fixture.outputs().isEmpty)
        try FileManager.default.removeItem(at: fixture.directory.path("corpus/book.txt"))
        #expect(fixture.run("book.txt") == .done, "a conversion job finds it gone and does nothing")
        #expect(try fixture.store.document("book.txt")?.state == .published)
        #expect(fixture.pipeline.run(JobTicket(path: "book.txt", trigger: .event, queuedAt: Date(), kind: .delete), token: JobToken()) == .done)
        #expect(try fixture.store.document("book.txt") == nil, "pruned: the record goes with the outputs")
        #expect(fixture.outputs().isEmpty)
    }

    @Test func aDeletionJobOfASourceThatIsBackConvertsIt() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(PipelineFixture.shortBook, to: "corpus/book.txt")
        #expect(fixture.pipeline.run(JobTicket(path: "book.txt", trigger: .event, queuedAt: Date(), kind: .delete), token: JobToken()) == .done)
        #expect(try fixture.store.document("book.txt")?.state == .published)
    }
}
