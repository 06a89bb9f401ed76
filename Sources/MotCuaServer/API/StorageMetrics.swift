import Foundation
import MotCuaStore

/// Dung lượng lưu trữ — how much room MotCua's data takes and has left, for `/metrics` in Prometheus's text format
/// (gauges): on SQLite the database file and its write-ahead log; on either engine the free bytes of the file systems
/// holding the database (SQLite) and the uploaded files. A disk that fills makes every write 503 until it has room
/// again (docs/RELIABILITY.md, "Disk-full test"); these let a monitor warn before it does.
enum StorageMetrics {
    static func text(of database: Database, files: String) async throws -> String {
        // Looked up off Swift's shared pool, under the request's deadline, as every touch of the disk is.
        try await BlockingWork.run {
            var fileBytes: [(labels: String, value: Int)] = []
            var freeBytes: [(labels: String, value: Int)] = []
            if let sqlite = database.sqliteFile {
                fileBytes = [(#"{file="database"}"#, size(of: sqlite)), (#"{file="write_ahead_log"}"#, size(of: sqlite + "-wal"))]
                freeBytes.append((#"{holding="database"}"#, free(on: sqlite)))
            }
            freeBytes.append((#"{holding="files"}"#, free(on: files)))
            let sizes = fileBytes.isEmpty ? "" : PrometheusText.family(
                "motcua_sqlite_file_bytes", .gauge, "Size of the SQLite database file and of its write-ahead log.", fileBytes)
            return sizes + PrometheusText.family(
                "motcua_filesystem_free_bytes", .gauge, "Bytes an unprivileged process may still write on the file system holding MotCua's data.",
                freeBytes)
        }
    }

    /// A file's size; 0 when it is not there (the log between a clean close and the next write).
    private static func size(of path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The bytes left to unprivileged writers on the file system holding `path`; 0 when it cannot be asked.
    private static func free(on path: String) -> Int {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return 0 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }
}
