/// Bibliographic metadata, with pandoc's field names where a sidecar gives them.
public struct Metadata: Sendable, Codable, Hashable {
    public var title: String?
    public var subtitle: String?
    public var creators: [Contributor]
    public var contributors: [Contributor]
    /// BCP 47 language tag.
    public var language: String
    public var identifier: String?
    public var date: String?
    public var publisher: String?
    public var sourceDescription: String?
    public var rights: String?
    public var subjects: [String]
    /// A summary of the book (pandoc's `description`, `dc:description`).
    public var description: String?
    /// The series the book belongs to and its place in it (pandoc's `belongs-to-collection`, `group-position`).
    public var series: String?
    public var seriesPosition: String?
    /// The heading of the table of contents, when not the language's own word (pandoc's `toc-title`).
    public var tocTitle: String?

    public init(
        title: String? = nil, subtitle: String? = nil, creators: [Contributor] = [], contributors: [Contributor] = [],
        language: String = "en", identifier: String? = nil, date: String? = nil, publisher: String? = nil,
        sourceDescription: String? = nil, rights: String? = nil, subjects: [String] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.creators = creators
        self.contributors = contributors
        self.language = language
        self.identifier = identifier
        self.date = date
        self.publisher = publisher
        self.sourceDescription = sourceDescription
        self.rights = rights
        self.subjects = subjects
    }
}

/// A person or body with a MARC relator role (`aut`, `edt`, `trl`, …).
public struct Contributor: Sendable, Codable, Hashable {
    public var name: String
    public var role: String
    public var fileAs: String?

    public init(name: String, role: String = "aut", fileAs: String? = nil) {
        self.name = name
        self.role = role
        self.fileAs = fileAs
    }
}

extension Contributor {
    /// The MARC relator role in words (`edt` → "editor"); the code itself when it is not a common one.
    public var roleLabel: String {
        ["aut": "author", "edt": "editor", "trl": "translator", "ctb": "contributor", "ill": "illustrator",
         "aui": "author of introduction", "com": "compiler", "pbl": "publisher"][role] ?? role
    }
}
