/// Scene breaks and ornaments: `* * *`, `***`, `—`, `~`, rules, and their OCR garbage such as `*>!=>!=`.
enum SceneBreak {
    static func matches(_ text: String) -> Bool {
        guard !text.isEmpty, CharacterScan.hasAtMost(24, charactersIn: text) else { return false }
        let letters = text.count(where: \.isLetter)
        let digits = text.count(where: \.isNumber)
        guard digits == 0 else { return false }
        let symbols = text.count(where: { !$0.isLetter && !$0.isWhitespace })
        if letters == 0 { return symbols >= 1 && !(text.count == 1 && ".,;:".contains(text)) }
        // OCR of an ornament: mostly symbols with a stray letter or two.
        return symbols >= 4 && letters * 3 <= symbols
    }
}
