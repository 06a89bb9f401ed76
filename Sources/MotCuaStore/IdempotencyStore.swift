import Foundation
import SQLKit

/// Khoá chống lặp — remembers the answer to each state-changing request that carried an `Idempotency-Key`,
/// saved in the same transaction as the change, so a retry gets the first answer and changes nothing.
public enum IdempotencyStore {
    /// How long an answer is kept for a retry: far longer than any client waits before sending again, and short
    /// enough that the table (a copy of every answer) does not grow with the years. The retention sweep removes
    /// older ones.
    public static let keptFor: TimeInterval = 7 * 86_400

    /// The stored answer to an earlier request with the same key.
    public struct Recorded: Sendable {
        public let requestHash: String
        /// The request line and body as sent (nil for answers stored before they were kept).
        public let request: String?
        public let status: Int
        public let response: String
    }

    public static func recorded(username: String, key: String, in db: any SQLDatabase) async throws -> Recorded? {
        try await db.first("""
            SELECT request_hash, request, status, response FROM idempotency_keys
            WHERE username = \(bind: username) AND idem_key = \(bind: key)
            """).map {
            Recorded(requestHash: try $0.decode(column: "request_hash", as: String.self),
                     request: try $0.decode(column: "request", as: String?.self),
                     status: try $0.decode(column: "status", as: Int.self),
                     response: try $0.decode(column: "response", as: String.self))
        }
    }

    /// The answer `key` has after a write under it failed with `error`, or that error if it has none: when copies of
    /// one request are sent at once on PostgreSQL, all find no answer, and the later ones fail — at the key's unique
    /// index, or at a row the first one changed — once the first has committed its answer. (On SQLite the one writer
    /// runs them in turn, and the later ones find it.)
    public static func answer(after error: any Error, username: String, key: String, in database: Database) async throws -> Recorded {
        guard let earlier = try? await database.read({ db in try await recorded(username: username, key: key, in: db) }) else {
            throw error
        }
        return earlier
    }

    /// The row that keeps an answer: its statement run in the request's transaction (`SQLDatabase.run`), or the row
    /// handed to the request's own last writes (`DossierStore.receive`'s and `DossierStore.save`'s `alsoWriting`).
    public static func recording(username: String, key: String, requestHash: String, request: String?, status: Int,
                                 response: String, now: Date) -> RowInsert {
        RowInsert(head: "INSERT INTO idempotency_keys (username, idem_key, request_hash, request, status, response, created_at)",
                  values: """
                  \(bind: username), \(bind: key), \(bind: requestHash), \(bind: request), \(bind: status), \(bind: response),
                  \(bind: now.epochSeconds)
                  """)
    }
}
