import BinderyTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for the cluster tests: `initdb` and `pg_ctl` (Debian `postgresql`) on a
/// temporary directory, listening only on a Unix socket there (and on a free loopback port), run as the
/// `postgres` user through `runuser` when the tests run as root. `stop()` removes it all.
final class PostgresServer: @unchecked Sendable {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "PostgreSQL's initdb and pg_ctl are not installed (Debian package postgresql): run `make test`" }
    }

    let directory: URL
    let port: Int
    private let binaries: URL
    private var data: URL { directory.appendingPathComponent("data") }
    /// The directory of the server's Unix socket.
    var socketDirectory: String { directory.path }

    /// The server's binaries: on PATH, else Debian's versioned directory.
    static var binaryDirectory: URL? {
        if let initdb = Validators.which("initdb") { return initdb.resolvingSymlinksInPath().deletingLastPathComponent() }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        return versions.map { URL(fileURLWithPath: "\(root)/\($0)/bin") }.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }

    /// Starts a new server; nil where PostgreSQL is not installed, except under CI, where that is an error.
    static func startIfInstalled() throws -> PostgresServer? {
        guard let binaries = binaryDirectory else {
            if PackagePaths.isCI { throw Missing() }
            return nil
        }
        return try PostgresServer(binaries: binaries)
    }

    private init(binaries: URL) throws {
        self.binaries = binaries
        // Short: a Unix socket's path must fit in 108 bytes.
        directory = URL(fileURLWithPath: "/tmp/bpg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = Self.freePort()
        if geteuid() == 0 {
            _ = try Validators.run(URL(fileURLWithPath: "/bin/chown"), ["postgres", directory.path])
        } else {
            chmod(directory.path, 0o700)
        }
        try run("initdb", ["-D", data.path, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
        try start()
    }

    /// A libpq URI of `database` on this server, through its Unix socket.
    func url(_ database: String) -> String { "postgresql://postgres@/\(database)?host=\(socketDirectory)&port=\(port)" }

    func start() throws {
        try run("pg_ctl", [
            "-D", data.path, "-w", "-t", "30", "-l", directory.appendingPathComponent("server.log").path,
            "-o", "-p \(port) -k \(socketDirectory) -c listen_addresses='' -c fsync=off -c max_connections=200", "start",
        ])
    }

    /// Stops the server (fast: sessions are cut, as when a database host restarts).
    func halt() throws {
        try run("pg_ctl", ["-D", data.path, "-w", "-m", "fast", "stop"])
    }

    func createDatabase(_ name: String) throws {
        try run("createdb", ["-h", socketDirectory, "-p", "\(port)", "-U", "postgres", name])
    }

    /// The rows `sql` returns, one line each, columns separated by `|` (psql's unaligned output).
    func query(_ database: String, _ sql: String) throws -> [String] {
        let output = try run("psql", ["-h", socketDirectory, "-p", "\(port)", "-U", "postgres", "-d", database, "-At", "-c", sql])
        return output.split(separator: "\n").map(String.init)
    }

    func stop() {
        try? halt()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs one of the server's tools (as `postgres` when root), by `posix_spawn` with every descriptor above 2
    /// closed (by Python, first) and its output in a file: the server `pg_ctl` starts would inherit and hold a pipe open, and
    /// Foundation's `Process` would never see the tool end.
    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let program = binaries.appendingPathComponent(tool)
        let binary = FileManager.default.isExecutableFile(atPath: program.path) ? program : (Validators.which(tool) ?? program)
        // Python closes the descriptors this process may have open without close-on-exec (another test's pipes).
        let closer = "import os, sys; os.chdir('/tmp'); os.closerange(3, 65536); os.execv(sys.argv[1], sys.argv[1:])"
        let command = geteuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", binary.path] + arguments : [binary.path] + arguments
        let argv = ["/usr/bin/python3", "-c", closer] + command
        let output = "/tmp/bpg-tool-\(UUID().uuidString.prefix(8)).out"
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw ServerFailure(description: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw ServerFailure(description: "\(tool) \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    struct ServerFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// A loopback port nothing listens on now.
    private static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
