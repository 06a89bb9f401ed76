import Foundation

/// Hạn của bước lúc này — where an open step stands against its deadline at a moment: late, due later today,
/// due on a later day, or paused (the applicant has the dossier). It is `Timeliness.verdict` of the step if it were
/// done at that moment (late, on time, early), so the work queue, its filters and the tracking pages speak of a
/// deadline exactly as the statistics will judge it.
public enum DeadlineStanding: String, CaseIterable, Codable, Sendable {
    case late = "qua-han"
    case dueToday = "den-han"
    case later = "con-han"
    case paused = "tam-dung"

    /// The standing of a step due at `due` (nil while paused) at `now`.
    public init(due: Date?, at now: Date) {
        guard let due else {
            self = .paused
            return
        }
        self = switch Timeliness.verdict(end: now, due: due) {
        case .late: .late
        case .onTime: .dueToday
        case .early: .later
        }
    }

    /// The deadlines that stand so at `now`, as a half-open interval of instants (`from` included, `before` not; nil
    /// for no bound), for a query that selects them; nil for `paused` (no deadline at all).
    public func dues(at now: Date) -> (from: Date?, before: Date?)? {
        let nextDay = WorkingCalendar.instant(WorkingCalendar.local(now).date.adding(days: 1), second: 0)
        return switch self {
        case .late: (nil, now)
        case .dueToday: (now, nextDay)
        case .later: (nextDay, nil)
        case .paused: nil
        }
    }

    public var vietnameseName: String {
        switch self {
        case .late: "Quá hạn"
        case .dueToday: "Đến hạn hôm nay"
        case .later: "Còn hạn"
        case .paused: "Tạm dừng (chờ công dân)"
        }
    }
}
