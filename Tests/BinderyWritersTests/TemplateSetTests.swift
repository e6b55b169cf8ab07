import BinderyTestSupport
import BinderyWriters
import Foundation
import Testing

/// Templates are looked up as pandoc looks up its data directory: the given directories (`--templates`, `--data-dir`,
/// the daemon's `templates:`), then `$XDG_DATA_HOME/bindery/templates` (else `~/.local/share/…`), then
/// `/usr/share/bindery/templates`, then the bundled ones; each file from the first directory that has it.
@Suite("Template directories")
struct TemplateSetTests {
    @Test("the data directories: XDG_DATA_HOME, else HOME's .local/share, then /usr/share")
    func dataDirectories() {
        #expect(TemplateSet.dataDirectories(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).map(\.path)
                == ["/x/bindery/templates", "/usr/share/bindery/templates"])
        #expect(TemplateSet.dataDirectories(environment: ["HOME": "/h"]).map(\.path)
                == ["/h/.local/share/bindery/templates", "/usr/share/bindery/templates"])
        #expect(TemplateSet.dataDirectories(environment: [:]).map(\.path) == ["/usr/share/bindery/templates"])
    }

    @Test("each file comes from the first directory that has it: a given one, then a data directory, then the bundled one")
    func order() throws {
        let root = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let given = root.appendingPathComponent("given"), data = root.appendingPathComponent("data/templates")
        for directory in [given, data] { try FileManager.default.createDirectory(at: directory.appendingPathComponent("epub"), withIntermediateDirectories: true) }
        try "/* given */".write(to: given.appendingPathComponent("epub/bindery.css"), atomically: true, encoding: .utf8)
        try "/* data */".write(to: data.appendingPathComponent("epub/bindery.css"), atomically: true, encoding: .utf8)
        try "<!-- data -->".write(to: data.appendingPathComponent("epub/chapter.xhtml.mustache"), atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(overrides: [given], dataDirectories: [data])
        #expect(set.text("epub/bindery.css") == "/* given */")
        #expect(set.text("epub/chapter.xhtml.mustache") == "<!-- data -->")
        let dataOnly = try TemplateSet.load(overrides: [], dataDirectories: [root.appendingPathComponent("missing"), data])
        #expect(dataOnly.text("epub/bindery.css") == "/* data */")
        let bundled = try TemplateSet.load(overrides: [], dataDirectories: [root.appendingPathComponent("missing")])
        #expect(bundled.text("epub/bindery.css") == TemplateSet.bundled.text("epub/bindery.css"))
    }
}
