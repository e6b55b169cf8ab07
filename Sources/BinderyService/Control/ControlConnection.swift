import BinderyProtocol
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One client of the control socket. Its socket, buffers and timers live on the server's queue; its
/// requests are handled one at a time, in order, on the server's shared `requests` queue, so a slow
/// request holds up its own client only. While one is handled (or the client is over its request rate)
/// nothing more is read: what a client pipelines waits in its socket, not in the daemon.
final class ControlConnection {
    /// A reply encoded as its line, carried from the request queue back to the server's queue.
    struct Answer: Sendable {
        var line: [UInt8]
        var subscribes: Bool
    }

    private let descriptor: Int32
    private let queue: DispatchQueue
    private let requests: DispatchQueue
    private let settings: ControlServer.Settings
    private let handler: ControlServer.Handler
    /// Hands an answer back to this connection on the server's queue (through the server, by id).
    private let deliver: @Sendable (Answer) -> Void
    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var idleTimer: DispatchSourceTimer?
    private var rateTimer: DispatchSourceTimer?
    private var input = LineBuffer()
    private var output: [UInt8] = []
    private var rate: RequestRate
    private var readSuspended = false
    private var writeSuspended = true
    /// A request is being handled, or the next one waits for the request rate.
    private var busy = false
    private var closing = false
    private var closed = false
    private(set) var isSubscriber = false
    var onClose: (() -> Void)?

    init(
        descriptor: Int32, queue: DispatchQueue, requests: DispatchQueue, settings: ControlServer.Settings,
        handler: @escaping ControlServer.Handler, deliver: @escaping @Sendable (Answer) -> Void
    ) {
        self.descriptor = descriptor
        self.queue = queue
        self.requests = requests
        self.settings = settings
        self.handler = handler
        self.deliver = deliver
        rate = RequestRate(perSecond: settings.maximumRequestRate)
    }

    func start() {
        let read = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        read.setEventHandler { [weak self] in self?.readAvailable() }
        // libdispatch wants the descriptor closed only after every source on it is cancelled.
        let closer = DescriptorCloser(descriptor: descriptor, sources: 2)
        read.setCancelHandler { closer.sourceCancelled() }
        readSource = read
        let write = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue)
        write.setEventHandler { [weak self] in self?.flush() }
        write.setCancelHandler { closer.sourceCancelled() }
        writeSource = write
        read.resume()
        resetIdleTimer()
    }

    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 16384)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { return close() }
        if count < 0 {
            if errno == EAGAIN || errno == EINTR { return }
            return close()
        }
        input.append(buffer[0..<count])
        serveLines()
    }

    /// Answers the lines received, in order, until one goes to the request queue or waits for the rate;
    /// reading pauses meanwhile. Only a whole request restarts the idle timer (a trickle keeps no slot).
    private func serveLines() {
        var answered = false
        while !busy, !closed, !closing, let line = input.nextLine() {
            let trimmed = line.last == 0x0D ? Array(line.dropLast()) : line
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            answered = true
            switch ControlCodec.decodeRequest(trimmed) {
            case .failure(let error):
                send(ControlCodec.encode(.failure(nil, error)))
            case .success(let request):
                busy = true
                idleTimer?.cancel()
                idleTimer = nil
                if let delay = rate.wait() {
                    waitForRate(delay, request)
                } else {
                    handle(request)
                }
            }
        }
        if busy { return suspendReading() }
        if answered { resetIdleTimer() }
        if !closed, !closing, input.pendingCount >= ControlProtocol.maximumLineBytes {
            send(ControlCodec.encode(.failure(nil, .tooLarge())))
            input.removeAll()
            return closeAfterFlush()
        }
        resumeReading()
    }

    /// Runs the handler off the server's queue; its answer comes back through `deliver`.
    private func handle(_ request: ControlRequest) {
        let handler = self.handler
        let deliver = self.deliver
        requests.async {
            switch handler(request) {
            case .result(let value): deliver(Answer(line: ControlCodec.encodeResult(request.id, value), subscribes: false))
            case .error(let error): deliver(Answer(line: ControlCodec.encode(.failure(request.id, error)), subscribes: false))
            case .subscribe(let value): deliver(Answer(line: ControlCodec.encodeResult(request.id, value), subscribes: true))
            }
        }
    }

    private func waitForRate(_ delay: Double, _ request: ControlRequest) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + delay)
        timer.setEventHandler { [weak self] in
            guard let self, !closed else { return }
            rateTimer = nil
            if let again = rate.wait() { waitForRate(again, request) } else { handle(request) }
        }
        rateTimer = timer
        timer.resume()
    }

    /// The answer to the request being handled (on the server's queue); then the next line is served.
    func answered(_ answer: Answer) {
        guard !closed else { return }
        if answer.subscribes {
            isSubscriber = true
        }
        send(answer.line)
        busy = false
        resetIdleTimer()
        serveLines()
    }

    /// Queues bytes; a client that lets too much pile up is dropped.
    func send(_ bytes: [UInt8]) {
        guard !closed else { return }
        output.append(contentsOf: bytes)
        if output.count > settings.maximumBacklog { return close() }
        flush()
    }

    private func flush() {
        while !output.isEmpty {
            // MSG_NOSIGNAL: a client that has gone away is an EPIPE here, not a SIGPIPE for the process.
            let written = output.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EAGAIN || errno == EINTR { break }
                return close()
            }
            output.removeFirst(written)
        }
        if output.isEmpty {
            if !writeSuspended { writeSource?.suspend(); writeSuspended = true }
            if closing { close() }
        } else if writeSuspended {
            writeSource?.resume()
            writeSuspended = false
        }
    }

    private func closeAfterFlush() {
        closing = true
        if output.isEmpty { close() }
    }

    private func suspendReading() {
        guard !readSuspended else { return }
        readSource?.suspend()
        readSuspended = true
    }

    private func resumeReading() {
        guard readSuspended else { return }
        readSource?.resume()
        readSuspended = false
    }

    private func resetIdleTimer() {
        guard !isSubscriber, !closed else { return }
        idleTimer?.cancel()
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + settings.idleTimeout)
        timer.setEventHandler { [weak self] in self?.close() }
        idleTimer = timer
        timer.resume()
    }

    func close() {
        guard !closed else { return }
        closed = true
        idleTimer?.cancel()
        rateTimer?.cancel()
        if writeSuspended { writeSource?.resume() }
        writeSource?.cancel()
        resumeReading()
        readSource?.cancel()
        onClose?()
    }
}

/// Closes a descriptor when the last of its dispatch sources has been cancelled (all on one serial queue).
private final class DescriptorCloser {
    private let descriptor: Int32
    private var remaining: Int

    init(descriptor: Int32, sources: Int) {
        self.descriptor = descriptor
        self.remaining = sources
    }

    func sourceCancelled() {
        remaining -= 1
        if remaining == 0 { _ = Glibc.close(descriptor) }
    }
}
