import Foundation
import SQLKit

/// Dữ liệu dùng lại từ CSDL dân cư — which of a dossier's applicant fields were filled in from the national
/// population registry and still matched it when the dossier was received (a national scoring indicator counts
/// dossiers that reused it).
public struct RegistryReuseStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Records the fields in the intake's own transaction.
    public static func record(_ fields: [String], of dossierCode: String, in db: any SQLDatabase) async throws {
        for field in Set(fields) {
            try await db.raw("INSERT INTO dossier_registry_fields (dossier_code, field) VALUES (\(bind: dossierCode), \(bind: field))").run()
        }
    }

    /// The dossier's fields that came from the registry, by name.
    public func fields(of dossierCode: String) async throws -> [String] {
        try await database.read { db in
            try await db.raw("""
                SELECT field FROM dossier_registry_fields WHERE dossier_code = \(bind: dossierCode) ORDER BY field
                """).all().map { try $0.decode(column: "field", as: String.self) }
        }
    }
}
