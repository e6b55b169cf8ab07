@testable import BinderyText
import BinderyModel
import Foundation
import Testing

/// `TextReader.shouldStop`: asked between stages, it ends a read early and otherwise changes nothing.
@Suite struct ReaderStopTests {
    /// Counts the reader's questions and answers true from the `stopAt`-th on (never with 0).
    private final class StopAfter: @unchecked Sendable {
        private let lock = NSLock()
        private var asked = 0
        let stopAt: Int
        init(_ stopAt: Int) { self.stopAt = stopAt }
        var count: Int { lock.withLock { asked } }
        func ask() -> Bool {
            lock.withLock {
                asked += 1
                return stopAt > 0 && asked >= stopAt
            }
        }
    }

    private let bytes = Array(("A TITLE\n\n\nCHAPTER I\n\n" + String(repeating: "Some prose in a paragraph that runs on.¹\n", count: 40)
        + "\n1 A note.\n").utf8)

    @Test func aReadAskedButNeverStoppedIsUnchanged() throws {
        let never = StopAfter(0)
        let asked = try TextReader(shouldStop: { never.ask() }).read(bytes)
        #expect(asked == (try TextReader().read(bytes)))
        #expect(never.count >= 6, "stages between which the reader asks: \(never.count)")
    }

    @Test func aReadStopsAtWhicheverStageIsAsked() throws {
        let stages = StopAfter(0)
        _ = try TextReader(shouldStop: { stages.ask() }).read(bytes)
        var messages = Set<String>()
        for stopAt in 1...stages.count {
            let stopper = StopAfter(stopAt)
            do {
                _ = try TextReader(shouldStop: { stopper.ask() }).read(bytes)
                Issue.record("the read went on past a stop at question \(stopAt)")
            } catch {
                #expect(error.code == .stopped && error.message.hasPrefix("stopped before "), "\(error)")
                messages.insert(error.message)
            }
            #expect(stopper.count == stopAt, "it stops at the first true answer")
        }
        #expect(messages.count == stages.count, "each stop names its own stage: \(messages)")
    }
}
