/// Time one sidecar rule's regular expression may spend over one document; once spent, the rule
/// matches nothing more and is reported stopped.
final class RegexBudget {
    static let perRule: Duration = .milliseconds(250)
    private var spent: Duration = .zero
    private(set) var isSpent = false

    /// Runs one match unless the budget is spent, charging its time.
    func run(_ match: () -> Bool) -> Bool {
        guard !isSpent else { return false }
        let clock = ContinuousClock()
        let started = clock.now
        let result = match()
        spent += clock.now - started
        if spent > Self.perRule { isSpent = true }
        return result && !isSpent
    }

    /// Marks a rule refused before any match (its pattern can take exponential time).
    func refuse() { isSpent = true }
}
