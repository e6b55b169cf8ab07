/// A PDF that cannot give a book (unreadable, encrypted, or a scan with no text to read), or a read stopped.
public struct PDFError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadable, encrypted, noTextLayer
        /// The caller's `shouldStop` said so.
        case stopped
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
