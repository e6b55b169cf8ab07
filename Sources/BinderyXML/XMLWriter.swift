import CLibXML2
import Foundation

/// A streaming XML writer over libxml2's `xmlTextWriter`, into memory. libxml2 escapes text and
/// attributes; characters XML 1.0 forbids are dropped here first (libxml2 does not reject them).
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failure: XMLError?
    private var finished = false
    private var documentStarted = false

    /// - Parameter indent: pretty-print with two spaces (not for mixed content: it would add white space).
    public init(indent: Bool = false) throws(XMLError) {
        XMLLibrary.ensureInitialised()
        guard let buffer = xmlBufferCreate() else { throw XMLError(.writer, "cannot allocate an XML buffer") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLError(.writer, "cannot create an XML writer")
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Starts the document with the XML declaration (version 1.0, UTF-8).
    public func startDocument() {
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
        documentStarted = true
    }

    /// Writes `<!DOCTYPE name>` (HTML5's form when there are no identifiers).
    public func doctype(_ name: String, publicID: String? = nil, systemID: String? = nil) {
        check(xmlTextWriterWriteDTD(writer, name, publicID, systemID, nil), "write DOCTYPE")
    }

    public func startElement(_ name: String) {
        check(xmlTextWriterStartElement(writer, name), "start <\(name)>")
    }

    public func attribute(_ name: String, _ value: String) {
        check(xmlTextWriterWriteAttribute(writer, name, XMLCharacters.clean(value)), "write attribute \(name)")
    }

    public func text(_ text: String) {
        guard !text.isEmpty else { return }
        check(xmlTextWriterWriteString(writer, XMLCharacters.clean(text)), "write text")
    }

    public func comment(_ text: String) {
        check(xmlTextWriterWriteComment(writer, XMLCharacters.clean(text).replacingOccurrences(of: "--", with: "- -")), "write comment")
    }

    /// Writes markup that is already well-formed XML (a template's output). The result is re-parsed by callers.
    public func raw(_ markup: String) {
        check(xmlTextWriterWriteRaw(writer, markup), "write raw markup")
    }

    public func endElement() {
        check(xmlTextWriterEndElement(writer), "end element")
    }

    /// Ends an element with a full end tag even when it is empty (`<span></span>`, as HTML needs).
    public func fullEndElement() {
        check(xmlTextWriterFullEndElement(writer), "end element")
    }

    /// `<name attr="…">body</name>`.
    public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], body: () -> Void = {}) {
        startElement(name)
        for (key, value) in attributes { attribute(key, value) }
        body()
        endElement()
    }

    /// `<name attr="…">text</name>`.
    public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        element(name, attributes) { self.text(text) }
    }

    /// Attributes from an ordered list where nil values are skipped.
    public func attributes(_ pairs: [(String, String?)]) {
        for (key, value) in pairs { if let value { attribute(key, value) } }
    }

    /// Closes every open element and returns the bytes: a document after `startDocument`, else a fragment.
    public func finish() throws(XMLError) -> [UInt8] {
        if !finished {
            if documentStarted { check(xmlTextWriterEndDocument(writer), "end document") }
            check(xmlTextWriterFlush(writer), "flush")
            finished = true
        }
        if let failure { throw failure }
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    /// `what` is built only on failure: this runs for every element, attribute and text.
    private func check(_ result: Int32, _ what: @autoclosure () -> String) {
        if result < 0 && failure == nil {
            failure = XMLError(.writer, "libxml2 could not \(what())")
        }
    }
}


extension XMLWriter {
    /// The finished bytes as a string (libxml2 writes UTF-8).
    public func finishString() throws(XMLError) -> String {
        String(decoding: try finish(), as: UTF8.self)
    }

    /// `text` escaped for XML content or attribute values by libxml2, for templates that take markup.
    public static func escaped(_ text: String) -> String {
        guard let writer = try? XMLWriter() else { return "" }
        writer.startElement("x")
        writer.text(text)
        writer.endElement()
        let markup = (try? writer.finishString()) ?? "<x></x>"
        return String(markup.dropFirst(3).dropLast(4))
    }
}
