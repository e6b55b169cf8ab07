import Dispatch

/// A token bucket: up to `perSecond` requests at once (at least one), refilled at `perSecond` a second.
/// A client over it is not refused, its next request is read later.
struct RequestRate {
    private let perSecond: Double
    private let burst: Double
    private var tokens: Double
    private var updated: DispatchTime

    init(perSecond: Double, now: DispatchTime = .now()) {
        self.perSecond = perSecond
        burst = max(1, perSecond)
        tokens = burst
        updated = now
    }

    /// Takes a token and returns nil, or returns the seconds until one is available (taking none).
    mutating func wait(now: DispatchTime = .now()) -> Double? {
        guard perSecond > 0 else { return nil }
        let elapsed = Double(now.uptimeNanoseconds &- updated.uptimeNanoseconds) / 1e9
        tokens = min(burst, tokens + elapsed * perSecond)
        updated = now
        guard tokens < 1 else {
            tokens -= 1
            return nil
        }
        return (1 - tokens) / perSecond
    }
}
