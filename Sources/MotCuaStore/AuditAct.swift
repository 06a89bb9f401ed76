import Foundation
import SQLKit

/// Việc ghi nhật ký — one act for the audit trail (`AuditLog`): when, by whom, what, on what, and the rest worth
/// keeping, written in the transaction that does it as the database keeps acts.
///
/// - On SQLite, chained at once. The server's one writer runs every write in turn, so an act can take its number and
///   its link in the chain in its own transaction without making any other write wait: the entry, hashed inside
///   SQLite (`AuditHashFunction`), and the head moved on. Kept waiting instead, as on PostgreSQL, an act cost an
///   insert, a read and the hashing on another thread, then an insert and a delete when sealed.
/// - On PostgreSQL, kept waiting (`audit_pending`) and chained by `AuditLog.seal`: several servers write at once, and
///   numbering an act in its own transaction would lock the head's row until that transaction ended, so that every
///   write of every server waited for the one before it.
struct AuditAct: Sendable {
    let at: Date
    let actor: String
    let action: String
    let subject: String
    let detail: String

    /// The statements that keep the act on a database of `dialect`.
    func statements(for dialect: any SQLDialect) -> [BoundStatement] {
        dialect.name == "postgresql" ? [waiting.statement] : chained
    }

    /// The act as a row waiting to be sealed.
    var waiting: RowInsert {
        RowInsert(head: "INSERT INTO audit_pending (at, actor, action, subject, detail)",
                  values: "\(bind: at.epochSeconds), \(bind: actor), \(bind: action), \(bind: subject), \(bind: detail)")
    }

    /// The act as the entry after the head, then the head moved on to it (SQLite's writer connection only: the
    /// hash is its function). Without a head the entry has no hash before it, which its column refuses: the act
    /// fails rather than vanish.
    private var chained: [BoundStatement] {
        [
            """
            INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)
            SELECT head.seq + 1, act.at, act.actor, act.action, act.subject, act.detail, head.hash,
              \(raw: AuditHashFunction.name)(head.seq + 1, act.at, act.actor, act.action, act.subject, act.detail, head.hash)
            FROM (SELECT \(bind: at.epochSeconds) AS at, \(bind: actor) AS actor, \(bind: action) AS action,
              \(bind: subject) AS subject, \(bind: detail) AS detail) AS act
            LEFT JOIN audit_head AS head ON head.id = 1
            """,
            "UPDATE audit_head SET seq = seq + 1, hash = (SELECT hash FROM audit_log WHERE seq = audit_head.seq + 1) WHERE id = 1",
        ]
    }
}
