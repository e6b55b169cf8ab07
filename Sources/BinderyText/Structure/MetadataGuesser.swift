import BinderyModel

/// Title and creators inferred from a title page, bylines, or the first top-level heading.
struct MetadataGuesser: Sendable {
    func metadata(titlePage: [String], creators: [String], blocks: [Block]) -> Metadata {
        var metadata = Metadata()
        if !titlePage.isEmpty {
            let title = titlePage.joined(separator: " ")
            metadata.title = TextShape.isAllCaps(title) ? Self.titleCased(title) : title
        } else if case .heading(let heading)? = blocks.first(where: { if case .heading(let h) = $0 { h.level == 1 && [.chapter, .part].contains(h.kind) } else { false } })
                    ?? blocks.first(where: { if case .heading = $0 { true } else { false } }) {
            let text = heading.inlines.plainText.trimming(" .:")
            metadata.title = TextShape.isAllCaps(text) ? Self.titleCased(text) : text
        }
        var seen: Set<String> = []
        for name in creators where seen.insert(Self.nameKey(name)).inserted {
            metadata.creators.append(Contributor(name: TextShape.isAllCaps(name) ? Self.titleCased(name) : name))
        }
        return metadata
    }

    /// "The Friends of Aron Baron" and "Friends of Aron Baron" are one creator.
    static func nameKey(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasPrefix("the ") ? String(lower.dropFirst(4)) : lower
    }

    static func titleCased(_ text: String) -> String {
        text.split(separator: " ").enumerated().map { position, word in
            let lower = word.lowercased()
            if position > 0, TextShape.minorWords.contains(lower) { return lower }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }
}
