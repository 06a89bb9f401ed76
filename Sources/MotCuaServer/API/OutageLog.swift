import Logging
import MotCuaStore
import Synchronization

/// Nhật ký gián đoạn — what the server's log says of the requests refused because the database cannot be reached
/// (down, restarting, its disk full): the first at once, with its cause, then at most one line every `interval`,
/// with how many were refused since the line before. Not a line per request: under load that is thousands a
/// second, written while the disk may be full, burying every other line. Each refusal is counted in `/metrics`
/// too (`motcua_http_requests_total`, status 5xx). One per server.
final class OutageLog: Sendable {
    static let interval: Duration = .seconds(10)

    private let clock: @Sendable () -> ContinuousClock.Instant
    /// When the last line was written, and how many refusals came after it without one.
    private let last = Mutex<(at: ContinuousClock.Instant?, unlogged: Int)>((nil, 0))

    init(clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.clock = clock
    }

    /// A request refused because of `error`: logged now if no line was written in the last `interval`, else
    /// counted for the next line.
    func refused(because error: any Error, logger: Logger) {
        let now = clock()
        let unloggedBefore: Int? = last.withLock { last in
            if let at = last.at, now - at < Self.interval {
                last.unlogged += 1
                return nil
            }
            defer { last = (now, 0) }
            return last.unlogged
        }
        guard let unloggedBefore else { return }
        let since = unloggedBefore == 0 ? "" : "; \(unloggedBefore) more refused since the line before"
        logger.warning("the database cannot be reached: \(LoggedError.text(error))\(since)")
    }
}
