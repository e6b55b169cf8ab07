import Foundation
import Testing

extension Reliability {
    /// Large sources (over `queue.large_source_bytes`) never take every worker: a small edit is published
    /// while they convert (issue 19, item 7: two 50 MB sources delayed small edits by 59 s); and the
    /// memory a large job used is given back once it ends (the idle daemon stayed at 1.0–1.5 GB).
    @Suite("Large sources") struct LargeSources {
        /// The order in which the daemon logged `job.published` for each of `paths`.
        private func publishOrder(_ daemon: DaemonProcess, _ paths: [String]) -> [String] {
            daemon.logLines("job.published").compactMap { line in paths.first { line.contains("path=\($0) ") } }
        }

        @Test func aSmallEditIsPublishedWhileTwoLargeSourcesConvert() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            // Two copies of the largest book (2.7 MB each, about 3 s to convert in a debug build) over a 1 MB threshold.
            let book = try ReliabilityKit.largeBook()
            try daemon.start(try ReliabilityKit.configure(daemon, "  early_start: false\nqueue:\n  parallelism: 2\n  large_source_bytes: 1000000\n"))
            try #require(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            try daemon.write(book + book, to: "large1.txt")
            try daemon.write(book + "\n" + book, to: "large2.txt")
            try #require(await eventually(timeout: 30) { ReliabilityKit.runningJobs(daemon).contains("large1.txt") })
            try daemon.write(ReliabilityKit.document("small"), to: "small.txt")
            let all = ["large1.txt", "large2.txt", "small.txt"]
            #expect(await eventually(timeout: 120) { publishOrder(daemon, all).count == 3 }, "\(daemon.log.suffix(2000))")
            #expect(publishOrder(daemon, all).first == "small.txt", "the small edit waited for a large source: \(publishOrder(daemon, all))")
            #expect(try ReliabilityKit.audit(daemon, sources: all) == [])
            #expect(daemon.stop() == 0)
        }

        @Test func theMemoryOfALargeJobIsGivenBack() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.start(try ReliabilityKit.configure(daemon, "queue:\n  large_source_bytes: 1000000\n"))
            try #require(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            let idle = residentKiB(daemon)
            // Six copies of the largest book: 8 MB, a peak of about 240 MB in a debug build (idle: 40 MB).
            let book = try ReliabilityKit.largeBook()
            try daemon.write(String(repeating: book + "\n", count: 6), to: "large.txt")
            try #require(await eventually(timeout: 120) { daemon.logLines("job.published").count == 1 }, "\(daemon.log.suffix(2000))")
            #expect(daemon.logLines("job.published").first?.contains("convertedEarly=false") == true, "a large source is not converted early")
            let peak = ReliabilityKit.peakMemoryKiB(daemon)
            // Without malloc_trim the daemon kept about 65% of what the job added; with it, 15-30%.
            let kept = await eventually(timeout: 10) { Double(residentKiB(daemon) - idle) < 0.5 * Double(peak - idle) }
            #expect(kept, "idle \(idle) KiB, peak \(peak) KiB, now \(residentKiB(daemon)) KiB")
            #expect(daemon.stop() == 0)
        }

        /// The daemon's resident memory now, in KiB.
        private func residentKiB(_ daemon: DaemonProcess) -> Int {
            let status = (try? String(contentsOfFile: "/proc/\(daemon.pid)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            return Int(line.filter(\.isNumber)) ?? 0
        }
    }
}
