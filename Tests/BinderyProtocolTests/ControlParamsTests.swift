import BinderyProtocol
import BinderyTestSupport
import Testing

/// Every method's parameters, read from hostile JSON: a value is accepted in range or refused as invalid params, never a trap.
@Suite("Control parameters")
struct ControlParamsTests {
    @Test("numbers beyond Int64, fractions and infinities-by-size are refused, not converted", arguments: [1e19, -1e19, 1e300, -1e300, 0.5, -1, 0, 9.1e15])
    func hostileNumbers(value: Double) {
        #expect(throws: ControlError.self) { try ControlParams.Job(.object(["id": .number(value)])) }
        #expect(throws: ControlError.self) { try ControlParams.Jobs(.object(["limit": .number(value)])) }
    }

    @Test("in-range values are read exactly; absent ones take their defaults")
    func accepted() throws {
        #expect(try ControlParams.Job(.object(["id": .number(42)])).id == 42)
        #expect(try ControlParams.Job(.object(["id": .number(9_007_199_254_740_992)])).id == 9_007_199_254_740_992)
        #expect(try ControlParams.Jobs(.object(["limit": .number(10_000), "state": .string("failed")])) == .init(.object(["limit": .number(10_000), "state": .string("failed")])))
        #expect(try ControlParams.Jobs(nil).limit == 20)
        #expect(try ControlParams.Jobs(.object(["limit": .null])).limit == 20)
        #expect(try ControlParams.Path(.object(["path": .string("a.txt")]), method: "submit").path == "a.txt")
        #expect(throws: ControlError.self) { try ControlParams.Path(.object(["path": .number(1)]), method: "submit") }
        #expect(throws: ControlError.self) { try ControlParams.Job(nil) }
    }

    @Test("random JSON as every method's params: each read accepts in range or throws invalid params")
    func randomParams() {
        var random = SeededGenerator(seed: 19)
        for _ in 0..<20_000 {
            var fields: [String: JSONValue] = [:]
            for key in ["id", "limit", "state", "path"] where Bool.random(using: &random) {
                fields[key] = Self.randomValue(&random, depth: 0)
            }
            let params: JSONValue? = Int.random(in: 0..<10, using: &random) == 0 ? Self.randomValue(&random, depth: 0) : .object(fields)
            Self.check { () throws(ControlError) in try ControlParams.Job(params) } valid: { $0.id >= 1 }
            Self.check { () throws(ControlError) in try ControlParams.Jobs(params) } valid: { (1...ControlParams.Jobs.maximumLimit).contains($0.limit) }
            Self.check { () throws(ControlError) in try ControlParams.Documents(params) } valid: { _ in true }
            Self.check { () throws(ControlError) in try ControlParams.Path(params, method: "submit") } valid: { !$0.path.isEmpty }
        }
    }

    private static func check<T>(_ read: () throws(ControlError) -> T, valid: (T) -> Bool) {
        do {
            let value = try read()
            #expect(valid(value), "accepted out of range: \(value)")
        } catch {
            #expect(error.code == -32602)
        }
    }

    private static func randomValue(_ random: inout SeededGenerator, depth: Int) -> JSONValue {
        let numbers: [Double] = [0, 1, -1, 0.5, 1e19, -1e19, 1e300, -1e300, 9_007_199_254_740_993, Double(Int64.max), 20, 10_001, 4.9e-324]
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .number(numbers.randomElement(using: &random)!)
        case 3: return .number(Double.random(in: -1e20...1e20, using: &random))
        case 4: return .string(["", "a.txt", "../x", "published", "\u{0}"].randomElement(using: &random)!)
        case 5: return .array((0..<Int.random(in: 0..<3, using: &random)).map { _ in randomValue(&random, depth: depth + 1) })
        default: return .object(["id": randomValue(&random, depth: depth + 1)])
        }
    }
}
