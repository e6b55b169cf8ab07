import BinderyModel
import BinderyXML

/// TEI P5 (valid against tei_all): a header that states the source and every editorial decision,
/// `front`/`body`/`back` with nested `div`s, `pb` milestones with the removed `fw`, notes in place.
public struct TEIWriter: DocumentWriter {
    public init() {}

    /// The version recorded in `appInfo` and `revisionDesc`.
    public static let binderyVersion = BinderyVersion.current

    public func write(_ document: Document, context: WriteContext) throws(WriterError) -> [UInt8] {
        do {
            let xml = try XMLWriter(indent: false)
            xml.startDocument()
            xml.startElement("TEI")
            xml.attribute("xmlns", "http://www.tei-c.org/ns/1.0")
            xml.attribute("xml:lang", LanguageTag.sanitized(document.metadata.language))
            TEIHeader(document: document, context: context).write(xml)
            xml.startElement("text")
            TEIText(document: document).write(xml)
            xml.endElement()
            xml.endElement()
            // Everything went through the XML writer (no raw markup), so the bytes are well-formed: no re-parse.
            return try xml.finish()
        } catch {
            throw WriterError(format: "tei", "\(error)")
        }
    }
}
