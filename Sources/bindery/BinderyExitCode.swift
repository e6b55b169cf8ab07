import ArgumentParser
import Foundation

/// The one table of `bindery`'s exit statuses, for every command; README.md and `bindery --help` show it.
/// A missing daemon (69, sysexits' `EX_UNAVAILABLE`: try again later) is told apart from a bad configuration (2).
enum BinderyExitCode: CaseIterable {
    case success, failure, badConfiguration, usage, noDaemon

    var status: Int32 {
        switch self {
        case .success: 0
        case .failure: 1
        case .noDaemon: 69
        case .badConfiguration: 2
        case .usage: ExitCode.validationFailure.rawValue
        }
    }

    var meaning: String {
        switch self {
        case .success: "done"
        case .failure: "a conversion, job or request failed"
        case .noDaemon: "no daemon answers at the control socket"
        case .badConfiguration: "the configuration or the installation is invalid (serve, check-config; templates missing)"
        case .usage: "bad arguments or options"
        }
    }

    /// Throw it to end the command with this status.
    var exit: ExitCode { ExitCode(status) }

    /// The table as `--help` prints it.
    static var helpText: String {
        "Exit status:\n" + allCases.map { "  " + String($0.status).padding(toLength: 4, withPad: " ", startingAt: 0) + $0.meaning }.joined(separator: "\n")
    }
}
