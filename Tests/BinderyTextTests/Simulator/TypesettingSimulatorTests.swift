import Testing

extension Conventions: CustomTestStringConvertible {
    var testDescription: String { description }
}

/// Issue 18: the known book, typeset in each combination of conventions, must come back from the reader.
/// `BINDERY_SIMULATOR_OUT=/tmp/sim swift test --filter Simulat` writes each rendering and its outcome there.
@Suite("Typesetting simulator")
struct TypesettingSimulatorTests {
    /// Combinations the reader gets wrong today. Each is checked to still fail (`withKnownIssue`): when the
    /// reader learns one, its test fails until the entry is removed here, which is how the fix is recorded.
    static let knownFailing: Set<String> = []

    @Test("The known book comes back", arguments: SimulatorMatrix.combinations)
    func recoversTheBook(_ conventions: Conventions) {
        let difference = Simulator.difference(conventions)
        if Self.knownFailing.contains(conventions.description) {
            withKnownIssue("a known failure of the reader (remove it from knownFailing when fixed)") {
                if let difference { Issue.record(Comment(rawValue: difference)) }
            }
        } else if let difference {
            Issue.record(Comment(rawValue: difference))
        }
    }

    @Test func knownFailuresAreCombinationsThatRun() {
        let names = Set(SimulatorMatrix.combinations.map(\.description))
        #expect(Self.knownFailing.subtracting(names).isEmpty)
    }
}
