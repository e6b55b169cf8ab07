/// BCP 47 language tags as the formats accept them.
enum LanguageTag {
    /// `tag` when it is well-formed (`en`, `en-GB`, `zh-Hant-TW`), else `und` (undetermined).
    static func sanitized(_ tag: String) -> String {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return "und" }
        return tag
    }

    /// The English name of common languages, for TEI `langUsage`.
    static func name(of tag: String) -> String {
        let names = ["en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "ru": "Russian",
                     "pt": "Portuguese", "nl": "Dutch", "la": "Latin", "el": "Greek", "pl": "Polish", "und": "Undetermined"]
        let primary = String(tag.split(separator: "-").first ?? "und").lowercased()
        return names[primary] ?? tag
    }
}
