import BinderyModel

/// Title pages: the short lines before the first heading or running text.
extension StructureClassifier {
    /// A title page: three or more short lines before the first heading or paragraph of running text, or fewer
    /// when the first page ends after them, or a title with a "by" line under it.
    func titlePage(_ groups: [LineGroup], patterns: [HeadingPattern?], result: inout Result) -> Int {
        var end = 0
        while end < groups.count, end < 10, groups[end].length <= 80, groups[end].lines.count <= 3, patterns[end]?.isMatter != true,
              result.roles[end] == .paragraph(classes: []), !TextShape.endsSentence(groups[end].plainText) {
            if case .keyword = patterns[end]?.family { break }
            if patterns[end]?.widowProtected == true { break }
            // The title page ends with its page, and before the first numbered division.
            if end > 0, groups[end].pageBreakBefore != nil { break }
            if end > 0, case .numbered = patterns[end]?.family { break }
            // A line under the byline with running text right under it is the first heading (`The Sisters`).
            if end >= 2, opensText(end, groups), (0..<end).contains(where: { Byline.name(groups[$0].plainText, requirePrefix: true) != nil }) { break }
            end += 1
        }
        guard end < groups.count, end >= 3 || (end >= 1 && groups[end].pageBreakBefore != nil)
                || (end == 2 && Byline.name(groups[1].plainText, requirePrefix: true) != nil) else { return 0 }
        var sawBy = false
        for index in 0..<end {
            let text = groups[index].plainText
            result.roles[index] = .paragraph(classes: ["titlepage"])
            if let name = Byline.name(text, requirePrefix: true) {
                result.creators.append(name)
                sawBy = true
            } else if text.lowercased().hasSuffix(" by") || text.lowercased() == "by" || text.lowercased() == "edited by" {
                sawBy = true
            } else if sawBy || (index > 0 && index == end - 1 && !result.titlePage.isEmpty && Byline.name(text) != nil) {
                // After a "by", or a name-shaped last line under the title: the author.
                result.creators.append(text)
            } else {
                result.titlePage.append(text)
            }
        }
        return end
    }

    /// Running text (a paragraph of several lines, or a long one) follows the group on the same page.
    private func opensText(_ index: Int, _ groups: [LineGroup]) -> Bool {
        guard index + 1 < groups.count, groups[index + 1].pageBreakBefore == nil else { return false }
        return groups[index + 1].lines.count >= 2 || groups[index + 1].length > 80
    }
}
