import Foundation
import MotCuaCore
import SQLKit

/// Đánh giá hồ sơ — the applicants' ratings, one per dossier.
public struct RatingStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Records the rating if the dossier has none yet; returns whether it did (two at once: one wins).
    public func add(_ rating: Rating, to dossierCode: String) async throws -> Bool {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO dossier_ratings (dossier_code, level, comment, rated_at)
                VALUES (\(bind: dossierCode), \(bind: rating.level.rawValue), \(bind: rating.comment), \(bind: rating.ratedAt.epochSeconds))
                ON CONFLICT (dossier_code) DO NOTHING RETURNING dossier_code
                """).first() != nil
        }
    }

    public func rating(of dossierCode: String) async throws -> Rating? {
        try await database.read { db in
            guard let row = try await db.raw("""
                SELECT level, comment, rated_at FROM dossier_ratings WHERE dossier_code = \(bind: dossierCode)
                """).first(), let level = Rating.Level(rawValue: try row.decode(column: "level", as: String.self)) else { return nil }
            return Rating(level: level, comment: try row.decode(column: "comment", as: String?.self),
                          ratedAt: Date(epochSeconds: try row.decode(column: "rated_at", as: Int.self)))
        }
    }
}
