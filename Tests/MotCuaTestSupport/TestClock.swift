import Foundation
import MotCuaCore
import Synchronization

/// Đồng hồ kiểm thử — a clock a test sets and moves, handed to the server as its `now`.
public final class TestClock: Sendable {
    private let instant: Mutex<Date>

    public init(_ start: Date) { instant = Mutex(start) }

    /// A clock at a local (UTC+7) wall time, e.g. `TestClock(local: "2026-03-02T09:00:00")`.
    public convenience init(local text: String) { self.init(TestClock.instant(local: text)) }

    public var now: Date { instant.withLock { $0 } }

    public func set(local text: String) { instant.withLock { $0 = TestClock.instant(local: text) } }

    public func advance(hours: Double) { instant.withLock { $0 = $0.addingTimeInterval(hours * 3600) } }

    /// The instant of a local wall time `yyyy-MM-ddTHH:mm:ss` in Việt Nam (UTC+7).
    public static func instant(local text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text + "+07:00") else { preconditionFailure("bad test time \(text)") }
        return date
    }
}
