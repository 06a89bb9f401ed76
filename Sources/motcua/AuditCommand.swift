import ArgumentParser
import Foundation
import MotCuaStore

/// `motcua audit …` — checks the hash-chained audit trail and exports its head for safekeeping elsewhere.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Nhật ký kiểm toán (chuỗi băm SHA-256).",
                                                    subcommands: [Verify.self, Head.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kiểm tra toàn bộ chuỗi; báo mục đầu tiên bị sửa, xóa hoặc đảo thứ tự (mã thoát 1).",
            discussion: "Với --head (tệp do `motcua audit head` xuất trước đó), phát hiện cả việc xóa các mục cuối chuỗi.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Tệp JSON đầu chuỗi đã xuất để đối chiếu.") var head: String?

        func run() async throws {
            let expected = try head.map { try JSONDecoder().decode(AuditLog.Head.self, from: Data(contentsOf: URL(fileURLWithPath: $0))) }
            let database = try await db.open()
            do {
                // Acts a server kept but had not sealed yet (it seals every second, and when it stops) join the chain first.
                let count = try await AuditLog(database: database).verify(expected: expected)
                await database.close()
                print("Chuỗi nhật ký nguyên vẹn: \(count) mục.")
            } catch let broken as AuditLog.Break {
                await database.close()
                print("Chuỗi nhật ký bị phá vỡ tại mục \(broken.seq): \(broken.reason).")
                throw ExitCode(1)
            }
        }
    }

    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "In đầu chuỗi (số mục cuối và mã băm) dạng JSON để lưu nơi khác.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let database = try await db.open()
            let head = try await AuditLog(database: database).head()
            await database.close()
            print(String(decoding: try JSONEncoder().encode(head), as: UTF8.self))
        }
    }
}
