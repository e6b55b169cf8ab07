import BinderyProtocol
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One client of the control socket; lives on the server's queue.
final class ControlConnection {
    private let descriptor: Int32
    private let queue: DispatchQueue
    private let settings: ControlServer.Settings
    private let handler: ControlServer.Handler
    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var idleTimer: DispatchSourceTimer?
    private var input = LineBuffer()
    private var output: [UInt8] = []
    private var writeSuspended = true
    private var closed = false
    private(set) var isSubscriber = false
    var onClose: (() -> Void)?

    init(descriptor: Int32, queue: DispatchQueue, settings: ControlServer.Settings, handler: @escaping ControlServer.Handler) {
        self.descriptor = descriptor
        self.queue = queue
        self.settings = settings
        self.handler = handler
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
        // Only a whole request counts as activity: a client trickling a byte at a time keeps no slot.
        var answered = false
        while let line = input.nextLine() {
            handle(line)
            answered = true
            if closed { return }
        }
        if answered { resetIdleTimer() }
        if input.pendingCount >= ControlProtocol.maximumLineBytes {
            send(ControlCodec.encode(.failure(nil, .tooLarge())))
            input.removeAll()
            closeAfterFlush()
        }
    }

    private func handle(_ line: [UInt8]) {
        let trimmed = line.last == 0x0D ? Array(line.dropLast()) : line
        if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        switch ControlCodec.decodeRequest(trimmed) {
        case .failure(let error):
            send(ControlCodec.encode(.failure(nil, error)))
        case .success(let request):
            switch handler(request) {
            case .result(let value): send(ControlCodec.encodeResult(request.id, value))
            case .error(let error): send(ControlCodec.encode(.failure(request.id, error)))
            case .subscribe(let value):
                isSubscriber = true
                idleTimer?.cancel()
                idleTimer = nil
                send(ControlCodec.encodeResult(request.id, value))
            }
        }
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

    private var closing = false

    private func closeAfterFlush() {
        closing = true
        if output.isEmpty { close() }
    }

    private func resetIdleTimer() {
        guard !isSubscriber else { return }
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
        if writeSuspended { writeSource?.resume() }
        writeSource?.cancel()
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
