import Foundation
import MotCuaCore
import SQLKit

/// Thời hạn lưu giữ — what MotCua stops keeping, and when: online drafts never filed and untouched for the retention
/// period (with the personal data typed into them), sessions and sign-in requests once expired, the counts of
/// failed sign-ins of windows past, answers kept for retries once `IdempotencyStore.keptFor` has passed. Dossiers, their
/// files, the document stores and the audit trail are records of the State and are never swept here.
public struct RetentionStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// How many rows one sweep removed, by kind.
    public struct Swept: Sendable, Equatable {
        public let drafts: Int
        public let sessions: Int
        public let answers: Int
    }

    /// Removes drafts not filed and unchanged since `cutoff`, every session, token and sign-in request that has
    /// expired by `now`, and the answers kept for retries past their time, in one transaction; the drafts' removal
    /// is recorded in the audit trail.
    public func sweep(draftsUnchangedSince cutoff: Date, now: Date) async throws -> Swept {
        try await database.write { db in
            let drafts = try await db.raw("""
                DELETE FROM online_drafts WHERE dossier_code IS NULL AND updated_at < \(bind: cutoff.epochSeconds) RETURNING code
                """).all().count
            var sessions = 0
            for table in ["citizen_sessions", "tokens"] {
                sessions += try await db.raw("""
                    DELETE FROM \(ident: table) WHERE expires_at <= \(bind: now.epochSeconds) RETURNING token_hash
                    """).all().count
            }
            try await db.raw("""
                DELETE FROM sign_in_requests WHERE created_at < \(bind: now.addingTimeInterval(-CitizenStore.signInRequestLifetime).epochSeconds)
                """).run()
            try await db.raw("""
                DELETE FROM sign_in_failures_by_address WHERE window_start < \(bind: SignInLockout.addressWindowStart(now.epochSeconds))
                """).run()
            let answers = try await db.raw("""
                DELETE FROM idempotency_keys WHERE created_at < \(bind: now.addingTimeInterval(-IdempotencyStore.keptFor).epochSeconds)
                RETURNING idem_key
                """).all().count
            if drafts > 0 {
                try await AuditLog.append(actor: "he-thong", action: "luu-tru.xoa-ban-nhap", subject: "",
                                          detail: "\(drafts) bản nháp không nộp từ trước \(cutoff.epochSeconds)", at: now, in: db)
            }
            return Swept(drafts: drafts, sessions: sessions, answers: answers)
        }
    }

    /// The checksums of every kept file something still refers to: a dossier's files, supplements and results,
    /// a citizen's stored documents, and the files of the drafts still kept.
    public func referencedFiles() async throws -> Set<String> {
        try await database.read { db in
            var referenced = Set<String>()
            for table in ["dossier_files", "dossier_supplements", "dossier_result_files", "citizen_documents"] {
                for row in try await db.raw("SELECT sha256 FROM \(ident: table) WHERE sha256 IS NOT NULL").all() {
                    referenced.insert(try row.decode(column: "sha256", as: String.self))
                }
            }
            for row in try await db.raw("SELECT body FROM online_drafts").all() {
                let draft = try JSONColumn.decode(OnlineFilingStore.Draft.self, from: try row.decode(column: "body", as: String.self))
                referenced.formUnion(draft.files.map(\.sha256))
            }
            return referenced
        }
    }
}
