import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService

@Suite struct UTCTimestampTests {
    /// Times in whole milliseconds (Foundation rounds to the millisecond first, so 12.9996 s shows as 13 s;
    /// this truncates, as `gmtime` does).
    @Test func matchesFoundationsInternetDateTime() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var random = SeededGenerator(seed: 7)
        let samples = [0, 951_782_400.5, 1_795_524_414.999] + (0..<2_000).map { _ in
            (Double.random(in: 0..<4_102_444_800, using: &random) * 1000).rounded(.down) / 1000
        }
        for seconds in samples {
            #expect(UTCTimestamp.string(seconds) == formatter.string(from: Date(timeIntervalSince1970: seconds)), "\(seconds)")
        }
        #expect(UTCTimestamp.string(wholeSeconds: 1_795_524_414, milliseconds: 7) == "2026-11-24T12:46:54.007Z")
    }
}
