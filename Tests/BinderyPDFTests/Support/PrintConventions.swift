import Testing

/// How a generated book is printed: page size, body size, heading levels, paragraph style, justification
/// and page furniture. The tests run over combinations of these.
struct PrintConventions: Sendable, CustomTestStringConvertible {
    enum PageSize: String, Sendable, CaseIterable {
        case a5, letter

        var points: (width: Double, height: Double) {
            switch self {
            case .a5: (419.53, 595.28)
            case .letter: (612, 792)
            }
        }
    }

    enum ParagraphStyle: String, Sendable, CaseIterable {
        /// First lines indented, no space between paragraphs (none after a heading).
        case indented
        /// No indent, a blank space between paragraphs.
        case spaced
    }

    enum Furniture: Sendable, Hashable {
        /// A running head at the top of each page with the folio at its outer end: the book's title on
        /// left-hand pages, the author (`alternating`) or the title again on right-hand ones.
        case headsAtTop(alternating: Bool)
        /// Only a centred page number at the foot.
        case folioAtFoot
    }

    var pageSize: PageSize
    var bodySize: Double
    /// 2: chapters and sections; 3: parts, chapters and sections.
    var headingLevels: Int
    var paragraphs: ParagraphStyle
    var justified: Bool
    var furniture: Furniture
    /// Chapter headings printed as a number line ("Chapter Two") over the title line.
    var numberLines: Bool

    /// The type size of a heading of `level` (1 = top): a step down per level.
    func headingSize(level: Int) -> Double {
        let scales = headingLevels == 3 ? [1.7, 1.4, 1.15] : [1.6, 1.25]
        return bodySize * scales[min(level, scales.count) - 1]
    }

    var lineStep: Double { bodySize * 1.25 }

    var testDescription: String {
        let heads = switch furniture {
        case .headsAtTop(let alternating): alternating ? "heads title/author" : "heads title"
        case .folioAtFoot: "folio at foot"
        }
        return "\(pageSize.rawValue) \(Int(bodySize)) pt, \(headingLevels) levels, \(paragraphs.rawValue), "
            + "\(justified ? "justified" : "ragged"), \(heads)\(numberLines ? ", number lines" : "")"
    }

    /// Every combination of page size, body size (10–12 pt), heading levels, paragraph style and furniture;
    /// justification, alternating heads and number lines vary along with them so both of each are seen.
    static var matrix: [PrintConventions] {
        var all: [PrintConventions] = []
        let furnitures: [Furniture] = [.headsAtTop(alternating: true), .headsAtTop(alternating: false), .folioAtFoot]
        for pageSize in PageSize.allCases {
            for bodySize in [10.0, 11, 12] {
                for levels in [2, 3] {
                    for paragraphs in ParagraphStyle.allCases {
                        for furniture in furnitures {
                            let index = all.count
                            all.append(PrintConventions(pageSize: pageSize, bodySize: bodySize, headingLevels: levels, paragraphs: paragraphs,
                                                        justified: index % 2 == 0, furniture: furniture, numberLines: index % 4 < 2))
                        }
                    }
                }
            }
        }
        return all
    }
}
