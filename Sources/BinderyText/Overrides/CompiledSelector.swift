/// A `StructureOverrides.Selector` ready to test lines: its regular expression compiled once, or refused
/// when it can backtrack for exponential time (`RegexRisk`), and run under a time budget (`RegexBudget`).
struct CompiledSelector {
    private enum Test {
        case text(String)
        case regex(Regex<AnyRegexOutput>)
        case line(Int)
        case refused
    }

    private let test: Test
    private let budget = RegexBudget()

    /// Fails with the regex engine's message when a pattern does not compile.
    init(_ selector: StructureOverrides.Selector) throws {
        switch selector {
        case .text(let text): test = .text(text.trimming(" \t"))
        case .match(let pattern) where RegexRisk.hasNestedQuantifier(pattern):
            test = .refused
            budget.refuse()
        case .match(let pattern): test = .regex(try Regex(pattern))
        case .line(let line): test = .line(line)
        }
    }

    /// True once the rule was refused or ran out of time: it picks nothing more, and is reported.
    var wasStopped: Bool { budget.isSpent }

    /// Does the rule pick this text (a trimmed line, or a short group's lines joined) starting at `line`?
    func matches(_ text: String, line: Int) -> Bool {
        switch test {
        case .text(let wanted): text == wanted
        case .regex(let regex): budget.run { (try? regex.firstMatch(in: text)) != nil }
        case .line(let wanted): line == wanted
        case .refused: false
        }
    }

    /// Does the rule pick a group: its joined text or first line, or (by line number) any of its lines?
    func matches(_ group: LineGroup) -> Bool {
        if case .line(let wanted) = test { return group.lines.contains { $0.number == wanted } }
        return matches(group.plainText, line: group.firstLine) || group.lines.contains { matches($0.text, line: $0.number) }
    }
}
