import ArgumentParser
import BinderyProtocol
import BinderyService
import Foundation

/// Options every client command shares: which daemon, and JSON or text.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: "The daemon's control socket. Default: $RUNTIME_DIRECTORY/bindery.sock, else ./.bindery-state/bindery.sock.")
    var socket: String?

    @Flag(name: .long, help: "Print the daemon's JSON answer, for scripts.")
    var json = false

    var socketPath: String {
        if let socket { return socket }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["BINDERY_SOCKET"] { return path }
        if let runtime = environment["RUNTIME_DIRECTORY"] { return runtime + "/bindery.sock" }
        return ".bindery-state/bindery.sock"
    }

    /// Calls `method`; prints the result as JSON or through `format`; a daemon error is a failure exit.
    func call(_ method: String, _ params: JSONValue? = nil, format: (JSONValue) -> String) throws {
        let response: ControlResponse
        do {
            response = try ControlClient(socketPath: socketPath).call(method, params)
        } catch {
            Console.error(error.message + " (is `bindery serve` running? use --socket to choose another daemon)")
            throw ExitCode(2)
        }
        if let error = response.error {
            Console.error("\(method): \(error.message)")
            throw ExitCode(1)
        }
        let result = response.result ?? .null
        Console.output(json ? JSONText.pretty(result) : format(result))
    }
}

/// Turns JSON results into text for people.
enum JSONText {
    static func pretty(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func scalar(_ value: JSONValue?) -> String {
        switch value {
        case .none, .null?: "-"
        case .bool(let flag)?: flag ? "yes" : "no"
        case .number(let number)?: number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(format: "%.3f", number)
        case .string(let text)?: printable(text)
        case .array(let items)?: items.map { scalar($0) }.joined(separator: ", ")
        case .object(let object)?: object.keys.sorted().map { "\($0)=\(scalar(object[$0]))" }.joined(separator: " ")
        }
    }

    /// `key: value` lines for an object, sorted by key.
    static func fields(_ value: JSONValue) -> String {
        guard case .object(let object) = value else { return scalar(value) }
        return object.keys.sorted().map { "\($0): \(scalar(object[$0]))" }.joined(separator: "\n")
    }

    /// A table of the objects in an array (or in `value[key]`), with the given columns.
    /// Control characters (a newline in a file name) as `\n`, `\t`, `\u{…}`: one row stays one line.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        return String(text.unicodeScalars.map { scalar in
            guard scalar.properties.generalCategory == .control else { return String(scalar) }
            return scalar.escaped(asASCII: true)
        }.joined())
    }

    static func table(_ value: JSONValue, key: String? = nil, columns: [String]) -> String {
        let list: [JSONValue]
        if let key, case .array(let items)? = value[key] { list = items } else if case .array(let items) = value { list = items } else { list = [] }
        guard !list.isEmpty else { return "(none)" }
        let rows = list.map { item in columns.map { scalar(item[$0]) } }
        let widths = columns.indices.map { index in max(columns[index].count, rows.map { $0[index].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(columns.map { $0.uppercased() })] + rows.map(line)).joined(separator: "\n")
    }
}
