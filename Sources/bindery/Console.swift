import Foundation

/// Messages to stderr (stdout stays for results, and is block-buffered when redirected).
enum Console {
    static func info(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("bindery: " + message + "\n").utf8))
    }

    /// A result on stdout.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
