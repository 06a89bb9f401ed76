import Foundation
import MotCuaCore
import SQLKit

/// Lọc hàng việc — what an officer narrows their work queue to: items they hold or those waiting to be taken,
/// by the step's deadline as the work page words it (late, due today, in time, paused), and by dossier code.
public struct WorkQueueFilter: Sendable, Hashable {
    /// Who holds the item.
    public enum Holding: String, Sendable, CaseIterable {
        case any = ""
        /// Đang giữ — items held by the officer or by a colleague they cover for.
        case held = "dang-giu"
        /// Chờ nhận — items waiting in a unit's queue for anyone with the role.
        case waiting = "cho-nhan"
    }

    /// Where the step stands against its deadline at the moment of the query.
    public enum Deadline: String, Sendable, CaseIterable {
        case any = ""
        case late = "qua-han"
        /// Due later today (Việt Nam time).
        case today = "den-han"
        /// Due on a later day.
        case later = "con-han"
        /// The dossier's clock is paused, waiting on the applicant.
        case paused = "tam-dung"
    }

    public var holding: Holding
    public var deadline: Deadline
    /// Part of a dossier code, matched anywhere in it.
    public var code: String

    public init(holding: Holding = .any, deadline: Deadline = .any, code: String = "") {
        self.holding = holding
        self.deadline = deadline
        self.code = code
    }

    public static let all = WorkQueueFilter()

    /// The filter as an SQL condition on `open_work_items` at `now`.
    func condition(at now: Date) -> SQLQueryString {
        var condition: SQLQueryString = "1 = 1"
        switch holding {
        case .any: break
        case .held: condition = condition + " AND assignee IS NOT NULL"
        case .waiting: condition = condition + " AND assignee IS NULL"
        }
        let tomorrow = WorkingCalendar.instant(WorkingCalendar.local(now).date.adding(days: 1), second: 0).epochSeconds
        switch deadline {
        case .any: break
        case .late: condition = condition + " AND due_at < \(bind: now.epochSeconds)"
        case .today: condition = condition + " AND due_at >= \(bind: now.epochSeconds) AND due_at < \(bind: tomorrow)"
        case .later: condition = condition + " AND due_at >= \(bind: tomorrow)"
        case .paused: condition = condition + " AND due_at IS NULL"
        }
        if !code.isEmpty {
            let escaped = code.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            condition = condition + " AND dossier_code LIKE \(bind: "%\(escaped)%") ESCAPE '\\'"
        }
        return condition
    }
}
