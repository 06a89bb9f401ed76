import MotCuaCore
import SQLKit

/// Ghi một bước — what keeps a step of a dossier: its event appended to the dossier's history, with the patch the
/// step made to the state (stored text), and its act for the audit trail (`AuditAct`). Made with the step, off
/// SQLite's writer; the writer only puts the act's two statements together and runs them.
struct EventRecord: Sendable {
    let row: RowInsert
    let act: AuditAct

    init(_ event: DossierEvent, patch: String, code: String) {
        row = RowInsert(head: """
            INSERT INTO dossier_events (dossier_code, seq, action, actor, at, from_status, to_status, reason, due_after,
              step_due_after, work_item, decision, assignee, patch)
            """, values: """
            \(bind: code), \(bind: event.sequence), \(bind: event.action), \(bind: event.actor),
            \(bind: event.at.epochSeconds), \(bind: event.fromStatus?.rawValue), \(bind: event.toStatus.rawValue),
            \(bind: event.reason), \(bind: event.dueAfter?.epochSeconds), \(bind: event.stepDueAfter?.epochSeconds),
            \(bind: event.workItem), \(bind: event.decision), \(bind: event.assignee), \(bind: patch)
            """)
        act = AuditAct(at: event.at, actor: event.actor, action: "ho-so.\(event.action)", subject: code,
                       detail: "trạng thái \(event.fromStatus.map { String($0.rawValue) } ?? "-") → \(event.toStatus.rawValue)")
    }

    /// The statements that keep the step on a database of `dialect`.
    func statements(for dialect: any SQLDialect) -> [BoundStatement] {
        [row.statement] + act.statements(for: dialect)
    }

    /// Its rows as PostgreSQL keeps them, to go in one statement with the step's other writes.
    var waitingRows: [RowInsert] { [row, act.waiting] }
}
