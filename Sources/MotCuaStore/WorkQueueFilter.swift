import Foundation
import MotCuaCore
import SQLKit

/// Lọc hàng việc — what an officer narrows their work queue to: items they hold or those waiting to be taken,
/// by where the step stands against its deadline (Core's `DeadlineStanding`), and by dossier code.
public struct WorkQueueFilter: Sendable, Hashable {
    /// Who holds the item.
    public enum Holding: String, Sendable, CaseIterable {
        case any = ""
        /// Đang giữ — items held by the officer or by a colleague they cover for.
        case held = "dang-giu"
        /// Chờ nhận — items waiting in a unit's queue for anyone with the role.
        case waiting = "cho-nhan"
    }

    public var holding: Holding
    /// Nil: whatever the deadline.
    public var deadline: DeadlineStanding?
    /// Part of a dossier code, matched anywhere in it.
    public var code: String

    public init(holding: Holding = .any, deadline: DeadlineStanding? = nil, code: String = "") {
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
        if let deadline {
            if let dues = deadline.dues(at: now) {
                if let from = dues.from { condition = condition + " AND due_at >= \(bind: from.epochSeconds)" }
                if let before = dues.before { condition = condition + " AND due_at < \(bind: before.epochSeconds)" }
            } else {
                condition = condition + " AND due_at IS NULL"
            }
        }
        if !code.isEmpty {
            let escaped = code.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            condition = condition + " AND dossier_code LIKE \(bind: "%\(escaped)%") ESCAPE '\\'"
        }
        return condition
    }
}
