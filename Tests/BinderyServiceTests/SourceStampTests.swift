import BinderyArchive
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

/// A start-up job that finds its source's recorded stamp unchanged skips reading it; anything that could
/// have changed what the job would make (bytes, sidecar, settings, outputs) makes it read again, and so
/// does every job a file event or a request queued.
@Suite struct SourceStampTests {
    private let text = PipelineFixture.shortBook

    @Test func anUnchangedSourceIsUpToDateByItsStampUntilAnOutputGoes() throws {
        let fixture = try PipelineFixture(stampTrustMargin: 0)
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        #expect(fixture.run("book.txt") == .done)
        #expect(try fixture.store.document("book.txt")?.sourceStamp != nil)
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 1)
        #expect(try fixture.store.jobCount() == 1)

        try FileManager.default.removeItem(at: fixture.directory.path("out/book.epub"))
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 1, "a missing output is not up to date")
        #expect(try fixture.store.jobCount() == 2)
        #expect(fixture.outputs().contains("book.epub"))
    }

    @Test func aRewriteOfTheSameSizeWithItsTimeSetBackIsConverted() async throws {
        let fixture = try PipelineFixture(stampTrustMargin: 0)
        defer { fixture.directory.remove() }
        let source = fixture.directory.path("corpus/book.txt")
        try fixture.directory.write(text, to: "corpus/book.txt")
        #expect(fixture.run("book.txt") == .done)
        let original = try #require(FileStamp(path: source.path))
        #expect(await clockHasMoved(past: original, probe: fixture.directory.path("probe")))

        try fixture.directory.write(text.replacingOccurrences(of: "first", with: "FIRST"), to: "corpus/book.txt")
        let modified = timespec(tv_sec: original.modifiedNanoseconds / 1_000_000_000, tv_nsec: original.modifiedNanoseconds % 1_000_000_000)
        var times = [modified, modified]
        #expect(utimensat(AT_FDCWD, source.path, &times, 0) == 0)
        let rewritten = try #require(FileStamp(path: source.path))
        #expect(rewritten.size == original.size && rewritten.modifiedNanoseconds == original.modifiedNanoseconds)

        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 0)
        #expect(try fixture.store.jobCount() == 2)
        let tei = try String(contentsOf: fixture.directory.path("out/book.tei.xml"), encoding: .utf8)
        #expect(tei.contains("Some prose in a FIRST paragraph."))
    }

    @Test func aSidecarAddedLaterAndNewSettingsAreBothSeen() throws {
        let fixture = try PipelineFixture(stampTrustMargin: 0)
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        #expect(fixture.run("book.txt") == .done)
        try fixture.directory.write("title: From The Sidecar\n", to: "corpus/book.meta.yaml")
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(try fixture.store.jobCount() == 2)
        #expect(try String(contentsOf: fixture.directory.path("out/book.tei.xml"), encoding: .utf8).contains("From The Sidecar"))

        var configuration = DaemonConfiguration(paths: .init(
            corpus: fixture.directory.path("corpus"), out: fixture.directory.path("out"),
            state: fixture.directory.path("state"), runtime: fixture.directory.path("state")))
        configuration.writer.publisher = "Another Press"
        fixture.pipeline.settings = try PipelineSettings(configuration)
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(try fixture.store.jobCount() == 3)
        #expect(fixture.pipeline.readsSkipped == 0)
        #expect(try String(contentsOf: fixture.directory.path("out/book.tei.xml"), encoding: .utf8).contains("Another Press"))
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 1)
    }

    /// A cover the sidecar names, changed alone: its stamp is the document's too, so a start-up job converts again,
    /// and its bytes are in the job key, so any job that reads the source does (a rescan's, one for a change to the
    /// source or sidecar); the cover is read from the corpus without links.
    @Test func aCoverChangedAloneIsSeen() throws {
        let fixture = try PipelineFixture(stampTrustMargin: 0)
        defer { fixture.directory.remove() }
        /// A one-pixel GIF of one grey.
        func cover(_ grey: UInt8) -> [UInt8] {
            Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0, grey, grey, grey, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B]
        }
        func write(_ bytes: [UInt8], to path: String) throws {
            try FileManager.default.createDirectory(at: fixture.directory.path(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: fixture.directory.path(path))
        }
        func publishedCover() throws -> [UInt8]? {
            let epub = try ZipArchiveReader(Array(Data(contentsOf: fixture.directory.path("out/book.epub"))))
            return epub["EPUB/images/cover.gif"]?.bytes
        }
        try fixture.directory.write(text, to: "corpus/book.txt")
        try fixture.directory.write("cover-image: images/cover.gif\n", to: "corpus/book.meta.yaml")
        try write(cover(0x20), to: "corpus/images/cover.gif")
        #expect(fixture.run("book.txt") == .done)
        #expect(try publishedCover() == cover(0x20))
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 1)

        try write(cover(0x40), to: "corpus/images/cover.gif")
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 1, "the cover's stamp changed")
        #expect(try publishedCover() == cover(0x40))
        #expect(try fixture.store.jobCount() == 2)

        try write(cover(0x60), to: "corpus/images/cover.gif")
        #expect(fixture.run("book.txt", trigger: .event) == .done)
        #expect(try publishedCover() == cover(0x60))

        // A link in the corpus is not followed, to a cover or to a folder: the generated cover comes back.
        try FileManager.default.removeItem(at: fixture.directory.path("corpus/images/cover.gif"))
        try write(cover(0x80), to: "elsewhere/cover.gif")
        try FileManager.default.createSymbolicLink(at: fixture.directory.path("corpus/images/cover.gif"), withDestinationURL: fixture.directory.path("elsewhere/cover.gif"))
        #expect(fixture.run("book.txt", trigger: .event) == .done)
        #expect(try publishedCover() == nil)
        try fixture.directory.write("cover-image: linked/cover.gif\n", to: "corpus/book.meta.yaml")
        try FileManager.default.createSymbolicLink(at: fixture.directory.path("corpus/linked"), withDestinationURL: fixture.directory.path("elsewhere"))
        #expect(fixture.run("book.txt", trigger: .event) == .done)
        #expect(try publishedCover() == nil)
    }

    @Test func jobsOfFileEventsAndRequestsReadTheSourceWhateverItsStamp() throws {
        let fixture = try PipelineFixture(stampTrustMargin: 0)
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        #expect(fixture.run("book.txt") == .done)
        #expect(fixture.run("book.txt", trigger: .event) == .done)
        #expect(fixture.run("book.txt", trigger: .request) == .done)
        #expect(fixture.pipeline.readsSkipped == 0)
        #expect(try fixture.store.jobCount() == 1, "read, hashed and found up to date")
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 1)
    }

    @Test func aDocumentThatFailedForGoodIsSkippedByItsStampToo() throws {
        let fixture = try PipelineFixture(stampTrustMargin: 0)
        defer { fixture.directory.remove() }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).write(to: fixture.directory.path("corpus/image.txt"))
        #expect(fixture.run("image.txt") == .done)
        let document = try #require(try fixture.store.document("image.txt"))
        #expect(document.state == .failed && document.sourceStamp != nil)
        #expect(fixture.run("image.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 1)
        #expect(try fixture.store.jobCount() == 1)
    }

    @Test func aSourceChangedJustBeforeItsJobIsNotStampedButStillSkippedByItsHash() throws {
        let fixture = try PipelineFixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write(text, to: "corpus/book.txt")
        #expect(fixture.run("book.txt") == .done)
        #expect(try fixture.store.document("book.txt")?.sourceStamp == nil)
        #expect(fixture.run("book.txt", trigger: .startup) == .done)
        #expect(fixture.pipeline.readsSkipped == 0)
        #expect(try fixture.store.jobCount() == 1)
    }

    @Test func onlyStampsOlderThanTheMarginAreTrusted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("x", to: "a.txt")
        try directory.write("y", to: "a.meta.yaml")
        let source = try #require(FileStamp(path: directory.path("a.txt").path))
        let sidecar = try #require(FileStamp(path: directory.path("a.meta.yaml").path))
        let changed = Date(timeIntervalSince1970: Double(max(source.changedNanoseconds, sidecar.changedNanoseconds)) / 1e9)
        #expect(SourceStamp.trusted(source: source, sidecar: sidecar, checkedAt: changed.addingTimeInterval(1), margin: 2) == nil)
        let text = SourceStamp.trusted(source: source, sidecar: sidecar, checkedAt: changed.addingTimeInterval(3), margin: 2)
        #expect(text == SourceStamp.text(source: source, sidecar: sidecar))
        #expect(SourceStamp.text(source: source, sidecar: nil) != text, "a sidecar's coming or going changes the stamp")
    }

    /// Waits until a file written now gets a later change time than `stamp` (the kernel's file clock
    /// ticks every few milliseconds), so that a rewrite is told apart by its ctime.
    private func clockHasMoved(past stamp: FileStamp, probe: URL) async -> Bool {
        await eventually(timeout: 10) {
            try? Data("probe".utf8).write(to: probe)
            return (FileStamp(path: probe.path)?.changedNanoseconds ?? 0) > stamp.changedNanoseconds
        }
    }
}
