import Foundation
import MotCuaStore

/// Nội dung bản sao cơ sở dữ liệu — what a copy of the database holds, checked through the product's own code: SQLite's
/// integrity check, the audit chain walked whole (and held to the head the backup recorded, if any), its dossiers
/// counted, and the kept files it refers to (`RetentionStore.referencedFiles`).
struct BackupDatabaseContents: Sendable {
    let dossiers: Int
    let audit: AuditLog.Head
    let referencedFiles: Set<String>
    /// What does not hold, in words for the operator; empty when the copy is sound.
    let problems: [String]

    /// Opens the SQLite copy at `path` and checks it. Opening changes the file (its journal becomes a write-ahead
    /// log), so `path` is a copy being made or a scratch copy, never the kept backup itself.
    static func check(copyAt path: String, expectedHead: AuditLog.Head?) async throws -> BackupDatabaseContents {
        try await Database.open(path).closedAfter { try await check($0, expectedHead: expectedHead) }
    }

    private static func check(_ database: Database, expectedHead: AuditLog.Head?) async throws -> BackupDatabaseContents {
        var problems: [String] = []
        let integrity = try await database.read { db in
            try await db.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
        }
        if integrity != ["ok"] {
            problems.append("SQLite báo tệp cơ sở dữ liệu hỏng: " + integrity.prefix(5).joined(separator: "; "))
        }
        let audit = AuditLog(database: database)
        do {
            _ = try await audit.verify(expected: expectedHead)
        } catch let broken as AuditLog.Break {
            problems.append("chuỗi nhật ký kiểm toán bị phá vỡ tại mục \(broken.seq): \(broken.reason)")
        }
        let head = try await audit.head()
        if let expectedHead, head != expectedHead {
            problems.append("nhật ký kiểm toán dừng ở mục \(head.seq), bản kê ghi mục \(expectedHead.seq)")
        }
        let dossiers = try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM dossiers").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return BackupDatabaseContents(dossiers: dossiers, audit: head,
                                      referencedFiles: try await RetentionStore(database: database).referencedFiles(),
                                      problems: problems)
    }
}
