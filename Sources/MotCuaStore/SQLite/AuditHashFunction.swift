import VaporCSQLite

/// Hàm băm nhật ký — `motcua_audit_hash(seq, at, actor, action, subject, detail, prev_hash)` in the SQL of SQLite's
/// writer connection: an audit entry's hash (`AuditLog.hash`), so that an act is chained into the audit trail by the
/// statement that writes it (`AuditAct.chained`), in the act's own transaction.
enum AuditHashFunction {
    static let name = "motcua_audit_hash"

    /// Defines the function on `connection`.
    static func add(to connection: DirectSQLite) throws {
        try connection.addFunction(name, arguments: 7) { context, _, values in
            guard let values else { return }
            let text = { (index: Int) in AuditHashFunction.text(values[index]) }
            let hash = AuditLog.hash(seq: Int(sqlite_nio_sqlite3_value_int64(values[0])), at: Int(sqlite_nio_sqlite3_value_int64(values[1])),
                                     actor: text(2), action: text(3), subject: text(4), detail: text(5), previous: text(6))
            sqlite_nio_sqlite3_result_text(context, hash, -1, DirectSQLite.transient)
        }
    }

    /// An argument's text (`DirectSQLite.text`: all of it).
    fileprivate static func text(_ value: OpaquePointer?) -> String {
        guard let start = sqlite_nio_sqlite3_value_text(value) else { return "" }
        return DirectSQLite.text(start, bytes: sqlite_nio_sqlite3_value_bytes(value))
    }
}
