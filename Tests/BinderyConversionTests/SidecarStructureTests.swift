import BinderyArchive
import BinderyConversion
import BinderyModel
import BinderyTestSupport
import BinderyWriters
import Foundation
import Testing

/// The sidecar's `structure:` section, through the whole converter: the EPUB nav, the TEI divisions,
/// the editorial record and the proof follow the overrides; a bad sidecar falls back with its error shown.
@Suite("Sidecar structure overrides")
struct SidecarStructureTests {
    private static let stem = "003_d1cafe7658540bb9"
    private static let example = PackagePaths.root.appendingPathComponent("Config/examples/\(stem).meta.yaml")

    private func corpusSource(sidecar: [UInt8]?) throws -> Converter.Source? {
        let url = PackagePaths.corpus.appendingPathComponent(Self.stem + ".txt")
        guard FileManager.default.fileExists(atPath: url.path) else {
            if PackagePaths.isCI { Issue.record("the corpus is missing at \(url.path)") }
            return nil
        }
        return Converter.Source(bytes: [UInt8](try Data(contentsOf: url)), fileName: Self.stem + ".txt",
                                modified: Date(timeIntervalSince1970: 1_700_000_000), sidecar: sidecar)
    }

    private struct TruthHeading: Decodable, Hashable { var level: Int; var line: Int }
    private struct Truth: Decodable { var headings: [TruthHeading] }

    private func outline(_ document: Document) -> [TruthHeading] {
        document.blocks.compactMap { block in
            guard case .heading(let heading) = block, let line = heading.info.source?.firstLine else { return nil }
            return TruthHeading(level: heading.level, line: line)
        }
    }

    @Test("the README's worked example turns 003's outline into the hand-checked one, in the nav and the TEI")
    func workedExample() throws {
        let sidecar = [UInt8](try Data(contentsOf: Self.example))
        guard let plain = try corpusSource(sidecar: nil), let overridden = try corpusSource(sidecar: sidecar) else { return }
        let truthURL = PackagePaths.shared.appendingPathComponent("truth/\(Self.stem).json")
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: truthURL)).headings
        let before = try Converter().convert(plain)
        #expect(outline(before.document) != truth, "inference alone already matches: the example proves nothing")
        let after = try Converter().convert(overridden, formats: OutputFormat.allCases)
        #expect(outline(after.document) == truth)
        #expect(!after.document.diagnostics.contains { $0.code.hasPrefix("sidecar.") }, "\(after.document.diagnostics.filter { $0.code.hasPrefix("sidecar.") })")

        let epub = try ZipArchiveReader(after.outputs.first { $0.format == .epub }!.bytes)
        let nav = String(decoding: epub["EPUB/nav.xhtml"]?.bytes ?? [], as: UTF8.self)
        let navBefore = String(decoding: try ZipArchiveReader(before.outputs[0].bytes)["EPUB/nav.xhtml"]?.bytes ?? [], as: UTF8.self)
        #expect(nav.contains("Lack of oversight") && !navBefore.contains("Lack of oversight"))
        #expect(!nav.contains("DIARY Moscow") && navBefore.contains("DIARY Moscow"))
        let tei = String(decoding: after.outputs.first { $0.format == .tei }!.bytes, as: UTF8.self)
        let teiBefore = String(decoding: before.outputs[1].bytes, as: UTF8.self)
        // Eight of the ten forced headings were found already (at level 2, now 3): two more, four fewer.
        #expect(tei.components(separatedBy: "<head").count - teiBefore.components(separatedBy: "<head").count == 2 - 4)
        #expect(tei.contains("<head>Lack of oversight."))
        #expect(tei.contains("By the sidecar \(Self.stem).meta.yaml: 10 heading(s) forced (lines 662, 1056, 1484"))
        #expect(tei.contains("4 inferred heading(s) made paragraphs (lines 1279, 1283, 1334, 1687)"))

        let proof = String(decoding: after.outputs.first { $0.format == .proof }!.bytes, as: UTF8.self)
        #expect(proof.contains("id=\"L1056\" data-category=\"heading\""))
        #expect(proof.components(separatedBy: "by sidecar</b>").count - 1 == 14)

        let directory = try PackagePaths.temporaryDirectory("sidecar-example")
        defer { try? FileManager.default.removeItem(at: directory) }
        let epubURL = directory.appendingPathComponent("book.epub"), teiURL = directory.appendingPathComponent("book.tei.xml")
        try Data(after.outputs.first { $0.format == .epub }!.bytes).write(to: epubURL)
        try Data(after.outputs.first { $0.format == .tei }!.bytes).write(to: teiURL)
        let epubcheck = try Validators.epubcheck(epubURL)
        #expect(epubcheck.passed, "\(epubcheck.output)")
        let jing = try Validators.jing([teiURL])
        #expect(jing.passed, "\(jing.output)")
    }

    @Test("a bad structure section names file, line and key; its rules are left out, the other keys apply, the proof shows the warnings")
    func badSidecarFallsBack() throws {
        let yaml = """
        title: Applied Anyway
        structure:
          headings:
            - {match: "^(Chapter", level: 2}
            - {line: 999999, level: 1}
          colour: red
        """
        guard let plain = try corpusSource(sidecar: nil), let bad = try corpusSource(sidecar: Array(yaml.utf8)) else { return }
        let reference = try Converter().read(plain)
        let result = try Converter().convert(bad, formats: [.epub, .proof])
        let warnings = result.document.diagnostics.filter { $0.code == "sidecar.invalid" }
        #expect(warnings.allSatisfy { $0.severity == .warning })
        let errors = warnings.map(\.message)
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("\(Self.stem).meta.yaml: line 4, key 'structure.headings[1].match': bad regular expression") })
        #expect(errors.contains { $0.contains("line 5, key 'structure.headings[2].line': must be a whole number from 1 to 2297") })
        #expect(errors.contains { $0.contains("line 6, key 'structure.colour': unknown key") })
        #expect(result.document.metadata.title == "Applied Anyway")
        #expect(outline(result.document) == outline(reference))
        let proof = String(decoding: result.outputs[1].bytes, as: UTF8.self)
        #expect(proof.contains("warning sidecar.invalid: \(Self.stem).meta.yaml: line 4"))
    }
}
