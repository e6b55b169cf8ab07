import CLibXML2
import Foundation

/// A compiled RELAX NG schema (libxml2). Compiling tei_all takes seconds: compile once, validate many.
public final class RelaxNGSchema: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    private let lock = NSLock()

    public init(contentsOfFile path: String) throws(XMLError) {
        XMLLibrary.ensureInitialised()
        guard let parser = xmlRelaxNGNewParserCtxt(path) else { throw XMLError(.schema, "cannot read the schema \(path)") }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        xmlRelaxNGSetParserStructuredErrors(parser, bindery_silentStructuredError, nil)
        guard let schema = xmlRelaxNGParse(parser) else {
            let (message, _) = XMLLibrary.lastErrorMessage(default: "the schema does not compile")
            throw XMLError(.schema, "\(path): \(message)")
        }
        self.schema = schema
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// Throws the first validity error, with its line.
    public func validate(_ document: XMLDocumentTree) throws(XMLError) {
        let outcome: (Int32, String, Int?) = lock.withLock {
            guard let context = xmlRelaxNGNewValidCtxt(schema) else { return (-1, "cannot create a validation context", nil) }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlResetLastError()
            xmlRelaxNGSetValidStructuredErrors(context, bindery_silentStructuredError, nil)
            let result = xmlRelaxNGValidateDoc(context, document.pointer)
            let (message, line) = XMLLibrary.lastErrorMessage(default: "the document is not valid")
            return (result, message, line)
        }
        if outcome.0 != 0 { throw XMLError(.invalid, outcome.1, line: outcome.2) }
    }
}

