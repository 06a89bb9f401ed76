import Foundation
import Logging
import MotCuaServer
import MotCuaStore
import SQLKit

/// Cơ sở dữ liệu kiểm thử — the engines every storage and API test runs on: SQLite always, PostgreSQL too when
/// `MOTCUA_TEST_POSTGRES_URL` names a server (CI sets it). Each test gets a database of its own, migrated and
/// loaded with the reference data, and removed afterwards.
public enum TestEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The engines to test on here.
    public static var available: [TestEngine] { TestDatabases.postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
}

public enum TestDatabases {
    public static let postgresURL = ProcessInfo.processInfo.environment["MOTCUA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let logger = Logger(label: "motcua.test")

    /// A fresh, empty database's location (an SQLite path or a `postgres://` URL) and how to remove it.
    public struct Location: Sendable {
        public let value: String
        public let drop: @Sendable () async throws -> Void
    }

    /// Removes an SQLite test database: the file, its log and shared memory, and the uploaded files a server
    /// started on it keeps beside it.
    public static func removeSQLite(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try? FileManager.default.removeItem(atPath: AppConfig.filesDirectory(beside: path))
    }

    /// Creates an empty database on `engine`.
    public static func makeEmpty(_ engine: TestEngine) async throws -> Location {
        let name = "motcua_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        switch engine {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".sqlite").path
            return Location(value: path) { removeSQLite(at: path) }
        case .postgres:
            guard let base = postgresURL, var url = URLComponents(string: base) else {
                throw TestSetupError("MOTCUA_TEST_POSTGRES_URL is not set")
            }
            try await onServer(base, "CREATE DATABASE \(name)")
            url.path = "/" + name
            return Location(value: url.string ?? base) { try await dropPostgres(name, server: base) }
        }
    }

    /// Runs `body` with the location of a new, empty database on `engine`, and removes the database after,
    /// whatever happens.
    public static func withEmpty<T>(_ engine: TestEngine, _ body: (_ location: String) async throws -> T) async throws -> T {
        let location = try await makeEmpty(engine)
        do {
            let result = try await body(location.value)
            try await location.drop()
            return result
        } catch {
            try? await location.drop()
            throw error
        }
    }

    /// Runs `body` with a migrated database holding the reference data (and the demo catalog and accounts when
    /// `demo`), then closes and removes it.
    public static func withDatabase<T: Sendable>(_ engine: TestEngine, demo: Bool = true,
                                                 _ body: @Sendable (Database) async throws -> T) async throws -> T {
        try await withLocatedDatabase(engine, demo: demo) { database, _ in try await body(database) }
    }

    /// `withDatabase`, telling `body` where the database is too, for it to open the database as another process
    /// would (`withOpened`).
    public static func withLocatedDatabase<T: Sendable>(_ engine: TestEngine, demo: Bool = true,
                                                        _ body: @Sendable (Database, _ location: String) async throws -> T) async throws -> T {
        try await withEmpty(engine) { location in
            try await MotCuaApp.prepare(AppConfig(database: location), logger: logger).closedAfter { database in
                if demo { _ = try await DemoAccounts.load(into: database, passwordCost: 4) }
                return try await body(database, location)
            }
        }
    }

    /// Runs `body` with a connection to the database at `location` (as another process would open it), closed
    /// after whatever happens.
    public static func withOpened<T>(_ location: String, _ body: (Database) async throws -> T) async throws -> T {
        try await Database.open(location, logger: logger).closedAfter(body)
    }

    /// Drops a test database once its last connection has gone. Not `WITH (FORCE)`: that must be allowed to
    /// signal every backend, and an autovacuum worker on the new database is not ours to signal; a plain drop
    /// stops autovacuum by itself and only waits for our own connections, which are closing.
    private static func dropPostgres(_ name: String, server: String) async throws {
        var attempt = 0
        while true {
            do {
                return try await onServer(server, "DROP DATABASE IF EXISTS \(name)")
            } catch where attempt < 50 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Runs one statement outside a transaction (CREATE/DROP DATABASE cannot run inside one).
    private static func onServer(_ url: String, _ statement: String) async throws {
        try await withOpened(url) { server in try await server.read { try await $0.raw(SQLQueryString(statement)).run() } }
    }
}

/// A test environment that cannot be set up (not a product error).
public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
