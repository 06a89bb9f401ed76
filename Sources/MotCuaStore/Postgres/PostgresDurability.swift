import SQLKit

/// Độ bền của PostgreSQL — the server settings under which a transaction PostgreSQL has committed survives a crash
/// of the machine or a power cut, as MotCua's answers promise.
///
/// MotCua answers a write only after its COMMIT has returned. That COMMIT is on disk only if the session waits for
/// the log's flush (`synchronous_commit` not `off`), the server really flushes (`fsync`), and a page torn by the cut
/// can be rebuilt from the log (`full_page_writes`). The first is a session's own setting, so every connection MotCua
/// opens asks for it (`sessionParameters`), whatever the database's or the role's default; the other two belong to
/// the server, and `risks` names those that are off, for the server to say so when it opens the database.
enum PostgresDurability {
    /// Startup parameters of every connection MotCua opens: a COMMIT returns once its log is flushed.
    static let sessionParameters = [("synchronous_commit", "on")]

    /// The server's settings that, off, let a crash of the machine or a power cut lose writes already answered, each
    /// with what it then risks.
    static let needed: [(setting: String, risk: String)] = [
        ("fsync", "PostgreSQL does not flush its log to disk, so a power cut can lose committed dossiers"),
        ("full_page_writes", "a page half written when the power is cut cannot be rebuilt from the log"),
        ("synchronous_commit", "a COMMIT returns before its log is on disk"),
    ]

    /// What in `settings` (a setting of `needed` → its value in `pg_settings`) lets a crash of the machine or a power
    /// cut lose writes already answered, one sentence each; none when the settings keep every commit.
    static func risks(in settings: [String: String]) -> [String] {
        needed.filter { settings[$0.setting] == "off" }.map { "\($0.setting)=off: \($0.risk)" }
    }
}

extension Database {
    /// What in the PostgreSQL server's settings, as MotCua's sessions see them, lets a power cut lose writes already
    /// answered (`PostgresDurability.risks`). None on SQLite, whose writer sets its own (`Durability`).
    public func durabilityRisks() async throws -> [String] {
        guard engine == .postgres else { return [] }
        let names = PostgresDurability.needed.map { "'\($0.setting)'" }.joined(separator: ", ")
        let rows = try await read { db in
            try await db.raw("SELECT name, setting FROM pg_settings WHERE name IN (\(unsafeRaw: names))").all()
        }
        var settings: [String: String] = [:]
        for row in rows { settings[try row.decode(column: "name", as: String.self)] = try row.decode(column: "setting", as: String.self) }
        return PostgresDurability.risks(in: settings)
    }
}
