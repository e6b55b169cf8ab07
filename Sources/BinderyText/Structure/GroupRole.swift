import BinderyModel

/// What a group of lines became once its structure is recovered.
enum GroupRole: Hashable, Sendable {
    case paragraph(classes: [String])
    case heading(level: Int, kind: DivisionKind, text: String)
    /// An author line under a title: `name` without "by", `text` as shown (OCR of the name corrected).
    case byline(name: String, text: String)
    case sceneBreak
    /// A note's text (`number` as printed: "12", "*", "³").
    case noteText(number: String, body: String)
    case listItem(ordered: Bool, body: String)
    /// Absorbed into the previous heading (a title split over two lines) or into a note marker.
    case absorbed

    var isHeading: Bool { if case .heading = self { true } else { false } }
}
