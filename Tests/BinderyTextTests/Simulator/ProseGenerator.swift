import BinderyTestSupport

/// Sentence-like prose from a small vocabulary, seeded: the same book on every run. The vocabulary has long
/// words (to be broken at line ends) and hyphenated compounds, no digits, no capitals inside a sentence and
/// nothing the typographer changes (straight quotes, `--`, `...`).
struct ProseGenerator {
    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let nouns = [
        "river", "house", "window", "letter", "garden", "morning", "evening", "harbour", "village", "journey", "question", "answer",
        "argument", "difference", "neighbourhood", "government", "conversation", "circumstance", "administration", "recollection",
        "understanding", "arrangement", "lighthouse", "correspondence", "landscape", "committee", "photograph", "instrument",
    ]
    static let verbs = [
        "remembered", "considered", "described", "noticed", "carried", "followed", "abandoned", "understood", "examined", "explained",
        "discovered", "measured", "interrupted", "questioned", "encouraged", "recommended",
    ]
    static let adjectives = [
        "quiet", "narrow", "considerable", "remarkable", "ordinary", "particular", "uncertain", "comfortable", "extraordinary",
        "grey", "distant", "unexpected", "reasonable", "melancholy",
    ]
    /// Hyphenated compounds, a third of the adjectives: enough of them fall at line ends to be broken there.
    static let compounds = [
        "three-dimensional", "well-known", "self-evident", "long-standing", "old-fashioned", "half-finished", "far-reaching", "hard-won",
    ]
    static let adverbs = ["slowly", "carefully", "certainly", "apparently", "immediately", "occasionally", "nevertheless", "entirely"]
    static let subjects = ["the doctor", "my brother", "the stranger", "our neighbour", "the captain", "the secretary", "nobody", "everyone", "she", "he", "they", "we"]
    static let connectives = ["and", "but", "while", "because", "although", "until", "when"]
    static let prepositions = ["beside", "beyond", "across", "behind", "towards", "without", "through", "under"]

    private mutating func pick(_ words: [String]) -> String { words[Int.random(in: 0..<words.count, using: &random)] }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    private mutating func phrase() -> [String] {
        var words = [pick(Self.subjects)]
        if chance(30) { words.append(pick(Self.adverbs)) }
        words += [pick(Self.verbs), "the"]
        if chance(60) { words.append(chance(35) ? pick(Self.compounds) : pick(Self.adjectives)) }
        words.append(pick(Self.nouns))
        if chance(50) { words += [pick(Self.prepositions), "the", pick(Self.nouns)] }
        return words
    }

    /// One sentence, capitalised, ending with a full stop.
    mutating func sentence() -> String {
        var words = phrase()
        if chance(55) {
            words[words.count - 1] += ","
            words += [pick(Self.connectives)] + phrase()
        }
        let text = words.joined(separator: " ") + "."
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `count` sentences joined by spaces.
    mutating func sentences(_ count: Int) -> [String] {
        (0..<count).map { _ in sentence() }
    }
}
