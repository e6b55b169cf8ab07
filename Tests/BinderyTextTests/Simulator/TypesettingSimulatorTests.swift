import Foundation
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

    /// The full product, on demand (`BINDERY_SIMULATOR_FULL=1`): how many combinations of all 4,608 come back,
    /// and the first differences. Exactly those of `isKnownFullProductFailure` fail.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BINDERY_SIMULATOR_FULL"] != nil))
    func fullProduct() {
        let failing = SimulatorMatrix.fullProduct.compactMap { conventions in Simulator.difference(conventions).map { (conventions, $0) } }
        print("simulator: \(SimulatorMatrix.fullProduct.count - failing.count) of \(SimulatorMatrix.fullProduct.count) come back")
        for (conventions, difference) in failing.prefix(20) { print("\(conventions): \(difference)") }
        #expect(Set(failing.map(\.0.description)) == Set(SimulatorMatrix.fullProduct.filter(Self.isKnownFullProductFailure).map(\.description)))
    }

    /// The 12 combinations of the full product known to fail: a page ending on a full line whose sentence ends with a
    /// bracketed marker (`…the garden.[9]`) inside a paragraph of blank-line-separated text; the page's foot hides
    /// whether a blank line followed, and the reader takes it for a paragraph's end, which the corpus bears out (its
    /// page breaks after such lines all end paragraphs). (Twelve more, a page's top folio beside a note's bare number
    /// in run-on text at 60 columns with running heads, come back since a page's folio is its outermost number.)
    static func isKnownFullProductFailure(_ c: Conventions) -> Bool {
        guard c.width == 60 else { return false }
        return c.paragraphs == .blank && c.pages != .none && [.capitals, .numbered].contains(c.headings)
            && c.parts == .none && c.notes == .bracketed && [.none, .compound].contains(c.hyphenation)
    }

    @Test func knownFailuresAreCombinationsThatRun() {
        let names = Set(SimulatorMatrix.combinations.map(\.description))
        #expect(Self.knownFailing.subtracting(names).isEmpty)
    }
}
