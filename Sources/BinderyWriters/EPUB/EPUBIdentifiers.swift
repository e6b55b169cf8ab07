/// Counters for ids that are unique across the whole book, and the navigation entries found while rendering.
final class EPUBIdentifiers {
    struct TocEntry {
        var level: Int
        var title: String
        var href: String
    }

    struct PageEntry {
        var label: String
        var href: String
    }

    private(set) var headingCount = 0
    private(set) var noteCount = 0
    private(set) var pageCount = 0
    var tocEntries: [TocEntry] = []
    var pageEntries: [PageEntry] = []
    /// The label of the page each break opens (`PageNumbering.breakPages`).
    let breakLabels: [String]

    init(breakLabels: [String] = []) {
        self.breakLabels = breakLabels
    }

    func nextHeadingID() -> String {
        headingCount += 1
        return "h\(headingCount)"
    }

    func nextNoteNumber() -> Int {
        noteCount += 1
        return noteCount
    }

    /// The id and label of the next page break's marker.
    func nextPage() -> (id: String, label: String) {
        pageCount += 1
        return ("page-\(pageCount)", pageCount <= breakLabels.count ? breakLabels[pageCount - 1] : "\(pageCount)")
    }
}
