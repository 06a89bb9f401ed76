import Foundation
import MotCuaStore

extension Backup {
    /// Restores the backup in `folder` as the SQLite database `database`, its kept files into `files` (files already
    /// there stay: each is named by its content). Checked whole first (`verify`); refused, changing nothing, when
    /// anything in it does not hold or when `database` already exists — a restore never writes over a database. The
    /// files go first and the database last, under a temporary name linked to its own once flushed, so `database`
    /// is absent or whole, and never refers to a file not there yet.
    public static func restore(_ folder: String, database: String, files: String) async throws -> Outcome {
        try refuseOnPostgres(database)
        guard !FileManager.default.fileExists(atPath: database), !FileManager.default.fileExists(atPath: database + "-wal") else {
            throw Refused(description: "--database: \(database) đã có; khôi phục không ghi đè cơ sở dữ liệu nào (chuyển nó đi, hoặc chọn tên khác).")
        }
        let parent = URL(fileURLWithPath: database).deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: parent.path) else {
            throw Refused(description: "--database: không có thư mục \(parent.path).")
        }
        let outcome = try await verify(folder)
        guard outcome.problems.isEmpty else {
            throw Refused(description: "\(folder): bản sao lưu không nguyên vẹn, không khôi phục:\n" + outcome.problems.map { "- \($0)" }.joined(separator: "\n"))
        }
        let root = URL(fileURLWithPath: folder)
        let kept = try FileStore(directory: root.appendingPathComponent(BackupManifest.filesFolder).path)
        let target = try FileStore(directory: files)
        for file in outcome.manifest.files {
            guard let bytes = try await kept.bytes(sha256: file.sha256) else { throw Refused(description: "\(folder): tệp \(file.sha256) vừa đọc được, nay không còn") }
            _ = try await target.put(bytes)
        }
        let temporary = database + ".khoi-phuc-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try FileManager.default.copyItem(atPath: root.appendingPathComponent(BackupManifest.databaseName).path, toPath: temporary)
        try await recordRestore(of: outcome.manifest, from: folder, in: temporary)
        try DurableFile.flush(temporary)
        // link(2) gives the file its name only if no file has it: a database made meanwhile is not written over.
        do {
            try FileManager.default.linkItem(atPath: temporary, toPath: database)
        } catch {
            throw Refused(description: "--database: \(database) vừa được tạo bởi tiến trình khác; không khôi phục đè lên.")
        }
        try FileManager.default.removeItem(atPath: temporary)
        try DurableFile.flush(parent.path)
        return outcome
    }

    /// Records the restore in the copy's audit trail, before it has its name: what happened after the backup was
    /// taken is not in the database, and the trail says from when.
    private static func recordRestore(of manifest: BackupManifest, from folder: String, in copy: String) async throws {
        try await Database.open(copy).closedAfter { database in
            try await AuditLog(database: database).record(
                actor: AuditLog.commandLine, action: "sao-luu.khoi-phuc", subject: URL(fileURLWithPath: folder).lastPathComponent,
                detail: "khôi phục từ bản sao lưu chụp lúc \(manifest.takenAt.formatted(.iso8601)), nhật ký đến mục \(manifest.audit.seq)",
                at: Date())
        }
    }
}
