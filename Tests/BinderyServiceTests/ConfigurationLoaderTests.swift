import Foundation
import Testing
@testable import BinderyService

@Suite struct ConfigurationLoaderTests {
    private func parse(_ yaml: String, environment: [String: String] = [:]) throws(ServiceError) -> DaemonConfiguration {
        try ConfigurationLoader.parse(yaml, file: URL(fileURLWithPath: "/etc/bindery/bindery.yaml"), environment: environment)
    }

    @Test func emptyFileGivesDocumentedDefaults() throws {
        let configuration = try parse("")
        #expect(configuration.paths.corpus.path == "/etc/bindery/corpus")
        #expect(configuration.paths.state.path == "/etc/bindery/.bindery-state")
        #expect(configuration.paths.runtime == configuration.paths.state)
        #expect(configuration.watch.settleMilliseconds == 300)
        #expect(configuration.watch.pollSeconds == 0)
        #expect(configuration.queue.parallelism == 0)
        #expect(configuration.queue.effectiveParallelism == ProcessInfo.processInfo.activeProcessorCount)
        #expect(configuration.publish.prune == false)
        #expect(configuration.formats == [.epub, .tei, .text])
    }

    /// Every key of `Config/bindery.yaml`, uncommented, parses and gives exactly the built-in defaults.
    @Test func bundledFileListsEveryKeyWithItsDefault() throws {
        let file = packageRoot.appendingPathComponent("Config/bindery.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let keyLine = /^# ( *[a-z_]+:.*)$/
        let uncommented = text.split(separator: "\n").compactMap { line -> String? in
            guard let match = String(line).wholeMatch(of: keyLine) else { return nil }
            let body = String(match.1)
            if let comment = body.range(of: "  #") { return String(body[..<comment.lowerBound]) }
            return body
        }
        let parsed = try ConfigurationLoader.parse(uncommented.joined(separator: "\n"), file: file, environment: [:])
        let defaults = try ConfigurationLoader.parse("", file: file, environment: [:])
        #expect(uncommented.count >= 25)
        #expect(parsed == defaults)
    }

    @Test func valuesAreRead() throws {
        let configuration = try parse("""
            corpus: /srv/corpus
            out: ../out
            formats: [tei, epub]
            watch:
              settle_ms: 50
              poll_seconds: 2.5
            queue:
              parallelism: 3
              retry_attempts: 5
            publish:
              prune: true
            writer:
              epub_notes: book
              publisher: Example Press
            """)
        #expect(configuration.paths.corpus.path == "/srv/corpus")
        #expect(configuration.paths.out.path == "/etc/out")
        #expect(configuration.formats == [.epub, .tei])
        #expect(configuration.watch.settleMilliseconds == 50)
        #expect(configuration.watch.pollSeconds == 2.5)
        #expect(configuration.queue.effectiveParallelism == 3)
        #expect(configuration.queue.retryAttempts == 5)
        #expect(configuration.publish.prune)
        #expect(configuration.writer.epubNotes == .book)
        #expect(configuration.writer.publisher == "Example Press")
    }

    @Test(arguments: [
        ("colour: red", ServiceError.Code.configurationUnknownKey, "'colour'"),
        ("watch:\n  settle: 3", .configurationUnknownKey, "'watch.settle'"),
        ("watch:\n  settle_ms: soon", .configurationBadValue, "'watch.settle_ms'"),
        ("queue:\n  parallelism: -1", .configurationBadValue, "'queue.parallelism'"),
        ("publish:\n  prune: maybe", .configurationBadValue, "'publish.prune'"),
        ("formats: [epub, pdf]", .configurationBadValue, "'pdf'"),
        ("writer:\n  epub_notes: margin", .configurationBadValue, "'writer.epub_notes'"),
        ("watch: [1, 2]", .configurationBadValue, "'watch'"),
        ("http:\n  listen: 8080", .configurationBadValue, "'http.listen'"),
        ("http:\n  listen: example.org:8080", .configurationBadValue, "'http.listen'"),
        ("http:\n  listen: 127.0.0.1:65536", .configurationBadValue, "'http.listen'"),
        ("http:\n  listen: \"::1:8080\"", .configurationBadValue, "'http.listen'"),
        ("http:\n  max_connections: 0", .configurationBadValue, "'http.max_connections'"),
        ("http:\n  port: 80", .configurationUnknownKey, "'http.port'"),
        ("corpus: [a", .configurationSyntax, "bindery.yaml"),
    ])
    func badFilesAreClearErrors(yaml: String, code: ServiceError.Code, mention: String) {
        #expect {
            _ = try parse(yaml)
        } throws: { error in
            guard let error = error as? ServiceError else { return false }
            return error.code == code && error.message.contains(mention) && error.message.contains("/etc/bindery/bindery.yaml")
        }
    }

    @Test("http.listen: off by default; IPv4, bracketed IPv6 and localhost literals with a port")
    func httpListen() throws {
        #expect(try parse("").http.listen == "")
        #expect(try parse("http:\n  listen: 127.0.0.1:8080\n  page_size: 10").http == .init(listen: "127.0.0.1:8080", pageSize: 10))
        for (text, host, port, loopback) in [("127.0.0.1:0", "127.0.0.1", 0, true), ("[::1]:8080", "::1", 8080, true), ("localhost:80", "127.0.0.1", 80, true), ("0.0.0.0:9", "0.0.0.0", 9, false)] {
            let address = try #require(HTTPListenAddress(text))
            #expect(address.host == host && address.port == port && address.isLoopback == loopback)
        }
        for text in ["", "8080", ":8080", "127.0.0.1", "127.0.0.1:-1", "[::1]", "::1:80", "host:80", "127.0.0.1:80x"] { #expect(HTTPListenAddress(text) == nil) }
    }

    @Test("a reload keeps the running values of the settings read at start and names those the file changed")
    func reloadKeepsStartOnlySettings() throws {
        var running = try parse("http:\n  listen: 127.0.0.1:8080\nqueue:\n  parallelism: 2\n")
        running.watch.pollSeconds = 0.5  // --poll
        var reloaded = try parse("""
            http:
              listen: 127.0.0.1:9090
              page_size: 10
            queue:
              parallelism: 2
              large_source_bytes: 1000
              job_timeout_seconds: 60
            control:
              max_requests_per_second: 5
            writer:
              publisher: Reloaded Press
            """)
        let changed = DaemonRuntime.keepStartOnlySettings(of: running, in: &reloaded)
        #expect(changed == ["queue.large_source_bytes", "control.max_requests_per_second", "http.listen", "http.page_size"])
        #expect(reloaded.http == running.http && reloaded.queue.largeSourceBytes == running.queue.largeSourceBytes
            && reloaded.control == running.control && reloaded.watch == running.watch)
        // What a reload applies stays as the file has it.
        #expect(reloaded.queue.jobTimeoutSeconds == 60 && reloaded.writer.publisher == "Reloaded Press")
    }

    @Test func systemdDirectoriesAreHonoured() throws {
        let configuration = try parse("", environment: ["STATE_DIRECTORY": "/var/lib/bindery", "RUNTIME_DIRECTORY": "/run/bindery"])
        #expect(configuration.paths.state.path == "/var/lib/bindery")
        #expect(configuration.paths.runtime.path == "/run/bindery")
        let explicit = try parse("state: /tmp/s", environment: ["STATE_DIRECTORY": "/var/lib/bindery"])
        #expect(explicit.paths.state.path == "/tmp/s")
    }

    @Test("the default file: systemd's directory, then /etc/bindery, then $XDG_CONFIG_HOME/bindery (~/.config when unset)")
    func defaultFileOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for place in ["systemd", "etc", "xdg/bindery", "home/.config/bindery"] { try directory.write("corpus: c\n", to: "\(place)/bindery.yaml") }
        let etc = directory.path("etc").path, missing = directory.path("none").path
        func found(_ environment: [String: String], system: String) -> String? {
            ConfigurationLoader.defaultFile(environment: environment, systemDirectory: system)?.deletingLastPathComponent().path
        }
        let all = ["CONFIGURATION_DIRECTORY": directory.path("systemd").path, "XDG_CONFIG_HOME": directory.path("xdg").path, "HOME": directory.path("home").path]
        #expect(found(all, system: etc) == directory.path("systemd").path)
        #expect(found(all.filter { $0.key != "CONFIGURATION_DIRECTORY" }, system: etc) == etc)
        #expect(found(all.filter { $0.key != "CONFIGURATION_DIRECTORY" }, system: missing) == directory.path("xdg/bindery").path)
        #expect(found(["HOME": directory.path("home").path], system: missing) == directory.path("home/.config/bindery").path)
        #expect(found([:], system: missing) == nil)
    }

    @Test func flagsOverrideTheFileAndConfigurationDirectoryIsFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("corpus: c\nout: o\nwatch:\n  poll_seconds: 1\n", to: "etc/bindery.yaml")
        try FileManager.default.createDirectory(at: directory.path("etc/c"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.path("flag-corpus"), withIntermediateDirectories: true)
        let environment = ["CONFIGURATION_DIRECTORY": directory.path("etc").path]
        let fromFile = try ConfigurationLoader.load(environment: environment)
        #expect(fromFile.paths.corpus.path == directory.path("etc/c").path)
        #expect(fromFile.watch.pollSeconds == 1)
        let overridden = try ConfigurationLoader.load(
            overrides: ConfigurationOverrides(corpus: directory.path("flag-corpus").path, state: directory.path("s").path, pollSeconds: 0),
            environment: environment)
        #expect(overridden.paths.corpus.path == directory.path("flag-corpus").path)
        #expect(overridden.paths.out.path == directory.path("etc/o").path)
        #expect(overridden.paths.state.path == directory.path("s").path)
        #expect(overridden.paths.runtime.path == directory.path("s").path)
        #expect(overridden.watch.pollSeconds == 0)
    }

    @Test func missingCorpusIsAnError() {
        #expect(throws: ServiceError.self) {
            try ConfigurationLoader.load(overrides: ConfigurationOverrides(corpus: "/nonexistent/corpus"), environment: [:])
        }
    }
}
