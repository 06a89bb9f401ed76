import Foundation
import SQLKit

/// Di trú lược đồ — the numbered schema migrations, listed in one place and applied in order, each once, in
/// its own transaction. The SQL is written once for both engines.
public enum Migrations {
    /// One numbered change to the schema.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let statements: [String]
        /// What only one engine can say its own way (triggers), after `statements`.
        var sqliteOnly: [String] = []
        var postgresOnly: [String] = []
        /// Values the statements leave for Core's rules to work out (a new column's value for the rows already
        /// there), written after them in the same transaction, so that a rule is never copied into SQL.
        var fill: (@Sendable (any SQLDatabase) async throws -> Void)?

        func statements(for engine: Database.Engine) -> [String] {
            statements + (engine == .sqlite ? sqliteOnly : postgresOnly)
        }
    }

    public static let all: [Migration] = [
        Migration(version: 1, name: "reference data and catalog", statements: [
            """
            CREATE TABLE admin_units (scheme TEXT NOT NULL, code BIGINT NOT NULL, name TEXT NOT NULL,
              type TEXT NOT NULL, parent_code BIGINT, PRIMARY KEY (scheme, code))
            """,
            """
            CREATE TABLE unit_conversions (legacy_code BIGINT NOT NULL, current_code BIGINT NOT NULL,
              partly BIGINT NOT NULL, PRIMARY KEY (legacy_code, current_code))
            """,
            """
            CREATE TABLE agencies (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
              unit_key TEXT, parent_code TEXT)
            """,
            "CREATE INDEX agencies_kind ON agencies (kind, unit_key)",
            """
            CREATE TABLE procedures (code TEXT PRIMARY KEY, name TEXT NOT NULL, field TEXT NOT NULL,
              level TEXT NOT NULL, agency_kind TEXT NOT NULL, online_level TEXT NOT NULL, status TEXT NOT NULL,
              search_text TEXT NOT NULL, body TEXT NOT NULL)
            """,
            """
            CREATE TABLE calendar_days (province TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL,
              name TEXT NOT NULL, replaces TEXT, PRIMARY KEY (province, day))
            """,
        ]),
        Migration(version: 2, name: "dossiers and their events", statements: [
            """
            CREATE TABLE dossier_sequences (agency_code TEXT NOT NULL, day TEXT NOT NULL, last BIGINT NOT NULL,
              PRIMARY KEY (agency_code, day))
            """,
            """
            CREATE TABLE dossiers (code TEXT PRIMARY KEY, agency_code TEXT NOT NULL, received_by TEXT NOT NULL,
              procedure_code TEXT NOT NULL, channel BIGINT NOT NULL, status BIGINT NOT NULL, version BIGINT NOT NULL,
              received_at BIGINT NOT NULL, due_at BIGINT, step_due_at BIGINT, ended_at BIGINT,
              applicant_key TEXT, body TEXT NOT NULL)
            """,
            "CREATE INDEX dossiers_agency_status ON dossiers (agency_code, status, due_at)",
            "CREATE INDEX dossiers_applicant ON dossiers (applicant_key)",
            """
            CREATE TABLE dossier_events (dossier_code TEXT NOT NULL, seq BIGINT NOT NULL, action TEXT NOT NULL,
              actor TEXT NOT NULL, at BIGINT NOT NULL, from_status BIGINT, to_status BIGINT NOT NULL,
              from_step BIGINT, to_step BIGINT, reason TEXT, due_after BIGINT, PRIMARY KEY (dossier_code, seq))
            """,
        ]),
        Migration(version: 3, name: "officers, tokens and idempotency", statements: [
            """
            CREATE TABLE users (username TEXT PRIMARY KEY, full_name TEXT NOT NULL, password_hash TEXT NOT NULL,
              active BIGINT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE user_roles (username TEXT NOT NULL, agency_code TEXT NOT NULL, role TEXT NOT NULL,
              PRIMARY KEY (username, agency_code, role))
            """,
            """
            CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, kind TEXT NOT NULL,
              created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE idempotency_keys (username TEXT NOT NULL, idem_key TEXT NOT NULL, request_hash TEXT NOT NULL,
              status BIGINT NOT NULL, response TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (username, idem_key))
            """,
        ]),
        Migration(version: 4, name: "step deadlines on events; the register by date", statements: [
            "ALTER TABLE dossier_events ADD COLUMN step_due_after BIGINT",
            "CREATE INDEX dossiers_agency_received ON dossiers (agency_code, received_at, code)",
        ]),
        Migration(version: 5, name: "versioned internal processes", statements: [
            """
            CREATE TABLE process_definitions (process_key TEXT NOT NULL, version BIGINT NOT NULL,
              procedure_code TEXT NOT NULL, effective_from TEXT NOT NULL, saved_at BIGINT NOT NULL,
              saved_by TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (process_key, version))
            """,
            "CREATE INDEX process_definitions_procedure ON process_definitions (procedure_code, effective_from)",
        ]),
        Migration(version: 6, name: "work items, absences and job leases", statements: [
            "ALTER TABLE dossier_events ADD COLUMN work_item BIGINT",
            "ALTER TABLE dossier_events ADD COLUMN decision TEXT",
            "ALTER TABLE dossier_events ADD COLUMN assignee TEXT",
            "ALTER TABLE dossier_events DROP COLUMN from_step",
            "ALTER TABLE dossier_events DROP COLUMN to_step",
            """
            CREATE TABLE open_work_items (dossier_code TEXT NOT NULL, item_id BIGINT NOT NULL, agency_code TEXT NOT NULL,
              unit TEXT NOT NULL, role TEXT NOT NULL, assignee TEXT, name TEXT NOT NULL, opened_at BIGINT NOT NULL,
              due_at BIGINT, warn_at BIGINT, warned BIGINT NOT NULL, escalated BIGINT NOT NULL,
              PRIMARY KEY (dossier_code, item_id))
            """,
            "CREATE INDEX open_work_items_queue ON open_work_items (agency_code, role, assignee, due_at)",
            "CREATE INDEX open_work_items_assignee ON open_work_items (assignee, due_at)",
            "CREATE INDEX open_work_items_due ON open_work_items (escalated, due_at)",
            "CREATE INDEX open_work_items_warn ON open_work_items (warned, warn_at)",
            """
            CREATE TABLE officer_absences (username TEXT NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,
              substitute TEXT NOT NULL, reason TEXT NOT NULL, recorded_by TEXT NOT NULL, PRIMARY KEY (username, starts_at))
            """,
            "CREATE INDEX officer_absences_substitute ON officer_absences (substitute, ends_at)",
            """
            CREATE TABLE job_leases (job TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL)
            """,
        ]),
        Migration(version: 7, name: "delegation of authority", statements: [
            """
            CREATE TABLE delegations (delegating_agency TEXT NOT NULL, number TEXT NOT NULL, delegate_agency TEXT NOT NULL,
              effective_from TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at BIGINT NOT NULL, body TEXT NOT NULL,
              PRIMARY KEY (delegating_agency, number))
            """,
            """
            CREATE TABLE delegation_procedures (delegating_agency TEXT NOT NULL, number TEXT NOT NULL,
              procedure_code TEXT NOT NULL, PRIMARY KEY (delegating_agency, number, procedure_code))
            """,
            "CREATE INDEX delegation_procedures_code ON delegation_procedures (procedure_code)",
        ]),
        Migration(version: 8, name: "online filing: drafts and attached files", statements: [
            """
            CREATE TABLE online_drafts (code TEXT PRIMARY KEY, secret TEXT NOT NULL, procedure_code TEXT NOT NULL,
              body TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, dossier_code TEXT)
            """,
            """
            CREATE TABLE dossier_files (dossier_code TEXT NOT NULL, document_index INTEGER NOT NULL,
              document_name TEXT NOT NULL, file_name TEXT NOT NULL, media_type TEXT NOT NULL, size BIGINT NOT NULL,
              sha256 TEXT NOT NULL, PRIMARY KEY (dossier_code, document_index))
            """,
        ]),
        Migration(version: 9, name: "ratings of dossiers", statements: [
            """
            CREATE TABLE dossier_ratings (dossier_code TEXT PRIMARY KEY, level TEXT NOT NULL, comment TEXT,
              rated_at BIGINT NOT NULL)
            """,
        ]),
        Migration(version: 10, name: "supplements sent online", statements: [
            """
            CREATE TABLE dossier_supplements (dossier_code TEXT NOT NULL, seq INTEGER NOT NULL, note TEXT,
              file_name TEXT, media_type TEXT, size BIGINT, sha256 TEXT, submitted_at BIGINT NOT NULL,
              PRIMARY KEY (dossier_code, seq))
            """,
        ]),
        Migration(version: 11, name: "result documents to download", statements: [
            """
            CREATE TABLE dossier_result_files (dossier_code TEXT NOT NULL, seq INTEGER NOT NULL, title TEXT NOT NULL,
              file_name TEXT NOT NULL, media_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL,
              attached_by TEXT NOT NULL, attached_at BIGINT NOT NULL, PRIMARY KEY (dossier_code, seq))
            """,
        ]),
        Migration(version: 12, name: "citizens signed in with the national e-ID; officers' failed sign-ins", statements: [
            """
            CREATE TABLE citizens (personal_id TEXT PRIMARY KEY, full_name TEXT NOT NULL, birth_date TEXT,
              first_signed_in_at BIGINT NOT NULL, last_signed_in_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE citizen_sessions (token_hash TEXT PRIMARY KEY, personal_id TEXT NOT NULL,
              assurance INTEGER NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            "CREATE INDEX citizen_sessions_person ON citizen_sessions (personal_id)",
            """
            CREATE TABLE sign_in_requests (state_hash TEXT PRIMARY KEY, nonce TEXT NOT NULL, code_verifier TEXT NOT NULL,
              level INTEGER NOT NULL, return_to TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE dossier_filers (dossier_code TEXT PRIMARY KEY, personal_id TEXT NOT NULL,
              assurance INTEGER NOT NULL, filed_at BIGINT NOT NULL)
            """,
            "CREATE INDEX dossier_filers_person ON dossier_filers (personal_id)",
            "ALTER TABLE online_drafts ADD COLUMN personal_id TEXT",
            "ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE users ADD COLUMN locked_until BIGINT",
        ]),
        Migration(version: 13, name: "the hash-chained audit trail", statements: [
            """
            CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
              subject TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            "CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL)",
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')",
        ]),
        Migration(version: 14, name: "applicant fields filled in from the population registry", statements: [
            "CREATE TABLE dossier_registry_fields (dossier_code TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (dossier_code, field))",
        ]),
        Migration(version: 15, name: "the citizen's document store", statements: [
            """
            CREATE TABLE citizen_documents (id TEXT PRIMARY KEY, personal_id TEXT NOT NULL, type_code TEXT NOT NULL,
              title TEXT NOT NULL, issuer TEXT NOT NULL, issued_on TEXT, source TEXT NOT NULL, dossier_code TEXT,
              file_name TEXT NOT NULL, media_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL,
              added_at BIGINT NOT NULL, UNIQUE (personal_id, sha256))
            """,
        ]),
        Migration(version: 16, name: "failed sign-ins counted per client address", statements: [
            """
            CREATE TABLE sign_in_failures_by_address (address TEXT NOT NULL, window_start BIGINT NOT NULL,
              failures INTEGER NOT NULL, PRIMARY KEY (address, window_start))
            """,
        ]),
        Migration(version: 17, name: "a retried request compared as sent", statements: [
            "ALTER TABLE idempotency_keys ADD COLUMN request TEXT",
        ]),
        Migration(version: 18, name: "the reference data's revision", statements: [
            "CREATE TABLE reference_revision (id BIGINT PRIMARY KEY, revision BIGINT NOT NULL)",
            "INSERT INTO reference_revision (id, revision) VALUES (1, 0)",
        ], sqliteOnly: ReferenceRevision.sqliteTriggers, postgresOnly: ReferenceRevision.postgresTriggers),
        Migration(version: 19, name: "audit entries kept first, sealed into the chain after", statements: [], sqliteOnly: [
            """
            CREATE TABLE audit_pending (id INTEGER PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
              subject TEXT NOT NULL, detail TEXT NOT NULL)
            """,
        ], postgresOnly: [
            """
            CREATE TABLE audit_pending (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at BIGINT NOT NULL,
              actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL)
            """,
        ]),
        Migration(version: 20, name: "answers kept for retries swept by age", statements: [
            "CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)",
        ]),
        Migration(version: 21, name: "accounts and tokens counted in the reference data's revision", statements: [],
                  sqliteOnly: ReferenceRevision.sqliteAccountTriggers, postgresOnly: ReferenceRevision.postgresAccountTriggers),
        Migration(version: 22, name: "the SLA watch's next alarm kept as a column, with one index", statements: [
            "DROP INDEX open_work_items_due",
            "DROP INDEX open_work_items_warn",
            "ALTER TABLE open_work_items ADD COLUMN alarm_at BIGINT",
            "CREATE INDEX open_work_items_alarm_at ON open_work_items (alarm_at)",
        ], fill: WorkItemStore.fillAlarmMoments(in:)),
        Migration(version: 23, name: "each event with the patch its step made to the dossier's state", statements: [
            "ALTER TABLE dossier_events ADD COLUMN patch TEXT",
        ]),
        Migration(version: 24, name: "a dossier's whole text in a table of its own, written every few steps", statements: [
            "CREATE TABLE dossier_texts (code TEXT PRIMARY KEY, body TEXT NOT NULL, version BIGINT NOT NULL)",
            "INSERT INTO dossier_texts (code, body, version) SELECT code, body, version FROM dossiers",
            "ALTER TABLE dossiers DROP COLUMN body",
        ]),
        Migration(version: 25, name: "the dossier's columns nobody queries dropped (its step's deadline and its end)", statements: [
            "ALTER TABLE dossiers DROP COLUMN step_due_at",
            "ALTER TABLE dossiers DROP COLUMN ended_at",
        ]),
        // `BIGINT PRIMARY KEY` is a unique index beside SQLite's own row number; `INTEGER PRIMARY KEY` is that number,
        // so each entry sealed is written into one tree instead of two.
        Migration(version: 26, name: "the audit chain's entries numbered by SQLite's own row number", statements: [], sqliteOnly: [
            """
            CREATE TABLE audit_log_numbered (seq INTEGER PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL,
              action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            """
            INSERT INTO audit_log_numbered (seq, at, actor, action, subject, detail, prev_hash, hash)
            SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq
            """,
            "DROP TABLE audit_log",
            "ALTER TABLE audit_log_numbered RENAME TO audit_log",
        ]),
    ]

    /// Applies the migrations the database lacks; returns the versions applied now.
    @discardableResult
    public static func run(on database: Database, now: Date = Date()) async throws -> [Int] {
        try await database.write { db in
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL,
                  applied_at BIGINT NOT NULL)
                """).run()
        }
        var applied: [Int] = []
        for migration in all {
            let didApply = try await database.write { db in
                // Checked inside the transaction (and, on PostgreSQL, under a lock held until it ends), so two
                // processes starting at once apply each migration once.
                if database.engine == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7157)").run() }
                let done = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)")
                    .first() != nil
                if done { return false }
                for statement in migration.statements(for: database.engine) { try await db.raw(SQLQueryString(statement)).run() }
                try await migration.fill?(db)
                try await db.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Int(now.timeIntervalSince1970)))
                    """).run()
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }
}
