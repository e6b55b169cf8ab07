import BinderyModel

/// Title pages: the short lines before the first heading or running text.
extension StructureClassifier {
    /// A title page: three or more short lines before the first heading or paragraph of running text, or fewer
    /// when the first page ends after them, or a title with a "by" line under it.
    func titlePage(_ groups: [LineGroup], patterns: [HeadingPattern?], result: inout Result) -> Int {
        var end = 0
        let headingGap = Self.headingGap(groups, patterns: patterns)
        var endsAtGap = false
        while end < groups.count, end < 10, groups[end].length <= 80, groups[end].lines.count <= 3, patterns[end]?.isMatter != true,
              result.roles[end] == .paragraph(classes: []), !TextShape.endsSentence(groups[end].plainText) {
            if case .keyword = patterns[end]?.family { break }
            if patterns[end]?.widowProtected == true { break }
            // The title page ends with its page, and before the first numbered division.
            if end > 0, groups[end].pageBreakBefore != nil { break }
            if end > 0, case .numbered = patterns[end]?.family { break }
            // A line under the byline with running text right under it is the first heading (`The Sisters`).
            if end >= 2, opensText(end, groups), (0..<end).contains(where: { Byline.name(groups[$0].plainText, requirePrefix: true) != nil }) { break }
            // So is one set off, with running text under it, by as many blank lines as the headings are and more than the
            // title page's own lines, unless it names the author (`BY JOHN SMITH`).
            if end >= 2, let headingGap, opensText(end, groups), groups[end].blankBefore >= headingGap,
               (1..<end).allSatisfy({ groups[$0].blankBefore < groups[end].blankBefore }),
               Byline.name(groups[end].plainText, requirePrefix: true) == nil {
                endsAtGap = true
                break
            }
            end += 1
        }
        guard end < groups.count, end >= 3 || (end >= 1 && groups[end].pageBreakBefore != nil) || endsAtGap
                || (end == 2 && Byline.name(groups[1].plainText, requirePrefix: true) != nil) else { return 0 }
        // A credit standing alone names the line under it (`EDITED BY` / `FRIENDS OF ARON BARON`); `and …` adds a
        // name to the last credit; any other line after a credit is the imprint (place, publisher, year).
        var pending: String?, lastRole: String?
        for index in 0..<end {
            let text = groups[index].plainText
            result.roles[index] = .paragraph(classes: ["titlepage"])
            if let credit = Byline.credit(text) {
                result.credits.append(credit)
                lastRole = credit.role
            } else if let alone = Byline.creditRole(alone: text) {
                pending = alone
            } else if let role = pending {
                result.credits.append(Contributor(name: text, role: role))
                (pending, lastRole) = (nil, role)
            } else if let role = lastRole, let name = Self.additionalName(text) {
                result.credits.append(Contributor(name: name, role: role))
            } else if lastRole != nil {
                result.imprint.append(text)
            } else if index > 0 && index == end - 1 && !result.titleLines.isEmpty && Byline.name(text) != nil {
                // A name-shaped last line under the title: the author.
                result.credits.append(Contributor(name: text))
            } else {
                result.titleLines.append(text)
            }
        }
        return end
    }

    /// The name of a line that adds one to the credit above it (`and Max Stirner`, `& Emma Goldman`).
    static func additionalName(_ text: String) -> String? {
        for prefix in ["and ", "AND ", "And ", "& "] where text.hasPrefix(prefix) {
            let name = String(text.dropFirst(prefix.count)).trimming(" .")
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// The blank lines most heading candidates after the first ten groups stand after, when more than a paragraph's
    /// and three candidates at least tell it.
    static func headingGap(_ groups: [LineGroup], patterns: [HeadingPattern?]) -> Int? {
        let gaps = groups.indices.dropFirst(10).filter { patterns[$0] != nil }.map { groups[$0].blankBefore }.sorted()
        guard gaps.count >= 3, let paragraphGap = paragraphGap(groups, patterns: patterns), gaps[gaps.count / 2] > paragraphGap else { return nil }
        return gaps[gaps.count / 2]
    }

    /// Running text (a paragraph of several lines, or a long one) follows the group on the same page.
    private func opensText(_ index: Int, _ groups: [LineGroup]) -> Bool {
        guard index + 1 < groups.count, groups[index + 1].pageBreakBefore == nil else { return false }
        return groups[index + 1].lines.count >= 2 || groups[index + 1].length > 80
    }
}
