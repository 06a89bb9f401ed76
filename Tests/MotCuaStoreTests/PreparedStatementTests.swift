import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// Câu lệnh chuẩn bị sẵn — on PostgreSQL a statement the pool has run often enough is prepared on a connection the
/// first time it runs there, then only bound and run; its rows are the same as before, NULLs of every kind
/// included, and a statement run once is never prepared. On SQLite every statement is kept prepared, found again by
/// its text.
@Suite struct PreparedStatementTests {
    /// The key SQLite's prepared statements are kept under hashes a text's length and its two ends only: texts alike
    /// there are still each their own statement, the first time and from the cache.
    @Test func sqliteTextsAlikeAtBothEndsAreEachTheirOwnStatement() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-prepared-\(UUID().uuidString).sqlite").path
        defer { TestDatabases.removeSQLite(at: path) }
        let connection = try DirectSQLite.open(path: path)
        defer { connection.close() }
        let padding = String(repeating: " ", count: 40)
        func selected(_ middle: String) throws -> String? {
            var read: String?
            try connection.execute("SELECT\(padding)'\(middle)'\(padding)AS v", []) { _, values in
                if case .text(let text) = values[0] { read = text }
            }
            return read
        }
        for _ in 0..<2 {
            #expect(try selected("mot") == "mot")
            #expect(try selected("hai") == "hai")
        }
    }

    @Test func aTextIsNamedOnlyOnceItHasRunOftenEnough() throws {
        let names = PreparedStatementNames()
        let statement: BoundStatement = "SELECT name FROM t WHERE id = \(bind: 1) AND note = \(bind: nil as String?)"
        let key = PreparedStatementNames.Key(statement)
        for _ in 1..<PreparedStatementNames.runsBeforePreparing {
            names.ran(key, sql: statement.postgresText)
            #expect(names.prepared(key) == nil)
        }
        names.ran(key, sql: statement.postgresText)
        let prepared = try #require(names.prepared(key))
        #expect(prepared.sql == "SELECT name FROM t WHERE id = $1 AND note = $2")
        #expect(prepared.types == [.int8, .text])
    }

    /// The same text with values of other types is another statement (PostgreSQL fixes a statement's parameter
    /// types when it prepares it), and no more than `limit` texts are ever named.
    @Test func eachTextAndTypesHaveANameOfTheirOwnUpToTheLimit() {
        let names = PreparedStatementNames()
        func runOftenEnough(_ statement: BoundStatement) -> PreparedStatementNames.Prepared? {
            let key = PreparedStatementNames.Key(statement)
            for _ in 0..<PreparedStatementNames.runsBeforePreparing { names.ran(key, sql: statement.postgresText) }
            return names.prepared(key)
        }
        let byNumber = runOftenEnough("SELECT \(bind: 1) AS v")
        let byText = runOftenEnough("SELECT \(bind: "1") AS v")
        #expect(byNumber != nil && byText != nil && byNumber?.name != byText?.name)
        for index in 2..<PreparedStatementNames.limit { _ = runOftenEnough("SELECT \(bind: index) AS v\(raw: String(index))") }
        #expect(runOftenEnough("SELECT \(bind: 1) AS one_too_many") == nil)
        #expect(runOftenEnough("SELECT \(bind: 1) AS v") != nil, "what was named stays named")
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs MOTCUA_TEST_POSTGRES_URL"))
    func aStatementRunOftenIsPreparedOnItsConnectionAndReadsBackTheSame() async throws {
        try await TestDatabases.withDatabase(.postgres, demo: false) { database in
            let rows: [(Int, String?, Int?, Double?)] = [(1, "Nguyễn Văn An", 42, 0.5), (2, nil, nil, nil), (3, "", -7, -1.25),
                                                         (4, "Đội Cấn", nil, 2.0)]
            let (read, prepared) = try await database.write { db in
                try await db.raw("CREATE TEMPORARY TABLE prepared_rows (id BIGINT PRIMARY KEY, name TEXT, amount BIGINT, ratio DOUBLE PRECISION) ON COMMIT DROP").run()
                var read: [String] = []
                for (id, name, amount, ratio) in rows {
                    try await db.run("INSERT INTO prepared_rows (id, name, amount, ratio) VALUES (\(bind: id), \(bind: name), \(bind: amount), \(bind: ratio))")
                    let row = try #require(try await db.first("SELECT name, amount, ratio FROM prepared_rows WHERE id = \(bind: id)"))
                    read.append("\(String(describing: try row.decode(column: "name", as: String?.self))) "
                                + "\(String(describing: try row.decode(column: "amount", as: Int?.self))) "
                                + "\(String(describing: try row.decode(column: "ratio", as: Double?.self)))")
                }
                try await db.run("SELECT \(bind: "chỉ một lần") AS once")
                let prepared = try await db.raw("SELECT statement, parameter_types::text AS types FROM pg_prepared_statements ORDER BY statement")
                    .all().map { "\(try $0.decode(column: "statement", as: String.self)) \(try $0.decode(column: "types", as: String.self))" }
                return (read, prepared)
            }
            #expect(read == rows.map { "\(String(describing: $0.1)) \(String(describing: $0.2)) \(String(describing: $0.3))" })
            #expect(prepared == [
                "INSERT INTO prepared_rows (id, name, amount, ratio) VALUES ($1, $2, $3, $4) {bigint,text,bigint,\"double precision\"}",
                "SELECT name, amount, ratio FROM prepared_rows WHERE id = $1 {bigint}",
            ])
        }
    }
}
