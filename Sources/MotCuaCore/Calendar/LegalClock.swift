import Foundation

/// Đồng hồ thời hạn — the running legal clock of one case: its appointment, and, while paused (waiting for a
/// supplement or a financial obligation), the working time that was left when it stopped.
///
/// Pausing keeps the remaining working time; resuming lays it again from the moment the applicant completed
/// their part, so paused time never counts against the agency.
public struct LegalClock: Hashable, Sendable, Codable {
    /// Thời điểm hẹn trả (nil while paused).
    public private(set) var due: Date?
    /// When the clock stopped, if it is stopped.
    public private(set) var pausedAt: Date?
    /// Working seconds left at the pause; zero when the case was already overdue.
    public private(set) var remainingWorkingSeconds: Int?

    /// A clock that starts at `start` with a legal allowance.
    public init(start: Date, budget: TimeBudget, calendar: WorkingCalendar) {
        self.due = calendar.due(from: start, budget: budget)
    }

    /// A clock as stored.
    public init(due: Date?, pausedAt: Date?, remainingWorkingSeconds: Int?) {
        self.due = due
        self.pausedAt = pausedAt
        self.remainingWorkingSeconds = remainingWorkingSeconds
    }

    public var isPaused: Bool { pausedAt != nil }

    /// Stops the clock at `instant`, keeping the working time left until the appointment.
    public mutating func pause(at instant: Date, calendar: WorkingCalendar) {
        guard let due, pausedAt == nil else { return }
        remainingWorkingSeconds = calendar.workingSeconds(from: instant, to: due)
        pausedAt = instant
        self.due = nil
    }

    /// Restarts the clock at `instant` with the working time that was left. An overdue case stays overdue:
    /// its appointment is the resume moment itself.
    public mutating func resume(at instant: Date, calendar: WorkingCalendar) {
        guard pausedAt != nil else { return }
        due = calendar.adding(workingSeconds: remainingWorkingSeconds ?? 0, to: instant)
        pausedAt = nil
        remainingWorkingSeconds = nil
    }

    /// Gia hạn — sets a later appointment (after an apology).
    public mutating func extend(to newDue: Date) {
        due = newDue
    }
}
