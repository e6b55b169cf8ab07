import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService

/// The queue's heap against the rule it replaces: of the tickets whose source is free, the highest
/// trigger, then the oldest; one ticket per source, the newest replacing the older.
@Suite struct PendingJobsTests {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func takesWhatAScanOfEveryTicketWouldTake(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var pending = PendingJobs()
        var reference: [String: JobTicket] = [:]
        var running = Set<String>()
        var clock = 0.0
        let paths = (0..<40).map { "doc\($0).txt" }
        let triggers: [JobTrigger] = [.startup, .event, .request]
        for _ in 0..<5_000 {
            clock += 1
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                // A new ticket, or a retry that keeps an old queuedAt (never equal to another: ties have no reference order).
                // Dates count from 2001, where these small times keep their 1e-7 parts (from 1970 they would round away).
                let back = Double(Int.random(in: 1...500, using: &random)) + 0.5 - clock * 1e-7
                let queuedAt = Bool.random(using: &random) ? clock : clock - back
                let ticket = JobTicket(path: paths.randomElement(using: &random)!, trigger: triggers.randomElement(using: &random)!,
                                       queuedAt: Date(timeIntervalSinceReferenceDate: queuedAt))
                pending.insert(ticket)
                reference[ticket.path] = ticket
            case 5:
                let path = paths.randomElement(using: &random)!
                #expect(pending.remove(path) == (reference.removeValue(forKey: path) != nil))
            case 6:
                if let path = running.randomElement(using: &random) { running.remove(path) }
            default:
                let expected = reference.values.filter { !running.contains($0.path) }
                    .max { ($0.trigger, $1.queuedAt) < ($1.trigger, $0.queuedAt) }
                let taken = pending.take { !running.contains($0.path) }
                #expect(taken == expected)
                if let taken {
                    reference[taken.path] = nil
                    running.insert(taken.path)
                }
            }
            #expect(pending.count == reference.count)
        }
        pending.removeAll()
        #expect(pending.isEmpty && pending.take { _ in true } == nil)
    }
}
