import Foundation
import NIOCore
import SQLiteNIO
import VaporCSQLite

/// Kết nối trực tiếp — an SQLite connection driven through SQLite's C interface in the calling task instead of a
/// hop to a thread pool for every statement, with each statement prepared once and kept (the same few statements
/// run for every dossier). It is the same SQLite library SQLiteNIO links (one copy in the process, so file locks
/// stay coherent). One task at a time uses a connection — the writer only in `GroupCommit`'s drain, a reader only
/// while `ReaderPool` lends it: that is what makes the unchecked `Sendable` sound.
final class DirectSQLite: @unchecked Sendable {
    private let handle: OpaquePointer
    private var prepared: [StatementText: OpaquePointer] = [:]

    /// The most distinct statements kept prepared; beyond it the cache starts again (a bound on memory for
    /// statements built with varying text, such as `IN (…)` lists).
    static let preparedLimit = 512

    private init(handle: OpaquePointer) { self.handle = handle }

    /// Opens (or creates) the file for reading and writing.
    static func open(path: String) throws -> DirectSQLite {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw DirectSQLiteError(status: status, message: "cannot open \(path)")
        }
        return DirectSQLite(handle: handle)
    }

    /// Runs one statement with its bound values and hands each result row to `onRow`.
    func execute(_ sql: String, _ binds: [SQLiteData], onRow: ([String], [SQLiteData]) throws -> Void) throws {
        let statement = try statement(for: sql)
        defer { sqlite_nio_sqlite3_reset(statement) }
        // Every parameter is bound anew on each run, so the bindings are never cleared: clearing them marks a
        // statement whose plan looked at a bound value as expired, and SQLite would then compile it again.
        guard binds.count == Int(sqlite_nio_sqlite3_bind_parameter_count(statement)) else {
            throw DirectSQLiteError(status: SQLITE_RANGE, message: "\(binds.count) values for the parameters of: \(sql)")
        }
        for (index, value) in binds.enumerated() { try bind(value, at: Int32(index + 1), in: statement) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        var columns: [String]?
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status) }
            let names = columns ?? (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
            columns = names
            try onRow(names, (0..<count).map { value(at: $0, in: statement) })
        }
    }

    /// How many rows the connection's statements have inserted, changed or deleted since it opened (those of
    /// triggers included): a write that leaves it unchanged wrote nothing.
    var totalChanges: Int64 { sqlite_nio_sqlite3_total_changes64(handle) }

    /// How many rows the last INSERT, UPDATE or DELETE run to its end inserted, changed or deleted (not those of
    /// triggers).
    var changesOfLastWrite: Int64 { sqlite_nio_sqlite3_changes64(handle) }

    /// The schema's version (`PRAGMA schema_version`), which every change to a table or index moves on, inside the
    /// transaction that makes it too: a change of schema does not count in `totalChanges`.
    func schemaVersion() throws -> Int64 {
        var version: Int64 = 0
        try execute("PRAGMA schema_version", []) { _, values in
            if case .integer(let number) = values.first { version = Int64(number) }
        }
        return version
    }

    /// Whether a transaction is open: SQLite ends one by itself after some errors (a full disk, an I/O error).
    var isInTransaction: Bool { sqlite_nio_sqlite3_get_autocommit(handle) == 0 }

    /// What `whenCommitted` asked to hear after each commit.
    private var committed: ((Int) -> Void)?

    /// Calls `committed` after each commit of this connection with the pages now in the write-ahead log; this
    /// replaces SQLite's automatic checkpoint, which would otherwise run inside the commit on this connection.
    func whenCommitted(_ committed: @escaping (Int) -> Void) {
        self.committed = committed
        sqlite_nio_sqlite3_wal_hook(handle, { context, _, _, pages in
            guard let context else { return SQLITE_OK }
            Unmanaged<DirectSQLite>.fromOpaque(context).takeUnretainedValue().committed?(Int(pages))
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Makes `name` a function of `arguments` values in this connection's SQL, worked out by `body`, which must give the
    /// same result for the same values (SQLite may then work it out once for several rows).
    func addFunction(_ name: String, arguments: Int32,
                     _ body: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void) throws {
        let status = sqlite_nio_sqlite3_create_function_v2(handle, name, arguments, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
                                                           body, nil, nil, nil)
        guard status == SQLITE_OK else { throw error(status) }
    }

    /// Finalises the kept statements and closes the connection.
    func close() {
        for statement in prepared.values { sqlite_nio_sqlite3_finalize(statement) }
        prepared = [:]
        sqlite_nio_sqlite3_close_v2(handle)
    }

    private func statement(for sql: String) throws -> OpaquePointer {
        let key = StatementText(sql)
        if let known = prepared[key] { return known }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status) }
        if prepared.count >= Self.preparedLimit {
            for old in prepared.values { sqlite_nio_sqlite3_finalize(old) }
            prepared = [:]
        }
        prepared[key] = statement
        return statement
    }

    private func bind(_ value: SQLiteData, at index: Int32, in statement: OpaquePointer) throws {
        let status: Int32 = switch value {
        case .integer(let integer): sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
        case .float(let double): sqlite_nio_sqlite3_bind_double(statement, index, double)
        case .text(let text): bindText(text, at: index, in: statement)
        case .blob(let buffer):
            buffer.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), Self.transient)
            }
        case .null: sqlite_nio_sqlite3_bind_null(statement, index)
        }
        guard status == SQLITE_OK else { throw error(status) }
    }

    /// Binds text from the string's own bytes: passing the `String` itself made a C string of it first, a copy and
    /// an allocation per value on top of the one SQLite makes. An empty text has no bytes to point at, and a NULL
    /// pointer would bind NULL, so it points at a byte that is always there.
    private func bindText(_ text: String, at index: Int32, in statement: OpaquePointer) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            let start = UnsafeRawPointer(bytes.baseAddress ?? Self.noBytes.utf8Start).assumingMemoryBound(to: CChar.self)
            return sqlite_nio_sqlite3_bind_text64(statement, index, start, UInt64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
        }
    }

    private static let noBytes: StaticString = ""

    private func value(at column: Int32, in statement: OpaquePointer) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            return .text(Self.text(text, bytes: sqlite_nio_sqlite3_column_bytes(statement, column)))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    /// A text SQLite gives, all of its `bytes` (asked for after the text, as SQLite requires): a text may hold the
    /// character U+0000, where reading it as a C string would stop.
    static func text(_ start: UnsafePointer<UInt8>, bytes: Int32) -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: Int(bytes)), as: UTF8.self)
    }

    private func error(_ status: Int32) -> DirectSQLiteError {
        DirectSQLiteError(status: status, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
    }

    /// SQLite copies bound text and blobs before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// Lỗi SQLite — a status code and SQLite's own message.
struct DirectSQLiteError: Error, CustomStringConvertible {
    let status: Int32
    let message: String

    var description: String { "SQLite error \(status): \(message)" }
}

/// Văn bản câu lệnh — a statement's text as the key its prepared statement is kept under: equal when the texts are,
/// and hashed on their length, their first bytes and their last bytes only. Every statement run looks its text up,
/// and hashing the whole of it (hundreds of bytes for an insert) cost more than comparing it once found; texts that
/// share a length and both ends are still told apart by the comparison.
private struct StatementText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (left: StatementText, right: StatementText) -> Bool { left.text == right.text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(24))))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(24))))
        }
    }
}
