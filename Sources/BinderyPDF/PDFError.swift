/// A PDF poppler cannot read (damaged, not a PDF, encrypted), or a read stopped. (A scan with no text to read is
/// refused once its transcript is known to hold no letter: `PDFSource`.)
package struct PDFError: Error, Sendable, CustomStringConvertible {
    package enum Code: String, Sendable {
        case unreadable, encrypted
        /// The caller's `shouldStop` said so.
        case stopped
    }

    package var code: Code
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}
