import BinderyModel

/// `data/metadata.json`: the document's metadata, its source, Bindery's version and settings, the pages.
struct BagMetadata: Encodable {
    /// A page file, its label in the book's `PageNumbering`, and whether the label was printed or inferred.
    struct Page: Encodable {
        var file: String
        var label: String
        var labelSource: String
    }

    var metadata: Metadata
    var identifier: String
    var source: SourceInfo?
    var bindery: String
    var settings: WriterSettings
    var editorial: [EditorialNote]
    var pages: [Page]

    init(document: Document, context: WriteContext, pageFiles: [String], pageNumbers: [PageNumbering.Page]) {
        metadata = document.metadata
        identifier = context.identifier
        source = document.source
        bindery = BinderyVersion.current
        settings = context.settings
        editorial = document.editorial
        pages = zip(pageFiles, pageNumbers).map { Page(file: "data/" + $0, label: $1.label, labelSource: $1.printed ? "printed" : "inferred") }
    }
}
