import Foundation
import MotCuaStore

/// Sao lưu — backups of an SQLite deployment: the database as it stood at one moment, taken while the server runs
/// (`SQLiteSnapshot`), with every kept file it refers to, checked and described (`BackupManifest`) before it is put in
/// place under its name. A backup is checked again whenever asked (`verify`) and before it is restored (`restore`),
/// which never writes over a database. On PostgreSQL the database's own tools keep the database (pg_dump, or
/// pg_basebackup with its log archived); this is refused there, naming them.
public enum Backup {
    /// What a backup holds, and what does not hold in it (empty when it is whole).
    public struct Outcome: Sendable {
        public let manifest: BackupManifest
        public let problems: [String]
    }

    /// Refused before anything was written: the message names the option at fault, in Vietnamese (the command line
    /// prints it as it is, without its usage).
    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    static func refuseOnPostgres(_ database: String) throws {
        guard Database.isPostgres(database) else { return }
        throw Refused(description: """
            --database: cơ sở dữ liệu PostgreSQL được sao lưu bằng công cụ của PostgreSQL (pg_dump, hoặc pg_basebackup \
            cùng lưu trữ WAL liên tục); thư mục tệp tải lên sao chép riêng. Xem docs/OPERATIONS.md.
            """)
    }
}
