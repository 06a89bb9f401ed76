import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// Cơ sở dữ liệu — the one handle the rest of MotCua uses to reach its database, embedded SQLite or PostgreSQL.
///
/// Reads run on any connection; writes run in a transaction (`write`). On SQLite one writer connection commits
/// the writes waiting for it together (`GroupCommit`; WAL, `synchronous=FULL` by default: an acknowledged write
/// survives a crash or a power cut), a few read-only connections serve reads side by side (`ReaderPool`), and one
/// more copies the log back into the file (`Checkpointer`). On PostgreSQL a connection pool serves
/// both, and rows are locked by the statements themselves, so several server processes may share one database.
public final class Database: Sendable {
    /// Which engine is behind the handle.
    public enum Engine: String, Sendable {
        case sqlite
        case postgres
    }

    /// Độ bền — when SQLite reports a commit done (`PRAGMA synchronous` in WAL mode). PostgreSQL keeps its own
    /// server setting.
    public enum Durability: String, Sendable, CaseIterable {
        /// On disk before the answer: survives a crash of the process, of the machine, and a power cut.
        case full = "FULL"
        /// In the operating system before the answer, on disk at the next checkpoint: survives a crash of the
        /// process, but a power cut may lose the last commits.
        case normal = "NORMAL"
    }

    public let engine: Engine
    /// On SQLite, the database file's path; nil on PostgreSQL.
    public let sqliteFile: String?
    /// How long an SQLite connection waits for a lock another holds before giving up.
    static let busyTimeoutMilliseconds = 10_000
    private let backend: Backend

    private enum Backend: Sendable {
        case sqlite(readers: ReaderPool, commits: GroupCommit, checkpoints: Checkpointer)
        case postgres(PostgresPool)
    }

    /// AsyncKit's pool hands connections out under its own locks; it predates Sendable annotations.
    private struct PostgresPool: @unchecked Sendable {
        let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
        /// The statements its connections prepare, one name each across the pool.
        let statements = PreparedStatementNames()
        /// Its writes that come at once (numbered writes by register, rows kept alone by table).
        let rounds = PostgresRounds()

        /// Runs `body` with a connection of the pool. A transaction, several round trips, runs `onItsEventLoop`
        /// (`EventLoopTaskExecutor`); one or two queries gain nothing there, the hop to the loop and back costing
        /// what it saves. When `eachStatementCommits` (no BEGIN), its numbered writes and rows kept alone may go with others'.
        /// Under an `AnswerDeadline`, a connection that does not answer in time is closed.
        func withConnection<T: Sendable>(onItsEventLoop: Bool, eachStatementCommits: Bool = false,
                                          _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            let box = self
            let connection = try await AnswerDeadline.answer(requesting: { pool.requestConnection() },
                                                             late: { box.pool.releaseConnection($0) })
            defer { pool.releaseConnection(connection) }
            let loop = EventLoopTaskExecutor(eventLoop: connection.eventLoop)
            let db = PostgresStatementDatabase(connection: connection, loop: loop, names: statements,
                                               rounds: eachStatementCommits ? rounds : nil)
            return try await AnswerDeadline.run(on: connection) {
                guard onItsEventLoop else { return try await body(db) }
                return try await withTaskExecutorPreference(loop) { try await body(db) }
            }
        }
    }

    /// Whether `location` names a PostgreSQL database (a `postgres://` or `postgresql://` URL) rather than an SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Opens `location`: a `postgres://` (or `postgresql://`) URL, or a path to an SQLite file.
    public static func open(_ location: String, durability: Durability = .full,
                            logger: Logger = Logger(label: "motcua.db")) async throws -> Database {
        if isPostgres(location) {
            var configuration = try SQLPostgresConfiguration(url: location)
            configuration.coreConfiguration.options.additionalStartupParameters += PostgresDurability.sessionParameters
            // The pool's own log says "Connection request timed out" for every request that waited past its limit
            // while the database was out of reach: what the server logs once every few seconds (`OutageLog`).
            var poolLogger = logger
            poolLogger.logLevel = .critical
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: max(2, 8 / System.coreCount),
                logger: poolLogger,
                on: MultiThreadedEventLoopGroup.singleton
            )
            let database = Database(engine: .postgres, backend: .postgres(PostgresPool(pool: pool)))
            do {
                for risk in try await database.durabilityRisks() {
                    logger.critical("PostgreSQL may lose answered writes: \(risk)")
                }
            } catch {
                await database.close()
                throw PostgresUnopened(cause: error)
            }
            return database
        }
        let writer = try DirectSQLite.open(path: location)
        let readers: ReaderPool
        do {
            // WAL first, by the writer: the readers open a file already in WAL mode. A batch run again with a
            // savepoint per write (`GroupCommit`) keeps their journal of pages to restore in memory (`temp_store`).
            for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=\(durability.rawValue)", "PRAGMA foreign_keys=ON",
                           "PRAGMA busy_timeout=\(busyTimeoutMilliseconds)", "PRAGMA temp_store=MEMORY"] {
                try writer.execute(pragma, []) { _, _ in }
            }
            try AuditHashFunction.add(to: writer)
            readers = try ReaderPool(path: location, logger: logger)
        } catch {
            writer.close()
            throw error
        }
        let checkpoints: Checkpointer
        do {
            checkpoints = try Checkpointer(path: location, durability: durability, watching: writer, logger: logger)
        } catch {
            writer.close()
            readers.close()
            throw error
        }
        return Database(engine: .sqlite, sqliteFile: location,
                        backend: .sqlite(readers: readers, commits: GroupCommit(connection: writer, checkpoints: checkpoints, logger: logger),
                                         checkpoints: checkpoints))
    }

    private init(engine: Engine, sqliteFile: String? = nil, backend: Backend) {
        self.engine = engine
        self.sqliteFile = sqliteFile
        self.backend = backend
    }

    /// Runs queries that only read. On SQLite they run on a reader's thread (`ReaderPool`), and may go on after
    /// their caller was given up on at its deadline.
    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let readers, _, _):
            return try await readers.read { try await body($0) }
        case .postgres(let box):
            return try await box.withConnection(onItsEventLoop: false) { try await body($0) }
        }
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it if it throws. Returns once the
    /// commit is durable.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(_, let commits, _):
            return try await commits.write(body)
        case .postgres(let box):
            return try await box.withConnection(onItsEventLoop: true) { try await Self.transaction($0, begin: "BEGIN", body) }
        }
    }

    /// Runs `body`, whose writes are all one statement (reads may come before it), durable when this returns. On
    /// PostgreSQL that statement is its own transaction — no BEGIN and COMMIT, two round trips fewer — so `body` must
    /// never write with a second one (a query or two: not worth a hop to the connection's loop); on SQLite it runs in
    /// the next batch as any write.
    public func writeAsOneStatement<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(_, let commits, _):
            return try await commits.write(body)
        case .postgres(let box):
            return try await box.withConnection(onItsEventLoop: false, eachStatementCommits: true) { try await body($0) }
        }
    }

    /// Runs one statement as a transaction of its own, durable when this returns (`writeAsOneStatement`).
    func write(_ statement: BoundStatement) async throws {
        try await writeAsOneStatement { db in try await db.run(statement) }
    }

    /// Inserts one row as a transaction of its own, durable when this returns: on PostgreSQL in one statement with
    /// the rows of its table that other requests insert at once (`PostgresRounds`).
    func insert(_ row: RowInsert) async throws {
        try await writeAsOneStatement { db in
            if let rounds = db.rounds { try await rounds.insert(row, on: db) } else { try await db.run(row.statement) }
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

    /// On PostgreSQL, how many writes that came at once (intakes, rows kept alone) went in how many statements so
    /// far; nil on SQLite.
    public var roundStatistics: PostgresRounds.Statistics? {
        if case .postgres(let box) = backend { return box.rounds.statistics }
        return nil
    }

    /// On SQLite, how many writes went into how many commits so far; nil on PostgreSQL.
    public var groupCommitStatistics: GroupCommit.Statistics? {
        if case .sqlite(_, let commits, _) = backend { return commits.statistics }
        return nil
    }

    /// On SQLite, the dossiers this server's writer committed last (`CommittedDossiers`); nil on PostgreSQL.
    var committedDossiers: CommittedDossiers? {
        if case .sqlite(_, let commits, _) = backend { return commits.committedDossiers }
        return nil
    }

    /// Runs `body` with the database, then closes it, whatever happens.
    public func closedAfter<T>(_ body: (Database) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }

    /// Closes every connection; on SQLite, returns once the last has closed and folded the log into the file.
    public func close() async {
        switch backend {
        case .sqlite(let readers, let commits, let checkpoints):
            commits.close()
            readers.close()
            await checkpoints.stop()
        case .postgres(let box):
            try? await box.pool.shutdownAsync()
        }
    }
}
