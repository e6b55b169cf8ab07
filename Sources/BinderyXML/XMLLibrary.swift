import CLibXML2
import Foundation

/// libxml2's one-time set-up, done before the first use from any thread.
enum XMLLibrary {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    static func ensureInitialised() {
        _ = initialised
    }

    /// libxml2's last error on this thread as text, then cleared.
    static func lastErrorMessage(default fallback: String) -> (String, Int?) {
        guard let error = xmlGetLastError() else { return (fallback, nil) }
        let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? fallback
        let line = Int(error.pointee.line)
        xmlResetLastError()
        return (message, line > 0 ? line : nil)
    }
}

