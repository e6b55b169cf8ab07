import BinderyProtocol
import BinderyTestSupport
import Foundation
import Testing
@testable import BinderyService
#if canImport(Glibc)
import Glibc
#endif

extension Reliability {
    /// Issue 19, item 10: a user the control socket does not allow (its peer credentials) is told
    /// "permission denied" by `bindery status`, not "Broken pipe": the daemon writes its refusal and
    /// closes before the request is sent, and the client reads that refusal when its send fails.
    @Suite("Refused clients") struct RefusedClients {
        /// Only root can become another user (CI runs the tests as root).
        @Test(.enabled(if: getuid() == 0)) func aStrangerIsToldPermissionDenied() async throws {
            guard let setpriv = Validators.which("setpriv") else {
                throw ToolMissing(description: "setpriv (util-linux) is needed to run a client as another user")
            }
            let daemon = try DaemonProcess()
            defer { daemon.tearDown() }
            try daemon.write(ReliabilityKit.document("kept"), to: "keep.txt")
            try daemon.start(try ReliabilityKit.configure(daemon))
            #expect(await ReliabilityKit.caughtUp(daemon), "\(daemon.log)")
            // Let the other user reach the socket at all, so that the credential check is what refuses it.
            let socket = ReliabilityKit.socket(daemon)
            for path in [daemon.directory.url.path, daemon.state.path] { chmod(path, 0o755) }
            chmod(socket, 0o666)
            let binary = try BinderyBinary.locate()
            // Several times: which of the refusal and the request comes first is a race.
            for _ in 0..<10 {
                let result = try Validators.run(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "status", "--socket", socket])
                #expect(result.status == 1, "\(result.output)")
                #expect(result.output.contains("status: permission denied: this user may not control the daemon"), "\(result.output)")
                #expect(!result.output.contains("Broken pipe"), "\(result.output)")
            }
            #expect(try ControlClient(socketPath: socket).call("status").result != nil)
            #expect(daemon.stop() == 0)
        }
    }
}
