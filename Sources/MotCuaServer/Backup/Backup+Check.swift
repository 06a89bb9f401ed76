import Foundation
import MotCuaStore

extension Backup {
    /// Checks the backup in `folder` against its manifest, changing nothing in it: the database file's size and
    /// SHA-256; then, on a scratch copy, SQLite's integrity, the audit chain walked whole up to the head recorded, and
    /// the dossiers counted; every kept file listed, read back and checked against its name; every file the database
    /// refers to, listed. Throws `Refused` when `folder` is no backup (no readable manifest).
    public static func verify(_ folder: String) async throws -> Outcome {
        let root = URL(fileURLWithPath: folder)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(BackupManifest.fileName).path) else {
            throw Refused(description: "\(folder): không có bản kê \(BackupManifest.fileName); đây không phải thư mục sao lưu của MotCua.")
        }
        let manifest: BackupManifest
        do {
            manifest = try BackupManifest.read(from: root)
        } catch {
            throw Refused(description: "\(folder): bản kê \(BackupManifest.fileName) không đọc được (đã bị sửa hoặc hỏng).")
        }
        guard manifest.format == BackupManifest.currentFormat else {
            throw Refused(description: "\(folder): bản sao lưu dạng \(manifest.format); phiên bản MotCua này đọc dạng \(BackupManifest.currentFormat).")
        }
        var problems: [String] = []
        let database = root.appendingPathComponent(BackupManifest.databaseName).path
        let sound = try FileManager.default.fileExists(atPath: database)
            && size(of: database) == manifest.databaseBytes && SHA256Hex.ofFile(at: database) == manifest.databaseSHA256
        if sound {
            let contents = try await checkScratchCopy(of: database, expectedHead: manifest.audit)
            problems += contents.problems
            if contents.dossiers != manifest.dossiers {
                problems.append("cơ sở dữ liệu có \(contents.dossiers) hồ sơ, bản kê ghi \(manifest.dossiers)")
            }
            let accounted = Set(manifest.files.map(\.sha256)).union(manifest.filesNotWhole)
            problems += contents.referencedFiles.subtracting(accounted).sorted().map { "tệp \($0) hồ sơ cần nhưng bản kê không có" }
        } else {
            problems.append("tệp \(BackupManifest.databaseName) thiếu, hoặc khác kích thước hay mã SHA-256 bản kê ghi (đã bị sửa hoặc hỏng)")
        }
        problems += try await filesNotWhole(in: root, listed: manifest.files)
        return Outcome(manifest: manifest, problems: problems)
    }

    /// Checks a copy of the backup's database made in a scratch folder, which it removes after.
    private static func checkScratchCopy(of database: String, expectedHead: AuditLog.Head) async throws -> BackupDatabaseContents {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-kiem-tra-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent(BackupManifest.databaseName).path
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        return try await BackupDatabaseContents.check(copyAt: copy, expectedHead: expectedHead)
    }

    /// Each file the manifest lists, read from the backup's `tep/` and checked against its name; what is wrong with
    /// those that are not whole.
    private static func filesNotWhole(in folder: URL, listed: [BackupManifest.KeptFile]) async throws -> [String] {
        let files = folder.appendingPathComponent(BackupManifest.filesFolder).path
        // FileStore would make a missing folder, and a check changes nothing: without it, every file is missing.
        let kept = FileManager.default.fileExists(atPath: files) ? try FileStore(directory: files) : nil
        var problems: [String] = []
        for file in listed where try await kept?.bytes(sha256: file.sha256)?.count != file.bytes {
            problems.append("tệp \(file.sha256) thiếu hoặc hỏng trong bản sao lưu")
        }
        return problems
    }
}
