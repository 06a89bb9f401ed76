import Foundation
import SQLKit

/// Phiên bản dữ liệu tham chiếu — one number that every change to the reference data an intake is checked against
/// (procedures, agencies, administrative units, delegations, process versions) and to what a request's token is
/// checked against (the officer's account and roles, the token itself) moves on, by triggers in the database
/// itself: a change made by any server, by the command line, or by hand in SQL is counted the same.
public enum ReferenceRevision {
    /// The tables whose changes it counts.
    static let tables = ["procedures", "agencies", "admin_units", "delegations", "delegation_procedures", "process_definitions"]

    /// The changes to accounts and tokens it counts since migration 21: not a new token (no one can have shown it
    /// before it was issued), and of an account's columns only those an officer is recognised by — failed sign-ins
    /// and lockouts, which anyone can cause by guessing passwords, leave what is remembered alone.
    static let accountChanges: [(table: String, changes: [(name: String, change: String)])] = [
        ("users", [("inserted", "INSERT"), ("updated", "UPDATE OF username, full_name, password_hash, active"), ("deleted", "DELETE")]),
        ("user_roles", [("inserted", "INSERT"), ("updated", "UPDATE"), ("deleted", "DELETE")]),
        ("tokens", [("updated", "UPDATE"), ("deleted", "DELETE")]),
    ]

    static let bump = "UPDATE reference_revision SET revision = revision + 1 WHERE id = 1"

    /// SQLite: a trigger per table and kind of change (its triggers run for each row).
    static let sqliteTriggers: [String] = tables.flatMap { table in
        [("inserted", "INSERT"), ("updated", "UPDATE"), ("deleted", "DELETE")].map { name, change in
            "CREATE TRIGGER \(table)_\(name) AFTER \(change) ON \(table) BEGIN \(bump); END"
        }
    }

    /// PostgreSQL: one function, and a trigger per table for each statement that changes it.
    static let postgresTriggers: [String] = [
        "CREATE FUNCTION motcua_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \(bump); RETURN NULL; END $$",
    ] + tables.map { table in
        "CREATE TRIGGER \(table)_changed AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION motcua_reference_changed()"
    }

    /// SQLite: the account changes counted, a trigger each.
    static let sqliteAccountTriggers: [String] = accountChanges.flatMap { table, changes in
        changes.map { name, change in "CREATE TRIGGER \(table)_\(name) AFTER \(change) ON \(table) BEGIN \(bump); END" }
    }

    /// PostgreSQL: the account changes counted, one trigger per table with the function above.
    static let postgresAccountTriggers: [String] = accountChanges.map { table, changes in
        """
        CREATE TRIGGER \(table)_changed AFTER \(changes.map(\.change).joined(separator: " OR ")) ON \(table)
        FOR EACH STATEMENT EXECUTE FUNCTION motcua_reference_changed()
        """
    }

    /// The number now.
    static func current(in db: any SQLDatabase) async throws -> Int {
        guard let row = try await db.first("SELECT revision FROM reference_revision WHERE id = 1") else {
            throw StoreError.noRowReturned("reference_revision")
        }
        return try row.decode(column: "revision", as: Int.self)
    }
}
