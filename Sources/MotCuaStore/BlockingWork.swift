import NIOCore
import NIOPosix

/// Việc chờ đĩa — work that holds its thread until a disk answers (writing and flushing a kept file, reading one
/// back), run on NIO's threads for blocking work (`NIOThreadPool`), never on Swift's shared pool: that pool has one
/// thread per core, every request needs it, and a file's flush there would take a core from all of them while the
/// disk takes its time — or, on a stalled disk, two such waits would stop the server. The caller waits no longer
/// than its request's deadline (`AnswerDeadline`): past it, it is told `DatabaseDidNotAnswer` (the disk under
/// MotCua's data did not answer), and the work goes on until the disk answers.
public enum BlockingWork {
    /// Runs `work` on a thread for blocking work and returns what it gives.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await AnswerDeadline.answer(requesting: {
            NIOThreadPool.singleton.runIfActive(eventLoop: MultiThreadedEventLoopGroup.singleton.any(), work)
        })
    }
}

/// Lỗi đĩa — the disk under MotCua's kept files refused a write or its flush (full, failing, read-only): the system's
/// trouble, not the request's, answered 503 with a time to retry (`DatabaseOutage`).
public struct DiskRefused: Error, CustomStringConvertible {
    public let underlying: any Error

    public init(_ underlying: any Error) {
        self.underlying = underlying
    }

    public var description: String { "the disk refused a kept file: \(underlying)" }
}
