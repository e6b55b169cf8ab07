import BinderyProtocol
import Foundation
import Testing
@testable import BinderyService

extension Reliability {
    /// #22: PDF sources in the corpus beside plain text, through a real daemon.
    @Suite("PDF sources") struct PDFSources {
        /// Replaces `path` in the corpus with `bytes` in one rename, as an editor's save does.
        private static func replace(_ path: String, with bytes: Data, in daemon: DaemonProcess) throws {
            try bytes.write(to: daemon.corpus.appendingPathComponent(path), options: .atomic)
        }

        private static func failedJobs(_ path: String, _ daemon: DaemonProcess) -> Int {
            daemon.store()?.jobs.filter { $0.path == path && $0.outcome == .failed }.count ?? 0
        }

        @Test func aBookIsPublishedAScanAndATruncatedFileAreRecordedFailures() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("kept"), to: "keep.txt")
            try Self.replace("book.pdf", with: try PDFFixtures.bookBytes(), in: daemon)
            try daemon.start(try ReliabilityKit.configure(daemon))
            #expect(await ReliabilityKit.caughtUp(daemon, timeout: 180), "\(daemon.log.suffix(4000))")
            #expect(try ReliabilityKit.audit(daemon, sources: ["keep.txt", "book.pdf"]) == [])
            let first = daemon.outputs()
            #expect(first.keys.contains("book.epub") && first.keys.contains("book.tei.xml") && first.keys.contains("book.bag.zip"))

            // The PDF's sidecar re-queues it: its outputs become those of the PDF with the sidecar.
            try daemon.write("title: A Title From The Sidecar\n", to: "book.meta.yaml")
            #expect(await eventually(timeout: 180) { daemon.store()?.published("book.pdf") == 2 }, "\(daemon.log.suffix(4000))")
            #expect(try ReliabilityKit.audit(daemon, sources: ["keep.txt", "book.pdf"]) == [])
            let good = daemon.outputs()
            #expect(good["book.epub"] != first["book.epub"], "the sidecar did not reach the EPUB")

            // Cut short: a recorded failure; the outputs of the whole book stay.
            try Self.replace("book.pdf", with: try PDFFixtures.truncated(), in: daemon)
            #expect(await eventually(timeout: 60) { daemon.store()?.document("book.pdf")?.state == .failed }, "\(daemon.log.suffix(4000))")
            let truncated = daemon.store()?.document("book.pdf")
            #expect(truncated?.error?.contains("[job.conversion]") == true, "\(String(describing: truncated))")
            #expect(daemon.outputs() == good, "a truncated PDF changed the outputs")

            // No text layer, in a new file and over the book: a failure saying to OCR it; still the book's outputs.
            try Self.replace("scan.pdf", with: PDFFixtures.emptyPage(), in: daemon)
            try Self.replace("book.pdf", with: PDFFixtures.emptyPage(), in: daemon)
            #expect(await eventually(timeout: 60) {
                ["scan.pdf", "book.pdf"].allSatisfy { daemon.store()?.document($0)?.error?.contains("no text layer") == true }
            }, "\(daemon.log.suffix(4000))")
            for path in ["scan.pdf", "book.pdf"] {
                let document = daemon.store()?.document(path)
                #expect(document?.state == .failed && document?.error?.contains("OCR it first") == true, "\(String(describing: document))")
            }
            #expect(daemon.outputs() == good, "a PDF with no text layer changed the outputs")

            // The daemon goes on: the control socket takes a PDF path, and a later document is published.
            let client = try ControlClient(socketPath: ReliabilityKit.socket(daemon))
            #expect(try client.call("submit", .object(["path": .string("scan.pdf")])).result?["path"]?.stringValue == "scan.pdf")
            let refused = try client.call("submit", .object(["path": .string("book.epub")])).error
            #expect(refused?.code == -32003 && refused?.message.contains("*.pdf") == true, "\(String(describing: refused))")
            try daemon.write(ReliabilityKit.document("dropped last"), to: "after.txt")
            #expect(await eventually(timeout: 60) { daemon.store()?.document("after.txt")?.state == .published }, "\(daemon.log.suffix(4000))")
            #expect(daemon.isRunning)
            #expect(daemon.stop() == 0)
        }

        /// With `prune`, the text's deletion must not take away the outputs its namesake now publishes, whichever
        /// of the two the daemon handles first.
        @Test func aPDFReplacingItsTextKeepsTheOutputsItPublishes() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            let text = "book.txt", pdf = "book.pdf"
            try daemon.write(ReliabilityKit.document("the text"), to: text)
            try daemon.start(try ReliabilityKit.configure(daemon, "publish:\n  prune: true\n"))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log.suffix(4000))")
            #expect(daemon.outputs().keys.contains("book.epub"))

            try Self.replace(pdf, with: try PDFFixtures.bookBytes(), in: daemon)
            try FileManager.default.removeItem(at: daemon.corpus.appendingPathComponent(text))
            #expect(await eventually(timeout: 60) {
                daemon.store()?.document(text)?.state == .deleted && daemon.store()?.document(pdf)?.state == .published
            }, "\(daemon.log.suffix(4000))")
            // Whatever is still queued or running settles; the PDF's outputs stay published and sound.
            #expect(await eventually(timeout: 30) {
                let status = try? ControlClient(socketPath: ReliabilityKit.socket(daemon)).call("status").result
                return status?["queued"] == .number(0) && status?["running"] == .number(0)
            })
            #expect(daemon.outputs().keys.contains("book.epub"), "\(daemon.outputs().keys.sorted())")
            #expect(try ReliabilityKit.audit(daemon, sources: [pdf]) == [])
            #expect(daemon.stop() == 0)
        }

        @Test func aTextAndAPDFOfOneNameBothFailUntilOneIsGone() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            let text = "sub/book.txt", pdf = "sub/book.pdf"
            try daemon.write(ReliabilityKit.document("the text"), to: text)
            let arguments = try ReliabilityKit.configure(daemon)
            try daemon.start(arguments)
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log.suffix(4000))")
            let published = daemon.outputs()
            #expect(published.keys.contains("sub/book.epub"))

            // The PDF arrives: both fail, naming both files; the text's outputs stay as they were.
            try Self.replace(pdf, with: try PDFFixtures.bookBytes(), in: daemon)
            #expect(await eventually(timeout: 60) {
                [text, pdf].allSatisfy { daemon.store()?.document($0)?.error?.contains("[job.name-clash]") == true }
            }, "\(daemon.log.suffix(4000))")
            for path in [text, pdf] {
                let document = daemon.store()?.document(path)
                #expect(document?.state == .failed, "\(String(describing: document))")
                let error = document?.error ?? ""
                #expect(error.contains("sub/book.txt and sub/book.pdf") && error.contains("sub/book.epub") && error.contains("rename one"), "\(error)")
            }
            #expect(daemon.outputs() == published, "the clash changed the outputs")

            // The shared sidecar re-queues both: each fails again, and nothing is published.
            let before = (Self.failedJobs(text, daemon), Self.failedJobs(pdf, daemon))
            try daemon.write("title: Shared\n", to: "sub/book.meta.yaml")
            #expect(await eventually(timeout: 60) { Self.failedJobs(text, daemon) > before.0 && Self.failedJobs(pdf, daemon) > before.1 },
                    "\(daemon.log.suffix(4000))")
            #expect(daemon.outputs() == published, "a sidecar change published through the clash")

            // A restart finds the same clash: recorded once, not once more per start.
            #expect(daemon.stop() == 0)
            let recorded = (Self.failedJobs(text, daemon), Self.failedJobs(pdf, daemon))
            try daemon.start(arguments)
            #expect(await ReliabilityKit.caughtUp(daemon, starts: 2), "\(daemon.log.suffix(4000))")
            #expect(Self.failedJobs(text, daemon) == recorded.0 && Self.failedJobs(pdf, daemon) == recorded.1)
            #expect(daemon.store()?.document(text)?.state == .failed && daemon.store()?.document(pdf)?.state == .failed)

            // The PDF goes: the text is converted again (with the sidecar) and the PDF is recorded deleted.
            try FileManager.default.removeItem(at: daemon.corpus.appendingPathComponent(pdf))
            #expect(await eventually(timeout: 60) { daemon.store()?.published(text) == 2 }, "\(daemon.log.suffix(4000))")
            #expect(daemon.store()?.document(pdf)?.state == .deleted)
            #expect(try ReliabilityKit.audit(daemon, sources: [text]) == [])
            #expect(daemon.stop() == 0)
        }
    }
}
