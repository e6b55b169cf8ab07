/// A PDF that cannot give a book: unreadable, encrypted, or a scan with no text to read.
public struct PDFError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadable, encrypted, noTextLayer
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
