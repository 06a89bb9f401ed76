import Foundation

/// Ảnh chụp cơ sở dữ liệu — a copy of an SQLite database as it stood at one moment, taken while a server goes on
/// writing to it: SQLite's `VACUUM INTO`, which reads the whole database in one read transaction on a connection of
/// its own (in WAL mode the writer never waits for it) and writes the copy compacted, in rollback-journal mode, one
/// file. SQLite does not flush the copy; this does, so a copy reported written is on the disk.
public enum SQLiteSnapshot {
    /// The database file at `source` does not exist: nothing to copy (opening it would have made an empty one).
    public struct NoDatabase: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "không có tệp cơ sở dữ liệu \(path)" }
    }

    /// Writes the copy of `source` to `target`, which must not exist yet. Blocks its thread while it reads and writes.
    public static func write(of source: String, to target: String) throws {
        guard FileManager.default.fileExists(atPath: source) else { throw NoDatabase(path: source) }
        let connection = try DirectSQLite.open(path: source)
        defer { connection.close() }
        try connection.execute("PRAGMA busy_timeout=\(Database.busyTimeoutMilliseconds)", []) { _, _ in }
        try connection.execute("VACUUM INTO ?", [.text(target)]) { _, _ in }
        try DurableFile.flush(target)
    }
}
