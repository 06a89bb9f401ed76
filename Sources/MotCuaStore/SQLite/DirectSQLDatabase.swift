import Foundation
import MotCuaCore
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// A direct connection (the writer, or a lent reader) as SQLKit's `SQLDatabase`, so the stores' queries (`db.raw(…)`) run on it unchanged:
/// each query is serialised with SQLite's dialect, its values encoded and its rows decoded by SQLiteKit's own
/// coders, and it runs at once in the calling task. A class: every statement hands it on as `any SQLDatabase`, and
/// a reference is passed with one count where a structure of these fields would be copied with seven.
final class DirectSQLDatabase: SQLDatabase, Sendable {
    let connection: DirectSQLite
    let logger: Logger
    /// On the writer's connection: what its writes ask done once committed, and the dossiers this server committed
    /// (`CommittedDossiers`); nil on a reader's.
    let followUps: CommitFollowUps?
    let committedDossiers: CommittedDossiers?
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    let dialect: any SQLDialect = SQLiteDialect()
    private static let encoder = SQLiteDataEncoder()

    init(connection: DirectSQLite, logger: Logger, followUps: CommitFollowUps? = nil, committedDossiers: CommittedDossiers? = nil) {
        self.connection = connection
        self.logger = logger
        self.followUps = followUps
        self.committedDossiers = committedDossiers
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        try execute(sql, try binds.map(Self.sqliteData), onRow)
    }

    /// Asks, during a write on the writer's connection, for `action` once the write is committed: done by the
    /// write's caller, after the COMMIT, off the writer's thread (`CommitFollowUps`).
    func afterCommit(_ action: @escaping @Sendable () -> Void) {
        followUps?.add(action)
    }

    /// Runs SQL text already in SQLite's form with its values in order (SQLKit's queries once serialised, and
    /// `BoundStatement`s), handing each row to `onRow`.
    func execute(_ sql: String, _ binds: [SQLiteData], _ onRow: (any SQLRow) -> ()) throws {
        logger.debug("\(sql)")
        try connection.execute(sql, binds) { columns, values in
            onRow(DirectRow(columns: columns, values: values))
        }
    }

    /// A bound value as SQLite takes it: text, whole numbers and reals directly (most of what is bound), anything
    /// else by SQLiteKit's encoder, which gives those three the same values after a costlier protocol lookup.
    static func sqliteData(_ value: any Encodable & Sendable) throws -> SQLiteData {
        switch value {
        case let text as String: .text(text)
        case let number as Int: .integer(number)
        case let number as Double: .float(number)
        default: try encoder.encode(value)
        }
    }
}

/// One result row of a direct connection: text and whole numbers read as they are (most of what is read), anything
/// else by SQLiteKit's decoder, which gives those the same values after a costlier protocol lookup.
struct DirectRow: SQLRow {
    let columns: [String]
    let values: [SQLiteData]
    private static let decoder = SQLiteDataDecoder()

    var allColumns: [String] { columns }

    func contains(column: String) -> Bool { columns.contains(column) }

    func decodeNil(column: String) throws -> Bool { try value(column) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        switch value {
        case .text(let text) where D.self == String.self: return known(text, as: D.self)
        case .text(let text) where D.self == String?.self: return known(Optional(text), as: D.self)
        case .integer(let number) where D.self == Int.self: return known(number, as: D.self)
        case .null where D.self == String?.self: return known(String?.none, as: D.self)
        default: return try Self.decoder.decode(D.self, from: value)
        }
    }

    private func value(_ column: String) throws -> SQLiteData {
        guard let index = columns.firstIndex(of: column) else {
            throw DecodingError.keyNotFound(SQLRowCodingKey(column), .init(codingPath: [], debugDescription: "no column \(column)"))
        }
        return values[index]
    }
}

/// The key a missing column is reported under.
private struct SQLRowCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
