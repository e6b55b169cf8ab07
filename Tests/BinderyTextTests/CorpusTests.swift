import BinderyModel
@testable import BinderyText
import Foundation
import Testing

/// The corpus score as a test: the thresholds of issue 3 on `../shared/corpus` against `../shared/truth`.
@Suite("Corpus score")
struct CorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("../shared/corpus").standardizedFileURL
    static let truth = root.appendingPathComponent("../shared/truth").standardizedFileURL

    static func scores() throws -> [CorpusScore]? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        guard !names.isEmpty else { return nil }
        return try names.map { name in
            let stem = String(name.dropLast(4))
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(name)))
            let document = try TextReader().read(bytes)
            let truthData = try Data(contentsOf: truth.appendingPathComponent(stem + ".json"))
            let truthJSON = try JSONSerialization.jsonObject(with: truthData) as? [String: Any] ?? [:]
            return CorpusScore(name: stem, document: document, truth: truthJSON)
        }
    }

    @Test func corpusMeetsTheTargets() throws {
        guard let scores = try Self.scores() else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("corpus missing at \(Self.corpus.path)") }
            return
        }
        let verbose = ProcessInfo.processInfo.environment["CORPUS_DETAIL"] != nil
        for score in scores {
            print(score)
            if verbose {
                for miss in score.misses { print("   miss  \(miss)") }
                for extra in score.extras { print("   extra \(extra)") }
                for wrong in score.wrongLevels { print("   level \(wrong)") }
                for lower in score.lowerExamples { print("   lower \(lower)") }
            }
        }
        let withHeadings = scores.filter { $0.trueHeadings > 0 }
        let meanRecall = withHeadings.map(\.recall).reduce(0, +) / Double(max(1, withHeadings.count))
        let hits = scores.map(\.hits).reduce(0, +), trueHeadings = scores.map(\.trueHeadings).reduce(0, +)
        let entries = scores.map(\.entries).reduce(0, +), precise = scores.map(\.precise).reduce(0, +)
        let levelAgree = scores.map(\.levelAgree).reduce(0, +)
        let notes = scores.map(\.linkedNotes).reduce(0, +), trueNotes = scores.map(\.trueNotes).reduce(0, +)
        let lower = scores.map(\.lowerStart).reduce(0, +), digits = scores.map(\.digitParagraphs).reduce(0, +)
        let soft = scores.map(\.softHyphens).reduce(0, +)
        let recall = Double(hits) / Double(max(1, trueHeadings)), precision = Double(precise) / Double(max(1, entries))
        let levels = Double(levelAgree) / Double(max(1, hits)), linked = Double(notes) / Double(max(1, trueNotes))
        print(String(format: "corpus: recall %.3f (mean %.3f) precision %.3f levels %.3f notes %d/%d (%.3f) lower %d digit %d ¬ %d",
                     recall, meanRecall, precision, levels, notes, trueNotes, linked, lower, digits, soft))
        #expect(recall >= 0.95 && meanRecall >= 0.95, "heading recall")
        #expect(precision >= 0.95, "heading precision")
        #expect(levels >= 0.90, "heading levels")
        #expect(linked >= 0.90, "notes linked")
        #expect(lower <= 15, "paragraphs starting in lowercase")
        #expect(digits == 0, "paragraphs that are only a number")
        #expect(soft == 0, "soft hyphens left")
    }
}
