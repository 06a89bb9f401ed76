import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// Cơ sở dữ liệu — the one handle the rest of MotCua uses to reach its database, embedded SQLite or PostgreSQL.
///
/// Reads run on any connection; writes run in a transaction (`write`). On SQLite one writer connection takes
/// transactions one at a time (WAL, `synchronous=FULL`: a committed write survives a crash or a power cut) and
/// a second connection serves reads. On PostgreSQL a connection pool serves both, and rows are locked by the
/// statements themselves, so several server processes may share one database.
public final class Database: Sendable {
    /// Which engine is behind the handle.
    public enum Engine: String, Sendable {
        case sqlite
        case postgres
    }

    public let engine: Engine
    private let backend: Backend

    private enum Backend: Sendable {
        case sqlite(writer: SQLiteConnection, reader: SQLiteConnection, lock: AsyncLock)
        case postgres(PostgresPool)
    }

    /// AsyncKit's pool hands connections out under its own locks; it predates Sendable annotations.
    private struct PostgresPool: @unchecked Sendable {
        let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    }

    /// Opens `location`: a `postgres://` (or `postgresql://`) URL, or a path to an SQLite file.
    public static func open(_ location: String, logger: Logger = Logger(label: "motcua.db")) async throws -> Database {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            let configuration = try SQLPostgresConfiguration(url: location)
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: max(2, 8 / System.coreCount),
                logger: logger,
                on: MultiThreadedEventLoopGroup.singleton
            )
            return Database(engine: .postgres, backend: .postgres(PostgresPool(pool: pool)))
        }
        let writer = try await SQLiteConnection.open(storage: .file(path: location), logger: logger)
        let reader: SQLiteConnection
        do {
            for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                           "PRAGMA busy_timeout=10000"] {
                _ = try await writer.query(pragma)
            }
            reader = try await SQLiteConnection.open(storage: .file(path: location), logger: logger)
            _ = try await reader.query("PRAGMA busy_timeout=10000")
        } catch {
            try? await writer.close()
            throw error
        }
        return Database(engine: .sqlite, backend: .sqlite(writer: writer, reader: reader, lock: AsyncLock()))
    }

    private init(engine: Engine, backend: Backend) {
        self.engine = engine
        self.backend = backend
    }

    /// Runs queries that only read.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(_, let reader, _):
            return try await body(reader.sql())
        case .postgres(let box):
            let pool = box.pool
            let connection = try await pool.requestConnection().get()
            defer { pool.releaseConnection(connection) }
            return try await body(connection.sql())
        }
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it if it throws.
    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, _, let lock):
            return try await lock.withLock {
                try await Self.transaction(writer.sql(), begin: "BEGIN IMMEDIATE", body)
            }
        case .postgres(let box):
            let pool = box.pool
            let connection = try await pool.requestConnection().get()
            defer { pool.releaseConnection(connection) }
            return try await Self.transaction(connection.sql(), begin: "BEGIN", body)
        }
    }

    private static func transaction<T>(_ db: any SQLDatabase, begin: String,
                                       _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Closes every connection.
    public func close() async {
        switch backend {
        case .sqlite(let writer, let reader, _):
            try? await writer.close()
            try? await reader.close()
        case .postgres(let box):
            try? await box.pool.shutdownAsync()
        }
    }
}

/// A first-come, first-served lock for async code: the SQLite writer's turn-taking.
actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
