import BinderyModel
import Foundation

/// What a writer needs besides the document: names, the fixed time of the build, settings and templates.
public struct WriteContext: Sendable {
    /// The output file name without its suffix (`book` for `book.epub`).
    public var stem: String
    /// The time recorded as "modified" (from `SOURCE_DATE_EPOCH` or the source mtime): builds are reproducible.
    public var modified: Date
    /// The stable identifier (`urn:uuid:…`) shared by all outputs.
    public var identifier: String
    public var settings: WriterSettings
    public var templates: TemplateSet
    /// The decoded source lines (line 1 first), for the proof; other writers do not read them.
    public var sourceLines: [String]?
    /// The sidecar's cover image and style sheets, read beside the source.
    public var resources = BookResources()

    public init(stem: String, modified: Date, identifier: String, settings: WriterSettings = WriterSettings(), templates: TemplateSet = .bundled) {
        self.stem = stem
        self.modified = modified
        self.identifier = identifier
        self.settings = settings
        self.templates = templates
    }
}

/// Writer settings from the configuration, with their documented defaults.
public struct WriterSettings: Sendable, Codable, Hashable {
    /// Heading level at and above which the EPUB starts a new XHTML file.
    public var epubSplitLevel: Int
    /// `chapter`: endnotes at the end of each file; `book`: one notes file at the end.
    public var epubNotes: NotesPlacement
    /// Wrap width of the plain-text reading text; 0 = one line per paragraph.
    public var textWrapWidth: Int
    /// Source-Organization in `bag-info.txt`, publisher in the TEI header.
    public var publisher: String
    /// The licence stated in TEI `availability` and the EPUB `dc:rights` when metadata gives none.
    public var licence: String

    public enum NotesPlacement: String, Sendable, Codable, Hashable { case chapter, book }

    public init(
        epubSplitLevel: Int = 2, epubNotes: NotesPlacement = .chapter, textWrapWidth: Int = 72,
        publisher: String = "Bindery", licence: String = "Rights as stated in the source; this conversion adds none."
    ) {
        self.epubSplitLevel = epubSplitLevel
        self.epubNotes = epubNotes
        self.textWrapWidth = textWrapWidth
        self.publisher = publisher
        self.licence = licence
    }
}
