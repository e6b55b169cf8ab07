/// A PDF poppler cannot read (damaged, not a PDF, encrypted), or a read stopped. (A scan with no text to read is
/// refused once its transcript is known to hold no letter: `PDFSource`.)
public struct PDFError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadable, encrypted
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
