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

    /// How a request's writes are made, its key's answer among them.
    public enum Writes: Sendable {
        /// In a transaction (`Database.write`).
        case inTransaction
        /// As one statement, on PostgreSQL its own transaction (`Database.writeAsOneStatement`).
        case asOneStatement
        /// As one statement that writes the key's answer whatever else it finds (a new dossier's): a key used before
        /// makes it fail.
        case asOneStatementAlwaysWritingTheKey

        /// Runs `body` as these writes are made.
        public func run<T: Sendable>(in database: Database, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            self == .inTransaction ? try await database.write(body) : try await database.writeAsOneStatement(body)
        }
    }

    /// Runs `work` — which writes `key`'s answer with its other writes — as `writes` says, unless the key has an
    /// answer already; then that answer, given to `earlier` (a retry's answer, or a refusal), is the result.
    ///
    /// The key is looked up first, in the same transaction. Copies of one request sent at once (a double click, a
    /// client's eager retry) all find no answer on PostgreSQL, and the later ones fail — at the key's unique index, or
    /// at a row the first one changed — once the first has committed: a write that fails is answered from the key
    /// if it has an answer by then, and otherwise fails with its error. (On SQLite the one writer runs them in turn,
    /// and the later ones find the answer.) When `work`'s one statement writes the key's row whatever else it finds
    /// (`asOneStatementAlwaysWritingTheKey`), PostgreSQL is not asked first — a key used before stops that statement,
    /// which undoes all of it, and is answered after — a round trip fewer for every new request; SQLite is, on the
    /// writer, where a write failing after others in its batch would have the batch run again.
    public static func once<T: Sendable>(username: String, key: String, in database: Database, _ writes: Writes,
                                         earlier: @escaping @Sendable (Recorded) throws -> T,
                                         _ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let lookingUpFirst = writes != .asOneStatementAlwaysWritingTheKey || database.engine == .sqlite
        do {
            return try await writes.run(in: database) { db in
                if lookingUpFirst, let found = try await recorded(username: username, key: key, in: db) { return try earlier(found) }
                return try await work(db)
            }
        } catch {
            guard let found = try? await database.read({ db in try await recorded(username: username, key: key, in: db) }) else {
                throw error
            }
            return try earlier(found)
        }
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
