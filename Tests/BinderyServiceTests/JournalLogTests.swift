import BinderyTestSupport
import Foundation
import Testing

/// Under systemd, stderr is the journal's stream and `JOURNAL_STREAM` names it: each line then carries its
/// sd-daemon priority (`<3>` error … `<7>` debug) and no timestamp of its own, so `journalctl -p warning`
/// shows a failed job. Elsewhere the lines keep their timestamp.
@Suite("Logs for the journal")
struct JournalLogTests {
    @Test("with JOURNAL_STREAM naming stderr: priorities, no timestamps; naming another file: timestamps", arguments: [true, false])
    func priorities(namesStderr: Bool) async throws {
        let daemon = try DaemonProcess()
        defer { daemon.tearDown() }
        try daemon.write("A Title\n\nSome text.\n", to: "good.txt")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7919 % 251) }).write(to: daemon.corpus.appendingPathComponent("junk.txt"))
        let other = daemon.directory.path("elsewhere")
        _ = FileManager.default.createFile(atPath: other.path, contents: nil)
        var status = stat()
        #expect(stat((namesStderr ? daemon.logFile : other).path, &status) == 0)
        try daemon.start(environment: ["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino)"])
        #expect(await eventually(timeout: 60) { daemon.log.contains("job.failed") && daemon.store()?.published("good.txt") == 1 }, "\(daemon.log)")
        let lines = daemon.log.split(separator: "\n").map(String.init)
        let failed = try #require(lines.first { $0.contains("job.failed") })
        if namesStderr {
            #expect(failed.hasPrefix("<3>error job.failed "), "\(failed)")
            #expect(lines.contains { $0.hasPrefix("<6>info job.published ") }, "\(daemon.log)")
            #expect(lines.allSatisfy { $0.hasPrefix("<") }, "\(daemon.log)")
        } else {
            #expect(failed.contains(" error job.failed "), "\(failed)")
            #expect(failed.first?.isNumber == true, "a timestamp first: \(failed)")
        }
        #expect(daemon.stop() == 0)
    }
}
