import Foundation
import MotCuaStore

extension Backup {
    /// Takes a backup of the SQLite database at `database` and of the files kept in `files` into the folder `target`,
    /// which must not exist. It is written under a hidden name beside `target` and renamed once whole and flushed, so
    /// `target` is either absent or a complete backup, whatever happens meanwhile. Files the database refers to that
    /// are missing or damaged in `files`, and a database copy that does not hold (integrity, audit chain), are in
    /// the outcome's problems: the backup is kept all the same, the best copy there is.
    public static func create(database: String, files: String, into target: String) async throws -> Outcome {
        try refuseOnPostgres(database)
        let destination = URL(fileURLWithPath: target)
        guard !FileManager.default.fileExists(atPath: destination.path) else {
            throw Refused(description: "--to: \(target) đã có; mỗi bản sao lưu vào một thư mục mới, không ghi đè.")
        }
        guard FileManager.default.fileExists(atPath: database) else {
            throw Refused(description: "--database: không có tệp cơ sở dữ liệu \(database).")
        }
        // Who began to copy every citizen's data, and when, is in the audit trail, before the copy: it holds its own record.
        try await Database.open(database).closedAfter { live in
            try await AuditLog(database: live).record(actor: AuditLog.commandLine, action: "sao-luu.tao", subject: destination.lastPathComponent,
                                                      detail: destination.path, at: Date())
        }
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).dang-ghi-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw Refused(description: "--to: không tạo được thư mục trong \(parent.path) (\(error.localizedDescription)).")
        }
        do {
            let outcome = try await write(database: database, files: files, into: staging)
            try FileManager.default.moveItem(at: staging, to: destination)
            try DurableFile.flush(parent.path)
            return outcome
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    private static func write(database: String, files: String, into staging: URL) async throws -> Outcome {
        let copy = staging.appendingPathComponent(BackupManifest.databaseName).path
        let takenAt = Date()
        try await BlockingWork.run { try SQLiteSnapshot.write(of: database, to: copy) }
        let contents = try await BackupDatabaseContents.check(copyAt: copy, expectedHead: nil)
        // Closed, the copy folded its write-ahead log back in and removed it: the file alone is the database.
        guard !FileManager.default.fileExists(atPath: copy + "-wal") else { throw UnfoldedLog(path: copy + "-wal") }
        let (kept, notWhole) = try await copyFiles(contents.referencedFiles.sorted(), from: files, into: staging)
        let manifest = BackupManifest(takenAt: takenAt, databaseBytes: try size(of: copy), databaseSHA256: try SHA256Hex.ofFile(at: copy),
                                      dossiers: contents.dossiers, audit: contents.audit, files: kept, filesNotWhole: notWhole)
        try manifest.write(into: staging)
        try DurableFile.flushFileSystem(of: staging.path)
        return Outcome(manifest: manifest, problems: contents.problems + notWhole.map {
            "tệp \($0) hồ sơ cần nhưng không còn nguyên ở thư mục tệp (\(files)): bản sao lưu không có nó"
        })
    }

    /// Copies each file by its SHA-256 from the server's folder to the backup's, checked against its name on the
    /// way; returns those copied and those that were missing or damaged. Not flushed one by one: the backup's whole
    /// file system is, once, before the backup gets its name.
    private static func copyFiles(_ names: [String], from files: String,
                                  into staging: URL) async throws -> (kept: [BackupManifest.KeptFile], notWhole: [String]) {
        let source = FileManager.default.fileExists(atPath: files) ? try FileStore(directory: files) : nil
        let target = staging.appendingPathComponent(BackupManifest.filesFolder)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        var kept: [BackupManifest.KeptFile] = []
        var notWhole: [String] = []
        for name in names {
            guard let bytes = try await source?.bytes(sha256: name) else {
                notWhole.append(name)
                continue
            }
            try Data(bytes).write(to: target.appendingPathComponent(name))
            kept.append(BackupManifest.KeptFile(sha256: name, bytes: bytes.count))
        }
        return (kept, notWhole)
    }

    static func size(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// The copy's write-ahead log was still there once the copy was closed: the file alone might not be the database.
struct UnfoldedLog: Error, CustomStringConvertible {
    let path: String
    var description: String { "\(path) vẫn còn trang chưa ghi vào tệp cơ sở dữ liệu sau khi đóng" }
}
