import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// Kết nối PostgreSQL cho câu lệnh có tham số — a PostgreSQL connection as SQLKit's `SQLDatabase`, which runs
/// MotCua's `BoundStatement`s (the hot paths) itself and everything else through PostgresKit.
///
/// A `BoundStatement` goes to PostgreSQL with its values bound as they are typed (text, `int8`, `float8`; a NULL keeps
/// its type), not through SQLKit's serialiser and PostgresKit's `Encodable` coder. Once the same text has run
/// `PreparedStatementNames.runsBeforePreparing` times on the pool, it is prepared on each connection the first time
/// it runs there and afterwards only bound and executed: PostgreSQL no longer parses, analyses and plans it each
/// time (a third of its own time under the intake load, `perf record -a`).
///
/// Every query is written to the connection from its event loop, and only while the connection is open
/// (`onOpenConnection`): PostgresNIO drops a query written to a connection whose channel is already gone (its write
/// is made with no promise to fail), and the request would wait for ever — as requests did after a crash of
/// PostgreSQL, each holding a connection that had died while it waited, and the server's shutdown waited with them.
struct PostgresStatementDatabase: SQLDatabase {
    let connection: PostgresConnection
    /// The connection's event loop as a task executor (`EventLoopTaskExecutor`).
    let loop: EventLoopTaskExecutor
    let names: PreparedStatementNames
    /// Where its numbered writes and rows kept alone go when each of its statements is its own transaction; nil
    /// inside a transaction.
    let rounds: PostgresRounds?
    /// PostgresKit's database on the same connection, for SQLKit's queries.
    private let sqlKit: any SQLDatabase

    init(connection: PostgresConnection, loop: EventLoopTaskExecutor, names: PreparedStatementNames, rounds: PostgresRounds?) {
        self.connection = connection
        self.loop = loop
        self.names = names
        self.rounds = rounds
        sqlKit = connection.sql()
    }

    var logger: Logger { sqlKit.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { sqlKit.dialect }
    var version: (any SQLDatabaseReportedVersion)? { sqlKit.version }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        connection.eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await onOpenConnection { try await sqlKit.execute(sql: query, onRow) }
    }

    /// Runs `statement` — prepared on this connection when its text has run often enough — and returns its rows.
    func all(_ statement: BoundStatement) async throws -> [any SQLRow] {
        let key = PreparedStatementNames.Key(statement)
        let bindings = statement.postgresBindings
        return try await onOpenConnection {
            var rows: [any SQLRow] = []
            if let prepared = names.prepared(key) {
                let sequence = try await NamedStatement.$running.withValue(prepared) {
                    try await connection.execute(NamedStatement(bindings: bindings), logger: logger)
                }
                for try await row in sequence { rows.append(row.sql()) }
            } else {
                let sql = statement.postgresText
                let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
                for try await row in sequence { rows.append(row.sql()) }
                names.ran(key, sql: sql)
            }
            return rows
        }
    }

    /// Runs `query` on the connection's event loop if the connection is open there, else fails it as PostgresNIO
    /// would a query on a closed connection. On the loop nothing else changes the channel meanwhile, and PostgresNIO
    /// writes a query without waiting, so the query reaches the connection's handler, which answers or fails it.
    private func onOpenConnection<T: Sendable>(_ query: () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(loop) {
            guard !connection.isClosed else { throw ChannelError.ioOnClosedChannel }
            return try await query()
        }
    }
}

/// PostgresNIO names a prepared statement by a type (`PostgresPreparedStatement`'s static `name`, `sql` and
/// parameter types); MotCua's statements are values, so this one type reads them from the statement its task is
/// running (`running`, bound around each execution by `PostgresStatementDatabase.all`).
private struct NamedStatement: PostgresPreparedStatement {
    typealias Row = PostgresRow

    @TaskLocal static var running = PreparedStatementNames.Prepared(name: "", sql: "", types: [])

    static var name: String { running.name }
    static var sql: String { running.sql }
    static var bindingDataTypes: [PostgresDataType] { running.types }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
