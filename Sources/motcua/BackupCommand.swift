import ArgumentParser
import Foundation
import MotCuaServer

/// `motcua backup …` — sao lưu: a backup of an SQLite deployment taken while the server runs, checked, and restored
/// (`Backup`).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Sao lưu cơ sở dữ liệu SQLite và tệp tải lên; kiểm tra, khôi phục bản sao lưu.",
        subcommands: [Create.self, Verify.self, Restore.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sao lưu vào một thư mục mới, trong khi máy chủ vẫn chạy (mã thoát 1 nếu có gì không nguyên vẹn).",
            discussion: "Thư mục gồm motcua.sqlite, tep/ và bản kê sao-luu.json; chỉ xuất hiện khi đã ghi xong và đã kiểm tra.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var files: FilesOptions
        @Option(help: "Thư mục sao lưu (chưa có).") var to: String

        func run() async throws {
            let started = ContinuousClock.now
            let outcome = try await Backup.create(database: db.database, files: files.directory(for: db.database), into: to)
            print("Đã sao lưu vào \(to) trong \(oneDecimal(started.duration(to: .now) / .seconds(1))) giây: " + summary(outcome.manifest))
            try report(outcome.problems, heading: "Bản sao lưu đã ghi, nhưng có chỗ không nguyên vẹn:")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kiểm tra bản sao lưu với bản kê của nó, không sửa gì (mã thoát 1 nếu có gì không nguyên vẹn).")
        @Argument(help: "Thư mục sao lưu.") var folder: String

        func run() async throws {
            let outcome = try await Backup.verify(folder)
            try report(outcome.problems, heading: "Bản sao lưu không nguyên vẹn:")
            print("Bản sao lưu nguyên vẹn, chụp lúc \(outcome.manifest.takenAt.formatted(.iso8601)) (UTC): " + summary(outcome.manifest))
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Khôi phục bản sao lưu thành một cơ sở dữ liệu SQLite mới (không ghi đè), sau khi kiểm tra toàn bộ.")
        @Argument(help: "Thư mục sao lưu.") var folder: String
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var files: FilesOptions

        func run() async throws {
            let directory = files.directory(for: db.database)
            let outcome = try await Backup.restore(folder, database: db.database, files: directory)
            print("Đã khôi phục vào \(db.database) (tệp ở \(directory)): " + summary(outcome.manifest))
            print("Chạy máy chủ trên nó: motcua serve --database \(db.database)")
        }
    }
}

/// One line: what a backup holds, and the files it could not hold.
private func summary(_ manifest: BackupManifest) -> String {
    let megabytes = { (bytes: Int) in oneDecimal(Double(bytes) / 1_048_576) + " MB" }
    let missing = manifest.filesNotWhole.isEmpty ? "" : "; \(manifest.filesNotWhole.count) tệp đã thiếu hoặc hỏng từ lúc sao lưu"
    return "\(manifest.dossiers) hồ sơ, cơ sở dữ liệu \(megabytes(manifest.databaseBytes)), \(manifest.files.count) tệp "
        + "(\(megabytes(manifest.files.reduce(0) { $0 + $1.bytes }))), nhật ký kiểm toán \(manifest.audit.seq) mục\(missing)."
}

/// A number with one decimal, written the Vietnamese way (`2,5`).
private func oneDecimal(_ number: Double) -> String {
    String(format: "%.1f", number).replacingOccurrences(of: ".", with: ",")
}

/// Prints the problems under `heading` and ends with exit code 1, if there are any.
private func report(_ problems: [String], heading: String) throws {
    guard !problems.isEmpty else { return }
    print(heading)
    for problem in problems { print("- \(problem)") }
    throw ExitCode(1)
}
