#if canImport(Glibc)
import Glibc
#endif

/// `http.listen` parsed: an IPv4 literal, a bracketed IPv6 literal or `localhost`, and a port (0: any free one).
struct HTTPListenAddress: Sendable, Hashable, CustomStringConvertible {
    let host: String
    let port: Int

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
            guard Self.isLiteral(host, family: AF_INET6) else { return nil }
        } else if host == "localhost" {
            host = "127.0.0.1"
        } else {
            guard Self.isLiteral(host, family: AF_INET) else { return nil }
        }
        self.host = host
        self.port = port
    }

    /// True for an address of the loopback range (`127.0.0.0/8`, `::1`).
    var isLoopback: Bool { host.hasPrefix("127.") || host == "::1" }

    var description: String { description(port: port) }

    /// `HOST:PORT` with another port (the one port 0 picked); an IPv6 host in brackets.
    func description(port: Int) -> String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func isLiteral(_ host: String, family: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(family, host, &buffer) == 1
    }
}
