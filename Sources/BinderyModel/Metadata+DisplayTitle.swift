extension Metadata {
    /// The title with its white space collapsed, or `fallback` when there is none: every format needs a non-empty title.
    public func displayTitle(fallback: String) -> String {
        let collapsed = (title ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !collapsed.isEmpty { return collapsed }
        let fallbackCollapsed = fallback.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return fallbackCollapsed.isEmpty ? "Untitled" : fallbackCollapsed
    }
}
