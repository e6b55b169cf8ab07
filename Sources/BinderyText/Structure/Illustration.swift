/// Project Gutenberg's place-holder for a picture: `[Illustration]` or `[Illustration: caption]`, alone in its paragraph.
enum Illustration {
    /// nil when the text is no illustration; else its caption, empty when it has none.
    static func caption(_ text: String) -> String? {
        guard text.hasPrefix("[Illustration") || text.hasPrefix("[ILLUSTRATION"), text.hasSuffix("]") else { return nil }
        let rest = text.dropFirst(13).dropLast()
        if rest.isEmpty { return "" }
        guard rest.first == ":" || rest.first == "." else { return nil }
        // One bracket pair: "[Illustration] text [x]" is a paragraph, not a caption.
        guard !rest.contains("]") else { return nil }
        return String(rest.dropFirst()).trimming(" ")
    }
}
