/// The parameters of each control method, read from a request's JSON and range-checked before any
/// number is converted: a value out of range or of the wrong kind is an `invalidParams` error, never a trap.
/// A client builds them with their memberwise initialisers and sends them encoded (same keys).
public enum ControlParams {
    /// `jobs`: how many of the newest jobs (1…`maximumLimit`, default 20), optionally of one outcome.
    public struct Jobs: Sendable, Hashable, Encodable {
        public static let maximumLimit = 10_000
        public var limit: Int
        public var state: String?

        public init(limit: Int = 20, state: String? = nil) {
            self.limit = limit
            self.state = state
        }

        public init(_ params: JSONValue?) throws(ControlError) {
            limit = try params.integer("limit", in: 1...Self.maximumLimit) ?? 20
            state = try params.string("state")
        }
    }

    /// `job`: one job by its id (a positive integer).
    public struct Job: Sendable, Hashable, Encodable {
        public var id: Int64

        public init(id: Int64) { self.id = id }

        public init(_ params: JSONValue?) throws(ControlError) {
            guard let id = try params.integer("id", in: 1...JSONValue.largestExactInteger) else {
                throw .invalidParams("job needs a numeric 'id'")
            }
            self.id = Int64(id)
        }
    }

    /// `documents`: optionally only those in one state.
    public struct Documents: Sendable, Hashable, Encodable {
        public var state: String?

        public init(state: String?) { self.state = state }

        public init(_ params: JSONValue?) throws(ControlError) {
            state = try params.string("state")
        }
    }

    /// `submit` and `cancel`: a path in the corpus.
    public struct Path: Sendable, Hashable, Encodable {
        public var path: String

        public init(path: String) { self.path = path }

        public init(_ params: JSONValue?, method: String) throws(ControlError) {
            guard let path = try params.string("path"), !path.isEmpty else { throw .invalidParams("\(method) needs a 'path'") }
            self.path = path
        }
    }
}

extension JSONValue {
    /// 2^53: every integer up to it is exact in a JSON number (a Double).
    public static let largestExactInteger = 9_007_199_254_740_992
}

extension Optional where Wrapped == JSONValue {
    /// An integer parameter in `range`, nil when absent; a fraction, a number out of range or another kind of value throws.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(ControlError) -> Int? {
        guard let value = self?[name], value != .null else { return nil }
        guard case .number(let number) = value, number.isFinite, number == number.rounded(),
              number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw .invalidParams("'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(number)
    }

    /// A string parameter, nil when absent; another kind of value throws.
    func string(_ name: String) throws(ControlError) -> String? {
        guard let value = self?[name], value != .null else { return nil }
        guard case .string(let string) = value else { throw .invalidParams("'\(name)' must be a string") }
        return string
    }
}
