import BinderyConversion
import BinderyModel
import Foundation
import Testing

/// Issue #19: a sidecar rule whose regex backtracks for exponential time is stopped with a warning,
/// never a hang; the other rules still apply.
@Suite("Slow sidecar regexes")
struct SlowRegexTests {
    /// 200 lines of 28 `a`s and `!`: `^(a+)+$` tries 2^28 ways on each before failing.
    private let text = Array(("Title\n\nChapter One\n\n" + String(repeating: String(repeating: "a", count: 28) + "!\n", count: 200)).utf8)

    private func convert(_ yaml: String) throws -> (result: Converter.Result, seconds: Double) {
        let source = Converter.Source(bytes: text, fileName: "slow.txt", modified: Date(timeIntervalSince1970: 1_700_000_000), sidecar: Array(yaml.utf8))
        let clock = ContinuousClock()
        let started = clock.now
        let result = try Converter().convert(source, formats: [.epub, .tei, .text, .proof])
        let elapsed = (clock.now - started).components
        return (result, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }

    @Test("headings, not-headings and running-heads rules with (a+)+ are stopped with a warning; the document converts at once",
          arguments: ["headings:\n    - {match: \"^(a+)+$\", level: 1}", "not-headings:\n    - {match: \"^(a+)+$\"}", "running-heads:\n    - \"^(a+)+$\""])
    func catastrophicRuleIsStopped(rule: String) throws {
        let other = rule.hasPrefix("not-") ? "headings:\n    - {text: \"Nothing Here\", level: 1}" : "not-headings:\n    - {text: \"Nothing Here\"}"
        let (result, seconds) = try convert("structure:\n  \(rule)\n  \(other)\n")
        #expect(seconds < 1, "took \(seconds) s")
        let stopped = result.document.diagnostics.filter { $0.code == "sidecar.rule-stopped" }
        #expect(stopped.count == 1 && stopped[0].severity == .warning, "\(result.document.diagnostics)")
        #expect(stopped.first?.message.contains("slow.meta.yaml: the rule") == true && stopped.first?.message.contains("match /^(a+)+$/ was stopped: too slow") == true,
                "\(stopped.map(\.message))")
        #expect(!result.document.diagnostics.contains { $0.code == "sidecar.invalid" })
        // The other rule of the sidecar is still read (and reported, as it picks no line).
        #expect(result.document.diagnostics.contains { $0.code == "sidecar.rule-unused" && $0.message.contains("Nothing Here") })
        #expect(result.outputs.count == 4)
    }

    @Test("an ordinary regex rule still applies")
    func ordinaryRuleApplies() throws {
        let (result, _) = try convert("structure:\n  headings:\n    - {match: \"^Chapter \\\\w+$\", level: 1}\n")
        #expect(!result.document.diagnostics.contains { $0.code.hasPrefix("sidecar.rule-") }, "\(result.document.diagnostics)")
    }
}
