import BinderyTestSupport
import Foundation
import Testing

/// `make install` as an administrator runs it: the installed binary finds its templates from where it is
/// (`../share/bindery/templates`), with no build tree beside it; the installed configuration and unit are
/// the ones the service uses.
@Suite("Install as a service")
struct InstallTests {
    @Test("make install-files into DESTDIR: the installed binary converts alone, the unit verifies, the configuration reads")
    func installTree() throws {
        guard let built = BuiltBinary.url else {
            Issue.record("the bindery binary was not built (swift build first)")
            return
        }
        let directory = try PackagePaths.temporaryDirectory("bindery-install")
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("root")
        // The binary is installed from a copy, so that nothing beside it is the build tree's.
        let copy = directory.appendingPathComponent("bindery")
        try FileManager.default.copyItem(at: built, to: copy)
        let make = try #require(Validators.which("make"))
        let install = try Validators.run(make, ["--no-print-directory", "install-files", "BIN=\(copy.path)", "DESTDIR=\(destination.path)", "PREFIX=/usr"], directory: PackagePaths.root)
        #expect(install.status == 0, "\(install.output)")
        let installed = destination.appendingPathComponent("usr/bin/bindery")
        for path in ["usr/share/bindery/templates/epub/chapter.xhtml.mustache", "usr/lib/systemd/system/bindery.service", "usr/lib/sysusers.d/bindery.conf",
                     "usr/lib/tmpfiles.d/bindery.conf", "etc/bindery/bindery.yaml", "usr/share/bash-completion/completions/bindery",
                     "usr/share/zsh/site-functions/_bindery", "usr/share/bindery/systemd/http.conf", "usr/share/fish/vendor_completions.d/bindery.fish"] {
            #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent(path).path), "\(path) installed")
        }

        // The installed configuration lists the HTTP endpoint's key, commented out: off until an administrator sets it.
        let installedConfig = try String(contentsOf: destination.appendingPathComponent("etc/bindery/bindery.yaml"), encoding: .utf8)
        #expect(installedConfig.contains("\n#   listen: \"\""), "\(installedConfig)")

        // The installed binary converts with the installed templates, and the EPUB is valid.
        let out = directory.appendingPathComponent("out")
        let sample = PackagePaths.sampleCorpus.appendingPathComponent("workshop.txt")
        let convert = try Validators.run(installed, ["convert", sample.path, "--out", out.path, "--to", "epub"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(convert.status == 0, "\(convert.output)")
        if Validators.missing.isEmpty || PackagePaths.isCI {
            #expect(try Validators.epubcheck(out.appendingPathComponent("workshop.epub")).passed)
        }
        // Without them (a binary copied alone), a clear error naming where they were looked for, not a crash.
        let alone = try Validators.run(copy, ["convert", sample.path, "--out", out.path], environment: ["PATH": "/usr/bin:/bin"])
        #expect(alone.status == 2, "\(alone.output)")
        #expect(alone.output.contains("no template epub/chapter.xhtml.mustache in"), "\(alone.output)")
        // The daemon too: exit 2, which the unit does not restart.
        let corpus = directory.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let serve = try Validators.run(copy, ["serve", "--corpus", corpus.path, "--out", out.path, "--state", directory.appendingPathComponent("state").path],
                                       environment: ["PATH": "/usr/bin:/bin"])
        #expect(serve.status == 2, "\(serve.output)")
        #expect(serve.output.contains("no template epub/chapter.xhtml.mustache"), "\(serve.output)")

        // The installed configuration names the service's corpus.
        let check = try Validators.run(installed, ["check-config", "--config", destination.appendingPathComponent("etc/bindery/bindery.yaml").path])
        #expect(check.output.contains("/srv/bindery/corpus"), "\(check.output)")

        // The unit verifies with its ExecStart pointed at the installed binary.
        let unit = try String(contentsOf: destination.appendingPathComponent("usr/lib/systemd/system/bindery.service"), encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/bindery serve"))
        #expect(unit.contains("RestartPreventExitStatus=2"))
        guard let analyze = Validators.which("systemd-analyze") else {
            if PackagePaths.isCI { Issue.record("systemd-analyze is missing (Debian package systemd)") }
            return
        }
        let checked = directory.appendingPathComponent("bindery.service")
        try unit.replacingOccurrences(of: "ExecStart=/usr/bin/bindery", with: "ExecStart=\(installed.path)").write(to: checked, atomically: true, encoding: .utf8)
        let verify = try Validators.run(analyze, ["verify", checked.path])
        #expect(verify.status == 0 && !verify.output.contains(checked.lastPathComponent + ":"), "\(verify.output)")
    }
}
