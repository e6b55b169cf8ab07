import Dispatch
import Testing
@testable import BinderyService

@Suite struct RequestRateTests {
    private func at(_ seconds: Double) -> DispatchTime { DispatchTime(uptimeNanoseconds: 1_000_000_000 + UInt64(seconds * 1e9)) }

    @Test func aBurstThenTheRate() {
        var rate = RequestRate(perSecond: 10, now: at(0))
        for _ in 0..<10 { #expect(rate.wait(now: at(0)) == nil) }
        let wait = rate.wait(now: at(0))
        #expect(wait.map { abs($0 - 0.1) < 1e-9 } == true, "\(String(describing: wait))")
        #expect(rate.wait(now: at(0.1)) == nil)
        #expect(rate.wait(now: at(0.1)) != nil)
    }

    @Test func underOneASecondStillLetsOneThrough() {
        var rate = RequestRate(perSecond: 0.5, now: at(0))
        #expect(rate.wait(now: at(0)) == nil)
        #expect(rate.wait(now: at(1)) != nil)
        #expect(rate.wait(now: at(2)) == nil)
    }

    @Test func zeroMeansNoLimit() {
        var rate = RequestRate(perSecond: 0, now: at(0))
        for _ in 0..<1000 { #expect(rate.wait(now: at(0)) == nil) }
    }
}
