import Foundation
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// Statements of the write path with their values bound in order: SQLite gets the text with a `?` per value, and on
/// both engines a row written that way reads back the same as one written through SQLKit, NULLs of every kind
/// included.
@Suite struct BoundStatementTests {
    @Test func theTextHasAPlaceholderPerValueInOrder() {
        let code = "H26-0001", version: Int? = nil
        let statement: BoundStatement = "UPDATE t SET v = \(bind: version), w = \(bind: 2.5) WHERE code = \(bind: code)"
        #expect(statement.sqlite == "UPDATE t SET v = ?, w = ? WHERE code = ?")
        #expect(statement.values == [.integer(nil), .real(2.5), .text("H26-0001")])
        let plain: BoundStatement = "COMMIT"
        #expect(plain.sqlite == "COMMIT" && plain.values.isEmpty)
    }

    /// Several rows of one INSERT: the rows' text after the head, comma-separated, and their values in order.
    @Test func rowsOfOneInsertFollowTheHeadWithTheirValuesInOrder() {
        let rows = [RowInsert(head: "INSERT INTO t (a, b)", values: "\(bind: 1), \(bind: "Hà Nội")"),
                    RowInsert(head: "INSERT INTO t (a, b)", values: "\(bind: 2), \(bind: nil as String?)")]
        let one = RowInsert.together(rows)
        #expect(one.sqlite == "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)")
        #expect(one.values == [.integer(1), .text("Hà Nội"), .integer(2), .text(nil)])
    }

    /// A numbered write's statements for PostgreSQL: each text value holding the placeholder is wrapped to put the
    /// code in itself, the other values bound as they were.
    @Test func theCodeGoesWhereverAValueHoldsThePlaceholder() {
        let placeholder = "chua-cap-ma-1"
        let statement: BoundStatement = """
            INSERT INTO t (code, n, body, other) VALUES (\(bind: placeholder), \(bind: 7), \(bind: "{\"c\":\"\(placeholder)\"}"), \(bind: "Hà Nội"))
            """
        let placed = statement.placing(placeholder, by: "(SELECT code FROM c)")
        #expect(placed.sqlite == """
            INSERT INTO t (code, n, body, other) VALUES (replace(?, ?, (SELECT code FROM c)), ?, replace(?, ?, (SELECT code FROM c)), ?)
            """)
        #expect(placed.values == [.text(placeholder), .text(placeholder), .integer(7), .text("{\"c\":\"\(placeholder)\"}"),
                                  .text(placeholder), .text("Hà Nội")])
    }

    /// Rows inserted together read back as written, in order, on both engines (one statement on PostgreSQL, one
    /// per row on SQLite).
    @Test(arguments: TestEngine.available)
    func rowsInsertedTogetherReadBackAsWritten(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let names: [String?] = ["Nguyễn Văn An", nil, "Đội Cấn"]
            try await database.write { db in
                try await db.raw("CREATE TABLE inserted_rows (id BIGINT PRIMARY KEY, name TEXT)").run()
                try await db.insertRows(names.enumerated().map {
                    RowInsert(head: "INSERT INTO inserted_rows (id, name)", values: "\(bind: $0.offset), \(bind: $0.element)")
                })
            }
            let stored = try await database.read { db in
                try await db.raw("SELECT name FROM inserted_rows ORDER BY id").all().map { try $0.decode(column: "name", as: String?.self) }
            }
            #expect(stored == names)
        }
    }

    /// The query string other databases run holds the same text around each value, multi-byte text included.
    @Test(arguments: TestEngine.available)
    func theQueryStringKeepsTheTextAroundEachValue(engine: TestEngine) async throws {
        let statement: BoundStatement = "SELECT \(bind: 1) AS a, 'Hà Nội' AS b, \(bind: "Đội Cấn") AS c WHERE \(bind: 2.5) > 0"
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            let (sql, binds) = try await database.read { db in db.serialize(statement.queryString) }
            #expect(binds.count == 3)
            let placeholders = engine == .sqlite ? ["?1", "?2", "?3"] : ["$1", "$2", "$3"]
            #expect(sql == "SELECT \(placeholders[0]) AS a, 'Hà Nội' AS b, \(placeholders[1]) AS c WHERE \(placeholders[2]) > 0")
        }
    }

    @Test(arguments: TestEngine.available)
    func rowsWrittenBoundReadBackAsThroughSQLKit(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            try await database.write { db in
                try await db.raw("CREATE TABLE bound_rows (id BIGINT PRIMARY KEY, name TEXT, amount BIGINT, ratio DOUBLE PRECISION)").run()
            }
            let rows: [(Int, String?, Int?, Double?)] = [(1, "Nguyễn Văn An", 42, 0.5), (2, nil, nil, nil), (3, "", -7, -1.25)]
            for (id, name, amount, ratio) in rows {
                try await database.write { db in
                    try await db.run("INSERT INTO bound_rows (id, name, amount, ratio) VALUES (\(bind: id), \(bind: name), \(bind: amount), \(bind: ratio))")
                }
            }
            let viaSQLKit = try await database.read { db in
                try await db.raw("SELECT id, name, amount, ratio FROM bound_rows ORDER BY id").all().map {
                    "\(try $0.decode(column: "id", as: Int.self)) \(String(describing: try $0.decode(column: "name", as: String?.self))) "
                        + "\(String(describing: try $0.decode(column: "amount", as: Int?.self))) \(String(describing: try $0.decode(column: "ratio", as: Double?.self)))"
                }
            }
            #expect(viaSQLKit == rows.map { "\($0.0) \(String(describing: $0.1)) \(String(describing: $0.2)) \(String(describing: $0.3))" })
            let second = try await database.read { db in
                try await db.first("SELECT name FROM bound_rows WHERE amount IS NULL AND id = \(bind: 2)")?.decode(column: "name", as: String?.self)
            }
            #expect(second == .some(nil), "the row with NULLs is found by its id and its name reads back NULL")
        }
    }

    /// Independent writes run together: on PostgreSQL one statement whose parts are `WITH` clauses, each value at its
    /// own place; a child row and its parent can be written in the same one; a part that fails undoes all.
    @Test func partsBecomeWithClausesWithTheirValuesInOrder() {
        let together = BoundStatement.together(["INSERT INTO a VALUES (\(bind: 1))", "DELETE FROM b WHERE x = \(bind: "y")",
                                                "INSERT INTO c VALUES (\(bind: 2.5), \(bind: "Hà Nội"))"])
        #expect(together.sqlite == "WITH motcua_part_0 AS (INSERT INTO a VALUES (?)), motcua_part_1 AS (DELETE FROM b WHERE x = ?) "
            + "INSERT INTO c VALUES (?, ?)")
        #expect(together.values == [.integer(1), .text("y"), .real(2.5), .text("Hà Nội")])
        #expect(BoundStatement.together(["COMMIT"]).sqlite == "COMMIT")
    }

    @Test(arguments: TestEngine.available)
    func independentWritesRunTogether(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, demo: false) { database in
            try await database.write { db in
                try await db.raw("CREATE TABLE parent_rows (id BIGINT PRIMARY KEY, name TEXT NOT NULL)").run()
                try await db.raw("CREATE TABLE child_rows (id BIGINT PRIMARY KEY, parent BIGINT NOT NULL REFERENCES parent_rows (id), note TEXT)").run()
                try await db.raw("INSERT INTO parent_rows (id, name) VALUES (9, 'cũ')").run()
            }
            try await database.write { db in
                try await db.runTogether(["INSERT INTO parent_rows (id, name) VALUES (\(bind: 1), \(bind: "Đội Cấn"))",
                                          "INSERT INTO child_rows (id, parent, note) VALUES (\(bind: 10), \(bind: 1), \(bind: nil as String?))",
                                          "DELETE FROM parent_rows WHERE id = \(bind: 9)"])
            }
            let refused = await #expect(throws: (any Error).self) {
                try await database.write { db in
                    try await db.runTogether(["INSERT INTO parent_rows (id, name) VALUES (\(bind: 2), \(bind: "mới"))",
                                              "INSERT INTO child_rows (id, parent) VALUES (\(bind: 11), \(bind: 404))"])
                }
            }
            #expect(refused != nil, "a child without its parent is refused")
            let names = try await database.read { db in
                try await db.raw("SELECT p.name, c.id FROM parent_rows p LEFT JOIN child_rows c ON c.parent = p.id ORDER BY p.id").all()
                    .map { "\(try $0.decode(column: "name", as: String.self)) \(String(describing: try $0.decode(column: "id", as: Int?.self)))" }
            }
            #expect(names == ["Đội Cấn Optional(10)"], "the first group all written, the refused one not at all")
        }
    }
}
