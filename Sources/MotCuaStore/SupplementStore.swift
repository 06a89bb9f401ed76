import Foundation
import MotCuaCore
import SQLKit

/// Bổ sung trực tuyến — what an applicant sends online after a supplement request: a note and files, numbered in
/// the order received. The desk checks them and records the supplement (`da-bo-sung`), which restarts the clock.
public struct SupplementStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// One thing sent: a file (with its note) or a note alone.
    public struct Entry: Sendable, Hashable {
        public let sequence: Int
        public let note: String?
        public let file: AttachedFile?
        public let submittedAt: Date
    }

    /// Records a note and files sent together, in one transaction.
    public func add(note: String?, files: [AttachedFile], to dossierCode: String, at now: Date) async throws {
        try await database.write { db in
            try await TransactionLock.supplements.take(for: dossierCode, in: db)
            var next = try await db.raw("""
                SELECT COALESCE(MAX(seq), 0) AS n FROM dossier_supplements WHERE dossier_code = \(bind: dossierCode)
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            for file in files.isEmpty ? [nil] : files.map(Optional.some) {
                next += 1
                try await db.raw("""
                    INSERT INTO dossier_supplements (dossier_code, seq, note, file_name, media_type, size, sha256, submitted_at)
                    VALUES (\(bind: dossierCode), \(bind: next), \(bind: note), \(bind: file?.fileName), \(bind: file?.mediaType.rawValue),
                      \(bind: file?.size), \(bind: file?.sha256), \(bind: now.epochSeconds))
                    """).run()
            }
        }
    }

    public func entries(of dossierCode: String) async throws -> [Entry] {
        try await database.read { db in
            try await db.raw("""
                SELECT seq, note, file_name, media_type, size, sha256, submitted_at FROM dossier_supplements
                WHERE dossier_code = \(bind: dossierCode) ORDER BY seq
                """).all().map { row in
                let sequence = try row.decode(column: "seq", as: Int.self)
                return Entry(sequence: sequence, note: try row.decode(column: "note", as: String?.self),
                             file: try AttachedFile(row: row, documentIndex: sequence, documentName: "Giấy tờ bổ sung"),
                             submittedAt: Date(epochSeconds: try row.decode(column: "submitted_at", as: Int.self)))
            }
        }
    }
}
