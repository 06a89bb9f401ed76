import MotCuaCore
import SQLKit
import SQLiteNIO

/// Câu lệnh có tham số — one SQL statement of the hot paths (the writer's, a dossier's read), written like SQLKit's
/// `db.raw("… \(bind: x) …")` but holding its values typed and in order: on SQLite's direct connections (the
/// writer, the readers) its text goes to SQLite as written, with a `?` for each value, prepared once and bound
/// without a query builder — SQLKit's serialiser, with a boxed value and a dialect call per value, was a fifth of
/// the writer's time per step. On PostgreSQL it becomes SQLKit's query string and runs as any other.
public struct BoundStatement: ExpressibleByStringInterpolation, Sendable {
    /// A value bound to a `?`: text, a whole number or a real, any of them NULL. A NULL keeps its type, which
    /// PostgreSQL checks against the column's.
    enum Value: Sendable, Equatable {
        case text(String?), integer(Int?), real(Double?)

        var sqlite: SQLiteData {
            switch self {
            case .text(let text): text.map(SQLiteData.text) ?? .null
            case .integer(let number): number.map(SQLiteData.integer) ?? .null
            case .real(let number): number.map(SQLiteData.float) ?? .null
            }
        }

        var encodable: any Encodable & Sendable {
            switch self {
            case .text(let text): text
            case .integer(let number): number
            case .real(let number): number
            }
        }
    }

    /// The text as SQLite takes it, `?` for each value: written once, as the statement is built.
    private(set) var sqlite = ""
    private(set) var values: [Value] = []
    /// Where each value's `?` is in `sqlite` (a UTF-8 offset), for the other databases' query strings.
    private var marks: [Int] = []

    public init(stringLiteral value: String) {
        sqlite = value
    }

    public init(stringInterpolation: Interpolation) {
        self = stringInterpolation.statement
    }

    /// Builds a statement from its literal text and `\(bind:)` values.
    public struct Interpolation: StringInterpolationProtocol {
        var statement = BoundStatement(stringLiteral: "")

        public init(literalCapacity: Int, interpolationCount: Int) {
            statement.values.reserveCapacity(interpolationCount)
            statement.marks.reserveCapacity(interpolationCount)
            statement.sqlite.reserveCapacity(literalCapacity + interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            statement.sqlite += literal
        }

        public mutating func appendInterpolation(bind value: String?) { append(.text(value)) }

        public mutating func appendInterpolation(bind value: Int?) { append(.integer(value)) }

        public mutating func appendInterpolation(bind value: Double?) { append(.real(value)) }

        /// SQL text put in as it is: only ever text of MotCua's own, never a value anyone sent.
        mutating func appendInterpolation(raw text: String) { statement.sqlite += text }

        private mutating func append(_ value: Value) {
            statement.values.append(value)
            statement.marks.append(statement.sqlite.utf8.count)
            statement.sqlite += "?"
        }
    }

    /// Independent writes as one PostgreSQL statement, each but the last a data-modifying `WITH` part: one round
    /// trip instead of one each. They run on the same snapshot and none sees another's rows, so they must not touch
    /// the same rows (nor delete and insert the same key); their constraints are checked at the statement's end.
    static func together(_ statements: [BoundStatement]) -> BoundStatement {
        guard let last = statements.last, statements.count > 1 else { return statements.first ?? "" }
        return with(parts(statements.dropLast()), then: last)
    }

    /// Statements named as `WITH` parts no other part reads: `motcua_part_0`, `motcua_part_1`, …
    static func parts(_ statements: some Sequence<BoundStatement>) -> [(name: String, statement: BoundStatement)] {
        statements.enumerated().map { ("motcua_part_\($0.offset)", $0.element) }
    }

    /// One PostgreSQL statement: each part a `WITH` part under its name (a later part may read an earlier one's
    /// rows by it), then `main`.
    static func with(_ parts: [(name: String, statement: BoundStatement)], then main: BoundStatement) -> BoundStatement {
        var combined = BoundStatement(stringLiteral: "WITH ")
        for (index, part) in parts.enumerated() {
            combined.sqlite += "\(index == 0 ? "" : ", ")\(part.name) AS ("
            combined.append(part.statement)
            combined.sqlite += ")"
        }
        combined.sqlite += " "
        combined.append(main)
        return combined
    }

    /// The same statement with every text value that holds `placeholder` written as `replace(value, placeholder,
    /// expression)`: for a PostgreSQL statement that works out the code the placeholder stands for itself.
    func placing(_ placeholder: String, by expression: String) -> BoundStatement {
        var placed = BoundStatement(stringLiteral: "")
        forEachValue { textBefore, next in
            placed.sqlite += textBefore
            guard let (_, value) = next else { return }
            if case .text(let text?) = value, text.holds(placeholder) {
                placed.append("replace(\(bind: text), \(bind: placeholder), \(raw: expression))")
            } else {
                placed.append(BoundStatement(value: value))
            }
        }
        return placed
    }

    /// Calls `body` with the text before each value and that value (with its position among the values), then with
    /// the text after the last value and nil: how the statement is written again in another form.
    func forEachValue(_ body: (_ textBefore: String, _ next: (index: Int, value: Value)?) -> Void) {
        let text = sqlite.utf8
        var from = text.startIndex
        for (index, (value, mark)) in zip(values, marks).enumerated() {
            let at = text.index(text.startIndex, offsetBy: mark)
            body(String(text[from..<at])!, (index, value))
            from = text.index(after: at)
        }
        body(String(text[from...])!, nil)
    }

    /// `?` bound to `value`.
    private init(value: Value) {
        sqlite = "?"
        values = [value]
        marks = [0]
    }

    /// `other`'s text and values after this statement's.
    mutating func append(_ other: BoundStatement) {
        let offset = sqlite.utf8.count
        sqlite += other.sqlite
        values += other.values
        marks += other.marks.map { $0 + offset }
    }

    /// The same statement as SQLKit's query string, for databases other than SQLite's direct connections.
    var queryString: SQLQueryString {
        var query = SQLQueryString("")
        forEachValue { textBefore, next in
            query.appendLiteral(textBefore)
            if let (_, value) = next { query.appendInterpolation(bind: value.encodable) }
        }
        return query
    }
}

extension SQLDatabase {
    /// Runs `statement` and returns its rows.
    func all(_ statement: BoundStatement) async throws -> [any SQLRow] {
        if let direct = self as? DirectSQLDatabase {
            var rows: [any SQLRow] = []
            try direct.execute(statement.sqlite, statement.values.map(\.sqlite)) { rows.append($0) }
            return rows
        }
        if let postgres = self as? PostgresStatementDatabase { return try await postgres.all(statement) }
        return try await raw(statement.queryString).all()
    }

    /// Runs a write and says whether it changed a row: on SQLite's own connections by SQLite's count of the rows the
    /// statement changed (a `RETURNING` clause SQLite answers by first keeping the rows in a table of its own),
    /// elsewhere by the row `RETURNING 1` gives back.
    func changedARow(_ statement: BoundStatement) async throws -> Bool {
        if let direct = self as? DirectSQLDatabase {
            try await run(statement)
            return direct.connection.changesOfLastWrite > 0
        }
        var returning = statement
        returning.append(" RETURNING 1")
        return try await first(returning) != nil
    }

    /// Runs `statement` and returns its first row, if any.
    func first(_ statement: BoundStatement) async throws -> (any SQLRow)? {
        try await all(statement).first
    }

    /// Runs `statement`, whatever it returns.
    public func run(_ statement: BoundStatement) async throws {
        _ = try await all(statement)
    }

    /// Runs independent writes (see `BoundStatement.together`): on PostgreSQL as one statement, one round trip for
    /// all; on SQLite, in the same process, one after another.
    func runTogether(_ statements: [BoundStatement]) async throws {
        if dialect.name == "postgresql" {
            if !statements.isEmpty { try await run(.together(statements)) }
        } else {
            for statement in statements { try await run(statement) }
        }
    }

    /// Inserts `rows`, all of one table (`RowInsert.together`): on PostgreSQL as one statement, one round trip for
    /// all (the caller keeps their values under its 65,535 parameters); on SQLite, in the same process, one prepared
    /// statement run once per row — a statement per number of rows would fill its cache of prepared statements.
    func insertRows(_ rows: [RowInsert]) async throws {
        if dialect.name == "postgresql" {
            if !rows.isEmpty { try await run(RowInsert.together(rows)) }
        } else {
            for row in rows { try await run(row.statement) }
        }
    }

    /// Where this connection's writes that come at once go (`PostgresRounds`): on PostgreSQL when each of its
    /// statements is its own transaction, nil otherwise.
    var rounds: PostgresRounds? { (self as? PostgresStatementDatabase)?.rounds }
}
