@testable import BinderyText
import Foundation
import Testing

/// Issue #19: the static check that refuses sidecar regexes able to backtrack for exponential time.
@Suite("Regex risk")
struct RegexRiskTests {
    @Test(arguments: ["^(a+)+$", "(\\w+\\s?)*", "((ab)*c)+", "(?:x|y+){2,}", "(a{1,5})+", "^(.*)*$", "((a+))+"])
    func nestedQuantifiersAreRefused(pattern: String) {
        #expect(RegexRisk.hasNestedQuantifier(pattern))
    }

    @Test(arguments: ["^Chapter \\w+$", "^(CHAPTER|BOOK) [IVXLC]+\\.?$", "(a+)?", "(ab)+", "[(a+)]+", "\\(a+\\)+", "^(?:\\d+\\.)?\\s*[A-Z][a-z]+$", "(a+){1}"])
    func ordinaryPatternsPass(pattern: String) {
        #expect(!RegexRisk.hasNestedQuantifier(pattern))
    }

    @Test("a rule whose matching passes its time budget matches nothing more")
    func budgetStopsARule() {
        let budget = RegexBudget()
        #expect(budget.run { true })
        #expect(!budget.run { Thread.sleep(forTimeInterval: 0.3); return true })
        #expect(budget.isSpent)
        #expect(!budget.run { true })
    }
}
