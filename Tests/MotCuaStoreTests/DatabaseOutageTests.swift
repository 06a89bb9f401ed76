import AsyncKit
import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import NIOCore
import Testing
import VaporCSQLite

/// Which errors say the database cannot be reached just now (answered 503, to retry) and which are the request's own.
/// PostgreSQL's errors cannot be made outside PostgresNIO; `DatabaseOutageAPITests` meets them on a real server.
@Suite struct DatabaseOutageTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let error: any Error & Sendable
        let outage: Bool
    }

    static let cases: [Case] = [
        Case(description: "SQLite busy past its wait", error: DirectSQLiteError(status: SQLITE_BUSY, message: "database is locked"), outage: true),
        Case(description: "SQLite disk full", error: DirectSQLiteError(status: SQLITE_FULL, message: "database or disk is full"), outage: true),
        Case(description: "SQLite short read (an extended I/O code)", error: DirectSQLiteError(status: SQLITE_IOERR | (2 << 8), message: "disk I/O error"), outage: true),
        Case(description: "SQLite ended the batch's transaction", error: TransactionEnded(), outage: true),
        Case(description: "the database not answering by the request's deadline", error: DatabaseDidNotAnswer(allowed: .seconds(10)), outage: true),
        Case(description: "SQLite unique constraint", error: DirectSQLiteError(status: SQLITE_CONSTRAINT, message: "UNIQUE constraint failed"), outage: false),
        Case(description: "SQLite syntax error", error: DirectSQLiteError(status: SQLITE_ERROR, message: "near \"SELEC\""), outage: false),
        Case(description: "no connection from the pool in time", error: ConnectionPoolTimeoutError.connectionRequestTimeout, outage: true),
        Case(description: "the pool shut down", error: ConnectionPoolError.shutdown, outage: true),
        Case(description: "connection refused", error: IOError(errnoCode: ECONNREFUSED, reason: "connect"), outage: true),
        Case(description: "connection reset", error: IOError(errnoCode: ECONNRESET, reason: "read"), outage: true),
        Case(description: "a file not found", error: IOError(errnoCode: ENOENT, reason: "open"), outage: false),
        Case(description: "a query on a closed connection", error: ChannelError.ioOnClosedChannel, outage: true),
        Case(description: "connecting timed out", error: ChannelError.connectTimeout(.seconds(10)), outage: true),
        Case(description: "a channel misused", error: ChannelError.inappropriateOperationForState, outage: false),
        Case(description: "a body that is not JSON", error: DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "")), outage: false),
    ]

    @Test(arguments: cases)
    func anOutageIsToldFromTheRequestsOwnErrors(_ case: Case) {
        #expect(DatabaseOutage.isOutage(`case`.error) == `case`.outage)
    }

    /// A text PostgreSQL's columns refuse (one holding U+0000) is told apart as the sender's fault (`UnstorableText`),
    /// not an outage; SQLite stores it whole.
    @Test(arguments: TestEngine.available)
    func aTextTheDatabaseRefusesIsTheSendersFault(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let act = AuditAct(at: Date(timeIntervalSince1970: 1_772_416_800), actor: "he-thong", action: "thu", subject: "a\u{0}b", detail: "")
            do {
                try await database.write { db in try await AuditLog.keep(act, in: db) }
                #expect(engine == .sqlite, "stored on \(engine)")
                try await AuditLog(database: database).seal()
                #expect(try await AuditLog(database: database).entries().map(\.subject) == ["a\u{0}b"])
            } catch {
                #expect(engine == .postgres, "\(error)")
                #expect(UnstorableText.isUnstorableText(error), "\(error)")
                #expect(!DatabaseOutage.isOutage(error))
            }
        }
    }

    /// A server that cannot be opened is told with what PostgreSQL said — here, that the database named does not
    /// exist — not with PostgresNIO's sentence that names nothing.
    @Test(.enabled(if: TestDatabases.postgresURL != nil))
    func aPostgreSQLDatabaseThatCannotBeOpenedIsNamedWithWhatPostgreSQLSaid() async throws {
        var url = try #require(URLComponents(string: TestDatabases.postgresURL ?? ""))
        url.path = "/motcua_khong_co_csdl_nay"
        do {
            let database = try await Database.open(try #require(url.string))
            await database.close()
            Issue.record("a database that does not exist was opened")
        } catch {
            #expect(String(describing: error).contains("database \"motcua_khong_co_csdl_nay\" does not exist"), "\(error)")
            #expect(String(describing: error).hasPrefix("Không mở được cơ sở dữ liệu PostgreSQL"), "\(error)")
        }
    }
}
