import BinderyConversion
import BinderyText
import BinderyWriters
import Foundation
import Yams

/// Builds a `DaemonConfiguration` from, in order of precedence: command-line flags, the YAML file,
/// systemd's directory variables, the documented defaults. Relative paths in the file are resolved
/// against the file's directory; relative flags against the working directory.
public enum ConfigurationLoader {
    /// The file used when `--config` is not given, the first that exists of `$CONFIGURATION_DIRECTORY/bindery.yaml`
    /// (systemd's), `/etc/bindery/bindery.yaml` (`make install`'s) and `$XDG_CONFIG_HOME/bindery/bindery.yaml`
    /// (`~/.config` when unset); nil leaves the built-in defaults.
    public static func defaultFile(environment: [String: String], systemDirectory: String = "/etc/bindery") -> URL? {
        var directories: [String] = []
        if let systemd = environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first { directories.append(String(systemd)) }
        directories.append(systemDirectory)
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            directories.append(xdg + "/bindery")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            directories.append(home + "/.config/bindery")
        }
        return directories.map { URL(fileURLWithPath: $0).appendingPathComponent("bindery.yaml") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    public static func load(
        overrides: ConfigurationOverrides = ConfigurationOverrides(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ServiceError) -> DaemonConfiguration {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let file = overrides.configFile.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? defaultFile(environment: environment)
        var text = ""
        if let file {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw ServiceError(.configurationUnreadable, "\(file.path): cannot read the configuration file")
            }
            guard let string = String(data: data, encoding: .utf8) else {
                throw ServiceError(.configurationUnreadable, "\(file.path): the configuration file is not UTF-8")
            }
            text = string
        }
        var configuration = try parse(text, file: file, environment: environment)
        if let corpus = overrides.corpus { configuration.paths.corpus = URL(fileURLWithPath: corpus, relativeTo: cwd).standardizedFileURL }
        if let out = overrides.out { configuration.paths.out = URL(fileURLWithPath: out, relativeTo: cwd).standardizedFileURL }
        if let state = overrides.state {
            let explicitRuntime = configuration.paths.runtime != configuration.paths.state
            configuration.paths.state = URL(fileURLWithPath: state, relativeTo: cwd).standardizedFileURL
            if !explicitRuntime { configuration.paths.runtime = configuration.paths.state }
        }
        if let url = overrides.queueURL { configuration.queue.url = url }
        if let poll = overrides.pollSeconds {
            guard poll >= 0, poll <= 86_400 else { throw ServiceError(.configurationBadValue, "--poll must be in 0...86400 seconds, not \(poll)") }
            configuration.watch.pollSeconds = poll
        }
        try validate(configuration)
        return configuration
    }

    /// Parses the YAML text of a configuration file (empty text = all defaults).
    public static func parse(_ text: String, file: URL?, environment: [String: String]) throws(ServiceError) -> DaemonConfiguration {
        let name = file?.path ?? "<defaults>"
        let node: Node?
        do throws(YAMLGuard.Violation) {
            try YAMLGuard.check(text)
        } catch {
            throw ServiceError(.configurationSyntax, "\(name): YAML over a limit, not read: \(error)")
        }
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ServiceError(.configurationSyntax, "\(name): \(error)")
        }
        let base = file?.deletingLastPathComponent() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL }
        func environmentDirectory(_ key: String) -> URL? {
            environment[key]?.split(separator: ":").first.map { URL(fileURLWithPath: String($0)).standardizedFileURL }
        }

        var root = try YAMLSection(node: node, file: name)
        let corpus = try root.string("corpus").map(resolve) ?? resolve("corpus")
        let out = try root.string("out").map(resolve) ?? resolve("out")
        let state = try root.string("state").map(resolve) ?? environmentDirectory("STATE_DIRECTORY") ?? resolve(".bindery-state")
        let runtime = try root.string("runtime").map(resolve) ?? environmentDirectory("RUNTIME_DIRECTORY") ?? state
        var configuration = DaemonConfiguration(paths: .init(corpus: corpus, out: out, state: state, runtime: runtime))
        configuration.sourceFile = file
        configuration.sourceDateEpoch = SourceLoader.sourceDateEpoch(in: environment)

        if let formats = try root.strings("formats") {
            var parsed: [OutputFormat] = []
            for format in formats {
                guard let value = OutputFormat(rawValue: format) else {
                    throw ServiceError(.configurationBadValue, "\(name): 'formats' has '\(format)'; known: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if !parsed.contains(value) { parsed.append(value) }
            }
            guard !parsed.isEmpty else { throw ServiceError(.configurationBadValue, "\(name): 'formats' must name at least one format") }
            configuration.formats = parsed.sorted()
        }
        configuration.proof = try root.bool("proof") ?? configuration.proof
        configuration.templateDirectories = try root.strings("templates")?.map(resolve) ?? []
        if let level = try root.string("log_level") {
            guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(level) else {
                throw ServiceError(.configurationBadValue, "\(name): 'log_level' must be trace, debug, info, notice, warning, error or critical, not '\(level)'")
            }
            configuration.logLevel = level
        }

        var watch = try root.section("watch")
        configuration.watch.settleMilliseconds = try watch.int("settle_ms", in: 0...60_000) ?? configuration.watch.settleMilliseconds
        configuration.watch.pollSeconds = try watch.double("poll_seconds", in: 0...86_400) ?? configuration.watch.pollSeconds
        configuration.watch.earlyStart = try watch.bool("early_start") ?? configuration.watch.earlyStart
        configuration.watch.outputAuditSeconds = try watch.double("output_audit_seconds", in: 0...86_400) ?? configuration.watch.outputAuditSeconds
        try watch.finish()

        var queue = try root.section("queue")
        configuration.queue.parallelism = try queue.int("parallelism", in: 0...256) ?? configuration.queue.parallelism
        configuration.queue.maxSourceBytes = try queue.int("max_source_bytes", in: 1...(1 << 32)) ?? configuration.queue.maxSourceBytes
        configuration.queue.largeSourceBytes = try queue.int("large_source_bytes", in: 1...(1 << 32)) ?? configuration.queue.largeSourceBytes
        configuration.queue.jobTimeoutSeconds = try queue.double("job_timeout_seconds", in: 0.1...86_400) ?? configuration.queue.jobTimeoutSeconds
        configuration.queue.retryAttempts = try queue.int("retry_attempts", in: 1...20) ?? configuration.queue.retryAttempts
        configuration.queue.retryDelayMilliseconds = try queue.int("retry_delay_ms", in: 0...600_000) ?? configuration.queue.retryDelayMilliseconds
        configuration.queue.url = try queue.string("url") ?? configuration.queue.url
        configuration.queue.leaseSeconds = try queue.double("lease_seconds", in: 1...3_600) ?? configuration.queue.leaseSeconds
        try queue.finish()

        var publish = try root.section("publish")
        configuration.publish.prune = try publish.bool("prune") ?? configuration.publish.prune
        try publish.finish()

        var lifecycle = try root.section("lifecycle")
        configuration.lifecycle.graceSeconds = try lifecycle.double("grace_seconds", in: 0...3_600) ?? configuration.lifecycle.graceSeconds
        try lifecycle.finish()

        var control = try root.section("control")
        configuration.control.group = try control.string("group") ?? configuration.control.group
        if let uids = try control.strings("allowed_uids") {
            configuration.control.allowedUIDs = try uids.map { text throws(ServiceError) -> UInt32 in
                guard let uid = UInt32(text) else { throw ServiceError(.configurationBadValue, "\(name): 'control.allowed_uids' must list user ids (numbers), not '\(text)'") }
                return uid
            }
        }
        configuration.control.maxClients = try control.int("max_clients", in: 1...10_000) ?? configuration.control.maxClients
        configuration.control.idleTimeoutSeconds = try control.double("idle_timeout_seconds", in: 0.1...86_400) ?? configuration.control.idleTimeoutSeconds
        configuration.control.maxRequestsPerSecond = try control.double("max_requests_per_second", in: 0...1_000_000) ?? configuration.control.maxRequestsPerSecond
        try control.finish()

        var http = try root.section("http")
        if let listen = try http.string("listen") {
            guard listen.isEmpty || HTTPListenAddress(listen) != nil else {
                throw ServiceError(.configurationBadValue, "\(name): 'http.listen' must be HOST:PORT (127.0.0.1:8080, [::1]:8080) or empty, not '\(listen)'")
            }
            configuration.http.listen = listen
        }
        configuration.http.maxConnections = try http.int("max_connections", in: 1...10_000) ?? configuration.http.maxConnections
        configuration.http.idleTimeoutSeconds = try http.double("idle_timeout_seconds", in: 0.1...86_400) ?? configuration.http.idleTimeoutSeconds
        configuration.http.pageSize = try http.int("page_size", in: 1...1_000) ?? configuration.http.pageSize
        try http.finish()

        var reader = try root.section("reader")
        configuration.reader.typography = try reader.bool("typography") ?? configuration.reader.typography
        configuration.reader.maximumBytes = try reader.int("maximum_bytes", in: 1...(1 << 32)) ?? configuration.reader.maximumBytes
        configuration.reader.keepLineBreaks = try reader.bool("diplomatic") ?? configuration.reader.keepLineBreaks
        try reader.finish()

        var writer = try root.section("writer")
        configuration.writer.epubSplitLevel = try writer.int("epub_split_level", in: 1...6) ?? configuration.writer.epubSplitLevel
        if let notes = try writer.string("epub_notes") {
            guard let placement = WriterSettings.NotesPlacement(rawValue: notes) else {
                throw ServiceError(.configurationBadValue, "\(name): 'writer.epub_notes' must be chapter or book, not '\(notes)'")
            }
            configuration.writer.epubNotes = placement
        }
        configuration.writer.textWrapWidth = try writer.int("text_wrap_width", in: 0...1_000) ?? configuration.writer.textWrapWidth
        configuration.writer.publisher = try writer.string("publisher") ?? configuration.writer.publisher
        configuration.writer.licence = try writer.string("licence") ?? configuration.writer.licence
        try writer.finish()

        try root.finish()
        return configuration
    }

    /// Checks what the file cannot: the corpus exists, and out/state are not the corpus itself.
    public static func validate(_ configuration: DaemonConfiguration) throws(ServiceError) {
        let paths = configuration.paths
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: paths.corpus.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServiceError(.directoryMissing, "the corpus directory \(paths.corpus.path) does not exist")
        }
        for (key, url) in [("out", paths.out), ("state", paths.state)] where url.path == paths.corpus.path {
            throw ServiceError(.configurationBadValue, "'\(key)' must not be the corpus directory itself (\(url.path))")
        }
        guard paths.out.path != paths.state.path else {
            throw ServiceError(.configurationBadValue, "'out' and 'state' must be different directories (\(paths.out.path))")
        }
        if let url = configuration.queue.url { _ = try PostgresURL(url) }
    }
}
