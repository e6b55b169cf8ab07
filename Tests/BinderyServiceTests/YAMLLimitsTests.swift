import BinderyConversion
import BinderyModel
import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService

/// Issue #19: YAML (sidecars and the configuration) is checked under limits before Yams composes it,
/// so an alias bomb or a deep nest is refused at once, naming the file and the limit.
@Suite("YAML limits")
struct YAMLLimitsTests {
    /// Ten levels, each `fanOut` aliases of the one before: as a key (the issue's shape, each level
    /// doubling: Yams hashed the whole expansion) or, ten-fold (10^10 nodes), as a value.
    static func bomb(key: Bool) -> String {
        let fanOut = key ? 2 : 10
        var lines = ["a0: &a0 [\(Array(repeating: "x", count: fanOut).joined(separator: ", "))]"]
        for level in 1...9 {
            let alias = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [\(Array(repeating: alias, count: fanOut).joined(separator: ","))]")
        }
        lines.append(key ? "? *a9\n: boom" : "title: *a9")
        return lines.joined(separator: "\n") + "\n"
    }

    static let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"

    private let text = Array("A Small Book\n\nThe first paragraph.\n\nThe second paragraph.\n".utf8)

    private func source(sidecar: String) -> Converter.Source {
        Converter.Source(bytes: text, fileName: "small.txt", modified: Date(timeIntervalSince1970: 1_700_000_000), sidecar: Array(sidecar.utf8))
    }

    @Test("a hostile sidecar is refused at once with a diagnostic naming it and the limit; the document converts", arguments: [
        (bomb(key: true), "used as a mapping key"), (bomb(key: false), "more than 100000 nodes"), (deep, "deeper than the limit of 64"),
    ])
    func hostileSidecar(yaml: String, expected: String) throws {
        let started = ContinuousClock.now
        let result = try Converter().convert(source(sidecar: yaml))
        #expect(ContinuousClock.now - started < .seconds(5))
        let diagnostic = try #require(result.document.diagnostics.first { $0.code == "sidecar.invalid" })
        #expect(diagnostic.message.contains("small.meta.yaml") && diagnostic.message.contains("YAML over a limit"), "\(diagnostic.message)")
        #expect(diagnostic.message.contains(expected), "\(diagnostic.message)")
        #expect(result.outputs.count == 3)
    }

    @Test("an ordinary sidecar with a harmless alias still applies")
    func harmlessAlias() throws {
        let yaml = "title: &t The Small Book\nsubtitle: *t\nauthor: &who Jane Doe\ncontributor: [*who]\n"
        let document = try Converter().read(source(sidecar: yaml))
        #expect(!document.diagnostics.contains { $0.code == "sidecar.invalid" })
        #expect(document.metadata.title == "The Small Book" && document.metadata.subtitle == "The Small Book")
        #expect(document.metadata.contributors.map(\.name) == ["Jane Doe"])
    }

    @Test("a hostile configuration is refused, naming the file and the limit", arguments: [
        (bomb(key: true), "used as a mapping key"), ("corpus: /srv\n" + bomb(key: false).replacingOccurrences(of: "title:", with: "out:"), "more than 100000 nodes"),
        (deep, "deeper than the limit of 64"),
    ])
    func hostileConfiguration(yaml: String, expected: String) throws {
        let started = ContinuousClock.now
        do {
            _ = try ConfigurationLoader.parse(yaml, file: URL(fileURLWithPath: "/etc/bindery/bindery.yaml"), environment: [:])
            Issue.record("the configuration was accepted")
        } catch {
            #expect(error.code == .configurationSyntax)
            #expect(error.message.contains("/etc/bindery/bindery.yaml") && error.message.contains(expected), "\(error.message)")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("check-config and inspect, run as a user runs them, return at once")
    func commandLine() throws {
        guard let binary = BuiltBinary.url else {
            Issue.record("the bindery binary was not built (swift build first)")
            return
        }
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("bindery.yaml")
        try Self.bomb(key: true).write(to: config, atomically: true, encoding: .utf8)
        let checked = try Validators.run(binary, ["check-config", "--config", config.path])
        #expect(checked.status != 0)
        #expect(checked.output.contains(config.path) && checked.output.contains("used as a mapping key"), "\(checked.output)")

        let book = directory.appendingPathComponent("book.txt")
        try Data(text).write(to: book)
        try Self.bomb(key: true).write(to: directory.appendingPathComponent("book.meta.yaml"), atomically: true, encoding: .utf8)
        let inspected = try Validators.run(binary, ["inspect", book.path])
        #expect(inspected.output.contains("book.meta.yaml") && inspected.output.contains("used as a mapping key"), "\(inspected.output)")
    }
}
