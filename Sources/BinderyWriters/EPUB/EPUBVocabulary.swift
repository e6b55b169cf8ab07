import BinderyModel

/// The EPUB structural semantics and DPUB-ARIA role of each kind of division.
enum EPUBVocabulary {
    static func semantics(of kind: DivisionKind) -> (type: String?, role: String?) {
        switch kind {
        case .titlePage: ("titlepage", nil)
        case .dedication: ("dedication", "doc-dedication")
        case .epigraph: ("epigraph", "doc-epigraph")
        case .preface: ("preface", "doc-preface")
        case .introduction: ("introduction", "doc-introduction")
        case .contents: ("toc", "doc-toc")
        case .chapter: ("chapter", "doc-chapter")
        case .part: ("part", "doc-part")
        case .section: ("subchapter", nil)
        case .notes: ("endnotes", "doc-endnotes")
        case .appendix: ("appendix", "doc-appendix")
        case .bibliography: ("bibliography", "doc-bibliography")
        case .index: ("index", "doc-index")
        case .colophon: ("colophon", "doc-colophon")
        }
    }
}
