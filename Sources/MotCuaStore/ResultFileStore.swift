import Foundation
import MotCuaCore
import SQLKit

/// Tệp kết quả của hồ sơ — the result documents attached to a dossier once decided, numbered in the order
/// attached, for the applicant to download from tracking and the officers from the dossier's page.
public struct ResultFileStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// One result document.
    public struct Entry: Sendable, Hashable {
        public let sequence: Int
        /// The file, as the document named by the result's title.
        public let file: AttachedFile
        public let attachedBy: String
        public let attachedAt: Date

        /// Tên giấy tờ kết quả — "Giấy khai sinh".
        public var title: String { file.documentName }
    }

    /// Attaches a file under `title`, and keeps it in the document store of the citizen it is issued to (`landing`:
    /// their personal ID and the issuing agency's name), in one transaction; returns its number in the dossier.
    public func add(_ file: AttachedFile, title: String, to dossierCode: String, by username: String, at now: Date,
                    landing owner: (personalId: String, issuer: String)?) async throws -> Int {
        try await database.write { db in
            try await TransactionLock.resultFiles.take(for: dossierCode, in: db)
            let next = (try await db.raw("""
                SELECT COALESCE(MAX(seq), 0) AS n FROM dossier_result_files WHERE dossier_code = \(bind: dossierCode)
                """).first()?.decode(column: "n", as: Int.self) ?? 0) + 1
            try await db.raw("""
                INSERT INTO dossier_result_files (dossier_code, seq, title, file_name, media_type, size, sha256, attached_by, attached_at)
                VALUES (\(bind: dossierCode), \(bind: next), \(bind: title), \(bind: file.fileName), \(bind: file.mediaType.rawValue),
                  \(bind: file.size), \(bind: file.sha256), \(bind: username), \(bind: now.epochSeconds))
                """).run()
            if let owner {
                try await CitizenDocumentStore.add(StoredDocument(id: UUID().uuidString, personalId: owner.personalId, title: title,
                                                                  issuer: owner.issuer, issuedOn: WorkingCalendar.local(now).date.description,
                                                                  source: .result, dossierCode: dossierCode, file: file), at: now, in: db)
            }
            return next
        }
    }

    public func entries(of dossierCode: String) async throws -> [Entry] {
        try await database.read { db in
            try await db.raw("""
                SELECT seq, title, file_name, media_type, size, sha256, attached_by, attached_at FROM dossier_result_files
                WHERE dossier_code = \(bind: dossierCode) ORDER BY seq
                """).all().compactMap { row in
                let sequence = try row.decode(column: "seq", as: Int.self)
                guard let file = try AttachedFile(row: row, documentIndex: sequence,
                                                  documentName: try row.decode(column: "title", as: String.self)) else { return nil }
                return Entry(sequence: sequence, file: file, attachedBy: try row.decode(column: "attached_by", as: String.self),
                             attachedAt: Date(epochSeconds: try row.decode(column: "attached_at", as: Int.self)))
            }
        }
    }
}
