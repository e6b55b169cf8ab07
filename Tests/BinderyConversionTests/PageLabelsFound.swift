import BinderyArchive
import BinderyModel
import BinderyTestSupport
import BinderyWriters
import Foundation
import Testing

/// The page labels each output of one converted document carries: the EPUB page list, the TEI `pb`s (`n`, or
/// `inferred`), the bag's `metadata.json` pages and page files, and the EPUB's accessibility summary.
struct PageLabelsFound {
    var pageList: [String] = []
    var teiBreaks: [String] = []
    var bagLabels: [(label: String, source: String, file: String)] = []
    /// The bag's page files, `data/pages/…` as `metadata.json` names them.
    var bagFiles: Set<String> = []
    var summary = ""

    init(directory: URL, stem: String) throws {
        let epub = try ZipArchiveReader([UInt8](Data(contentsOf: directory.appendingPathComponent(stem + ".epub"))))
        let nav = String(decoding: epub["EPUB/nav.xhtml"]?.bytes ?? [], as: UTF8.self)
        if let list = nav.range(of: "epub:type=\"page-list\"") {
            pageList = nav[list.upperBound...].components(separatedBy: "</ol>")[0].components(separatedBy: "</a>").dropLast()
                .map { String($0[($0.range(of: ">", options: .backwards)?.upperBound ?? $0.startIndex)...]) }
        }
        let opf = String(decoding: epub["EPUB/content.opf"]?.bytes ?? [], as: UTF8.self)
        summary = opf.components(separatedBy: "accessibilitySummary\">").dropFirst().first?.components(separatedBy: "<")[0] ?? ""
        let tei = try String(contentsOf: directory.appendingPathComponent(stem + ".tei.xml"), encoding: .utf8)
        teiBreaks = tei.components(separatedBy: "<pb ").dropFirst().map { element in
            let attributes = element.components(separatedBy: "/>")[0]
            if let n = attributes.components(separatedBy: "n=\"").dropFirst().first { return n.components(separatedBy: "\"")[0] }
            return attributes.contains("type=\"inferred\"") ? "inferred" : "?"
        }
        let bag = try ZipArchiveReader([UInt8](Data(contentsOf: directory.appendingPathComponent(stem + ".bag.zip"))))
        let metadata = try JSONSerialization.jsonObject(with: Data(bag["\(stem)/data/metadata.json"]?.bytes ?? [])) as? [String: Any] ?? [:]
        bagLabels = (metadata["pages"] as? [[String: String]] ?? []).map { ($0["label"] ?? "", $0["labelSource"] ?? "", $0["file"] ?? "") }
        bagFiles = Set(bag.entries.map(\.path).filter { $0.hasPrefix("\(stem)/data/pages/") }.map { String($0.dropFirst(stem.count + 1)) })
    }

    /// Every output agrees with the document's `PageNumbering`, and the summary claims printed numbers only when all are.
    func check(_ document: Document, stem: String) {
        let numbering = PageNumbering(document: document)
        let labels = numbering.pages.map(\.label)
        #expect(pageList == labels, "\(stem): EPUB page list \(pageList.prefix(5)) against \(labels.prefix(5))")
        #expect(bagLabels.map(\.label) == labels, "\(stem): bag labels")
        #expect(bagLabels.map(\.source) == numbering.pages.map { $0.printed ? "printed" : "inferred" }, "\(stem): bag label sources")
        #expect(Set(bagLabels.map(\.file)) == bagFiles, "\(stem): metadata.json names every page file")
        #expect(teiBreaks == numbering.breakPages.map { $0.printed ? $0.label : "inferred" }, "\(stem): TEI pbs")
        #expect(teiBreaks.count == document.pageBreaks.count, "\(stem): one pb per page break")
        if labels.isEmpty {
            #expect(!summary.contains("page"), "\(stem): \(summary)")
        } else if numbering.printedCount < labels.count {
            #expect(!summary.contains("printed numbers.") && summary.contains("\(labels.count) pages"), "\(stem): \(summary)")
        } else {
            #expect(summary.contains("their printed numbers."), "\(stem): \(summary)")
        }
    }
}
