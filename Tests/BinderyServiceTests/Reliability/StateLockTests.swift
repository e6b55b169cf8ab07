import BinderyProtocol
import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// Issue #19: the state directory's lock survives the deletion of `bindery.lock`, and the control
    /// socket is removed only by the daemon that bound it.
    @Suite("State lock") struct StateLock {
        @Test func aDeletedLockFileLetsNoSecondDaemonIn() async throws {
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("locked"), to: "locked.txt")
            try daemon.start()
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            let socket = ReliabilityKit.socket(daemon)
            var before = stat()
            #expect(lstat(socket, &before) == 0)

            try FileManager.default.removeItem(at: daemon.state.appendingPathComponent(StateDirectoryLock.fileName))
            let binary = try BinderyBinary.locate()
            let started = Date()
            let second = try Validators.run(binary, ["serve", "--corpus", daemon.corpus.path, "--out", daemon.out.path, "--state", daemon.state.path])
            #expect(second.status != 0)
            #expect(second.output.contains("another bindery daemon") && second.output.contains(daemon.state.path), "\(second.output)")
            #expect(Date().timeIntervalSince(started) < 30)

            // The first keeps its socket (the same file) and keeps working.
            var after = stat()
            #expect(lstat(socket, &after) == 0 && after.st_ino == before.st_ino)
            #expect(try ControlClient(socketPath: socket).call("status").result != nil)
            try daemon.write(ReliabilityKit.document("locked, edited"), to: "locked.txt")
            #expect(await eventually(timeout: 60) { daemon.store()?.published("locked.txt") == 2 }, "\(daemon.log)")
            #expect(daemon.stop() == 0)
            #expect(!FileManager.default.fileExists(atPath: socket))
        }

        @Test func aLiveSocketIsNeitherReplacedNorRemovedByAnotherServer() throws {
            let directory = try PackagePaths.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("control.sock").path
            let reply: ControlServer.Handler = { _ in .result(JSONValue.object([:])) }
            let first = ControlServer(settings: .init(socketPath: path), handler: reply)
            try first.start()
            defer { first.stop() }
            let second = ControlServer(settings: .init(socketPath: path), handler: reply)
            #expect(throws: ControlSocketError.self) { try second.start() }
            second.stop()
            #expect(try ControlClient(socketPath: path).call("status").result != nil)

            // A socket file removed by hand and bound again by another server is not the first's to remove.
            unlink(path)
            let third = ControlServer(settings: .init(socketPath: path), handler: reply)
            try third.start()
            defer { third.stop() }
            first.stop()
            #expect(try ControlClient(socketPath: path).call("status").result != nil)
        }
    }
}
