import ArgumentParser
import BinderyProtocol
import Foundation

/// Options every client command shares: which daemon, and JSON or text.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: "The daemon's control socket. Default: $BINDERY_SOCKET, else $RUNTIME_DIRECTORY/bindery.sock, else ./.bindery-state/bindery.sock where it exists, else the installed service's /run/bindery/bindery.sock.")
    var socket: String?

    @Flag(name: .long, help: "Print the daemon's JSON answer, for scripts.")
    var json = false

    var socketPath: String {
        if let socket { return socket }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["BINDERY_SOCKET"] { return path }
        if let runtime = environment["RUNTIME_DIRECTORY"] { return runtime + "/bindery.sock" }
        let local = ".bindery-state/bindery.sock", service = "/run/bindery/bindery.sock"
        if !FileManager.default.fileExists(atPath: local), FileManager.default.fileExists(atPath: service) { return service }
        return local
    }

    /// A connection to the daemon; none is the `noDaemon` exit.
    func connect(timeout: Double = 30) throws -> ControlClient {
        try reaching { () throws(ControlSocketError) in try ControlClient(socketPath: socketPath, timeout: timeout) }
    }

    /// Runs `body`; a socket that fails (no daemon, or it went away) ends the command as `noDaemon`.
    func reaching<Value>(_ body: () throws(ControlSocketError) -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            Console.error(error.message + " (is `bindery serve` running? use --socket to choose another daemon)")
            throw BinderyExitCode.noDaemon.exit
        }
    }

    /// Calls `method` with `params` and returns its typed result; the daemon's error ends the command as `failure`.
    func request<Result: Decodable>(_ method: ControlMethod, _ params: (any Encodable)? = nil, on client: ControlClient? = nil,
                                    as type: Result.Type) throws -> (result: Result, json: JSONValue) {
        let client = try client ?? connect()
        let response = try reaching { () throws(ControlSocketError) in
            if let params { try client.call(method, params) } else { try client.call(method) }
        }
        do {
            return (try response.decodeResult(as: type), response.result ?? .null)
        } catch {
            Console.error("\(method.rawValue): \(error.message)")
            throw BinderyExitCode.failure.exit
        }
    }

    /// Calls `method`; prints the daemon's JSON (`--json`) or `format` of the typed result.
    func call<Result: Decodable>(_ method: ControlMethod, _ params: (any Encodable)? = nil, as type: Result.Type,
                                 format: (Result) -> String) throws {
        let (result, json) = try request(method, params, as: type)
        Console.output(self.json ? JSONText.pretty(json) : format(result))
    }

    /// Calls `method`; prints its result's fields, one `key: value` line each (or the JSON).
    func callShowingFields<Result: Codable>(_ method: ControlMethod, _ params: (any Encodable)? = nil, as type: Result.Type) throws {
        try call(method, params, as: type) { JSONText.fields((try? JSONValue(encoding: $0)) ?? .null) }
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

    /// Control characters (a newline in a file name) as `\n`, `\t`, `\u{…}`: one row stays one line.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        return String(text.unicodeScalars.map { scalar in
            guard scalar.properties.generalCategory == .control else { return String(scalar) }
            return scalar.escaped(asASCII: true)
        }.joined())
    }

    /// A table with the given columns, one row per item; cells made printable.
    static func table(_ rows: [[String]], columns: [String]) -> String {
        guard !rows.isEmpty else { return "(none)" }
        let rows = rows.map { $0.map(printable) }
        let widths = columns.indices.map { index in max(columns[index].count, rows.map { $0[index].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(columns.map { $0.uppercased() })] + rows.map(line)).joined(separator: "\n")
    }
}
