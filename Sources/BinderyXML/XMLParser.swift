import CLibXML2

/// A parsed XML document (libxml2 tree), for checks: well-formedness and RELAX NG validation.
public final class XMLDocumentTree {
    let pointer: xmlDocPtr

    /// Parses `bytes` with no network access and no entity expansion; errors are returned, not printed.
    public init(parsing bytes: [UInt8]) throws(XMLError) {
        XMLLibrary.ensureInitialised()
        xmlResetLastError()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            } ?? nil
        }
        guard let document else {
            let (message, line) = XMLLibrary.lastErrorMessage(default: "not well-formed XML")
            throw XMLError(.parse, message, line: line)
        }
        pointer = document
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The name of the root element.
    public var rootName: String? {
        guard let root = xmlDocGetRootElement(pointer), let name = root.pointee.name else { return nil }
        return String(cString: name)
    }
}
