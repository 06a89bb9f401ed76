import Foundation

/// Cảnh báo và báo quá hạn — when the SLA watch speaks up about a step: a warning once a quarter of the step's
/// working time is left, an escalation once its deadline has passed; each at most once per work item.
public enum StepAlarm: String, Sendable, Codable, CaseIterable {
    /// Sắp đến hạn — a warning to the holder (or the unit's queue).
    case warning = "canh-bao-sap-den-han"
    /// Quá hạn bước — the step is late: the unit's leader is told.
    case escalation = "bao-qua-han-buoc"

    /// The share of a step's working time left when the warning is given.
    public static let warningShare = 4

    /// The warning moment for a clock running from `start` to `due`: when a quarter of the working time is left.
    public static func warnAt(clockFrom start: Date, due: Date?, calendar: WorkingCalendar) -> Date? {
        guard let due else { return nil }
        let total = calendar.workingSeconds(from: start, to: due)
        return calendar.adding(workingSeconds: total - total / warningShare, to: start)
    }

    /// The alarm an open item calls for at `now`, if any: escalation first, since a late step needs no warning.
    public static func due(for item: WorkItem, at now: Date) -> StepAlarm? {
        guard item.isOpen else { return nil }
        return due(Marks(item), at: now)
    }

    /// The alarm an open item with these marks calls for at `now`: escalation once its deadline has passed, a
    /// warning from its warning time on; nothing while paused (no deadline) or once escalated.
    public static func due(_ marks: Marks, at now: Date) -> StepAlarm? {
        guard let deadline = marks.deadline, !marks.escalated else { return nil }
        if now > deadline { return .escalation }
        if !marks.warned, let warnAt = marks.warnAt, now >= warnAt { return .warning }
        return nil
    }

    /// Canh báo kế tiếp — from when the SLA watch must look at an open item: its warning time while it is not
    /// warned (if that comes before its deadline), else its deadline; nil when nothing is left to say (escalated,
    /// or paused). No alarm is due before it, so the watch can leave every item alone until then.
    public static func watchFrom(_ marks: Marks) -> Date? {
        guard let deadline = marks.deadline, !marks.escalated else { return nil }
        if !marks.warned, let warnAt = marks.warnAt, warnAt <= deadline { return warnAt }
        return deadline
    }

    /// What of an open item the alarms depend on: its step deadline and warning time, and whether it was already
    /// warned or escalated.
    public struct Marks: Sendable, Hashable {
        public let deadline: Date?
        public let warnAt: Date?
        public let warned: Bool
        public let escalated: Bool

        public init(deadline: Date?, warnAt: Date?, warned: Bool, escalated: Bool) {
            self.deadline = deadline
            self.warnAt = warnAt
            self.warned = warned
            self.escalated = escalated
        }

        public init(_ item: WorkItem) {
            self.init(deadline: item.clock.due, warnAt: item.warnAt, warned: item.warnedAt != nil, escalated: item.escalatedAt != nil)
        }
    }

    public var vietnameseName: String {
        switch self {
        case .warning: "Cảnh báo bước sắp đến hạn"
        case .escalation: "Báo bước xử lý quá hạn"
        }
    }

    /// What the event says, for the notification that will carry it.
    public func message(for item: WorkItem) -> String {
        let holder = item.assignee.map { "do \($0) giữ" } ?? "đang chờ trong hàng việc của \(item.unit)"
        let due = item.clock.due.map(WorkingCalendar.vietnamese) ?? "—"
        switch self {
        case .warning:
            return "Bước \"\(item.name)\" (\(holder)) sắp đến hạn \(due)."
        case .escalation:
            return "Bước \"\(item.name)\" (\(holder)) đã quá hạn \(due); báo lãnh đạo \(item.unit)."
        }
    }
}

extension StepAlarm {
    /// Records the alarm an item calls for at `now` on the dossier's state (a new version), with the item as it
    /// is now marked; nil when the item needs none (already warned or escalated, paused, or closed).
    public static func raise(on itemId: Int, in state: DossierState, at now: Date) -> (DossierState, StepAlarm, WorkItem)? {
        guard !state.status.endsProcessing, var item = state.work?.item(itemId), let alarm = due(for: item, at: now) else {
            return nil
        }
        switch alarm {
        case .warning: item.warnedAt = now
        case .escalation: item.escalatedAt = now
        }
        var next = state
        next.work?.update(item)
        next.version += 1
        return (next, alarm, item)
    }
}
