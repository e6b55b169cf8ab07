import ArgumentParser
import Foundation

/// The one table of `bindery`'s exit statuses, for every command; README.md and `bindery --help` show it.
/// `noDaemon` and `badConfiguration` share 2 because the tests pin both (`status` with no daemon,
/// `check-config` of a bad file); each call site names its meaning, so parting them is one line here.
enum BinderyExitCode: CaseIterable {
    case success, failure, noDaemon, badConfiguration, usage

    var status: Int32 {
        switch self {
        case .success: 0
        case .failure: 1
        case .noDaemon: 2
        case .badConfiguration: 2
        case .usage: ExitCode.validationFailure.rawValue
        }
    }

    var meaning: String {
        switch self {
        case .success: "done"
        case .failure: "a conversion, job or request failed"
        case .noDaemon: "no daemon answers at the control socket"
        case .badConfiguration: "the configuration is invalid (serve, check-config)"
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
