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

    /// The text between the values, one more than there are values.
    private(set) var literals: [String] = [""]
    private(set) var values: [Value] = []
    /// The text as SQLite takes it, `?` for each value: written as the statement is built, since joining the
    /// literals again on every run cost the writer as much as binding the values.
    private(set) var sqlite = ""

    public init(stringLiteral value: String) {
        literals = [value]
        sqlite = value
    }

    public init(stringInterpolation: Interpolation) {
        self = stringInterpolation.statement
    }

    /// Builds a statement from its literal text and `\(bind:)` values.
    public struct Interpolation: StringInterpolationProtocol {
        var statement = BoundStatement(stringLiteral: "")

        public init(literalCapacity: Int, interpolationCount: Int) {
            statement.literals.reserveCapacity(interpolationCount + 1)
            statement.values.reserveCapacity(interpolationCount)
            statement.sqlite.reserveCapacity(literalCapacity + interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            statement.literals[statement.literals.count - 1] += literal
            statement.sqlite += literal
        }

        public mutating func appendInterpolation(bind value: String?) { append(.text(value)) }

        public mutating func appendInterpolation(bind value: Int?) { append(.integer(value)) }

        public mutating func appendInterpolation(bind value: Double?) { append(.real(value)) }

        private mutating func append(_ value: Value) {
            statement.values.append(value)
            statement.literals.append("")
            statement.sqlite += "?"
        }
    }

    /// The same statement as SQLKit's query string, for databases other than SQLite's direct connections.
    var queryString: SQLQueryString {
        var query = SQLQueryString(literals[0])
        for (value, literal) in zip(values, literals.dropFirst()) {
            query.appendInterpolation(bind: value.encodable)
            query.appendLiteral(literal)
        }
        return query
    }
}

extension SQLDatabase {
    /// Runs `statement` and returns its rows.
    func all(_ statement: BoundStatement) async throws -> [any SQLRow] {
        guard let direct = self as? DirectSQLDatabase else { return try await raw(statement.queryString).all() }
        var rows: [any SQLRow] = []
        try direct.execute(statement.sqlite, statement.values.map(\.sqlite)) { rows.append($0) }
        return rows
    }

    /// Runs `statement` and returns its first row, if any.
    func first(_ statement: BoundStatement) async throws -> (any SQLRow)? {
        try await all(statement).first
    }

    /// Runs `statement`, whatever it returns.
    func run(_ statement: BoundStatement) async throws {
        _ = try await all(statement)
    }
}
