import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

/// `motcua process` — internal processes (quy trình nội bộ) as BPMN 2.0 files: check one against its procedure's
/// legal deadline, import it as a new version, export a version to edit in a modeler.
struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process", abstract: "Kiểm tra, nhập, xuất quy trình nội bộ dạng BPMN 2.0.",
        subcommands: [Check.self, Import.self, Export.self])

    /// The file, its procedure and its key, read and checked against the catalog.
    struct Source: ParsableArguments {
        @Argument(help: "Tệp BPMN 2.0") var file: String
        @Option(help: "Mã thủ tục, ví dụ 1.004873") var procedure: String
        @Option(help: "Khoá quy trình (mặc định: mã thủ tục)") var key: String?
        @Option(help: "Ngày có hiệu lực, YYYY-MM-DD (mặc định: hôm nay)") var effectiveFrom: String?

        /// The definition read from the file and checked by ProcessRules, or the first problem as an error.
        func definition(in database: Database) async throws -> ProcessDefinition {
            guard let procedure = try await CatalogStore(database: database).procedure(code: procedure) else {
                throw InputRejected(description: "--procedure: không có thủ tục mã \(self.procedure) trong danh mục.")
            }
            let today = WorkingCalendar.local(Date()).date
            let day: CivilDate
            if let text = effectiveFrom {
                guard let parsed = CivilDate(iso: text) else { throw ValidationError("--effective-from: ngày có dạng 2026-07-01.") }
                day = parsed
            } else {
                day = today
            }
            do {
                return try ProcessImport.definition(from: try Data(contentsOf: URL(fileURLWithPath: file)), key: key,
                                                    procedure: procedure, effectiveFrom: day, today: today)
            } catch let rejected as ProcessImport.Rejected {
                throw InputRejected(description: "\(file): quy trình chưa dùng được:\n"
                    + rejected.problems.map { "  - \($0.field): \($0.message)" }.joined(separator: "\n"))
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Kiểm tra tệp BPMN với thời hạn của thủ tục; không lưu gì.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var source: Source

        func run() async throws {
            let database = try await db.open()
            let process: ProcessDefinition
            do { process = try await source.definition(in: database) } catch {
                await database.close()
                throw error
            }
            await database.close()
            let path = ProcessRules.hoursText(ProcessRules.criticalPathSeconds(process), .standard)
            print("Hợp lệ: \(process.nodes.count) phần tử, \(process.flows.count) luồng; đường găng \(path).")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhập tệp BPMN thành phiên bản mới của quy trình.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var source: Source
        @Option(help: "Người nhập (ghi vào lịch sử)") var by = ProcessInfo.processInfo.environment["USER"] ?? "motcua"

        func run() async throws {
            let database = try await db.open()
            do {
                let saved = try await ProcessStore(database: database).save(try await source.definition(in: database),
                                                                            by: by, at: Date())
                await database.close()
                print("Đã lưu quy trình \(saved.key) phiên bản \(saved.version), hiệu lực từ \(saved.effectiveFrom.vietnamese).")
            } catch {
                await database.close()
                throw error
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xuất một phiên bản quy trình ra BPMN 2.0 (stdout).")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Khoá quy trình") var key: String
        @Option(help: "Phiên bản (mặc định: mới nhất)") var version: Int?

        func run() async throws {
            let database = try await db.open()
            let process = try await ProcessStore(database: database).definition(key: key, version: version)
            await database.close()
            guard let process else {
                throw InputRejected(description: "--key: không có quy trình \(key)\(version.map { " phiên bản \($0)" } ?? "").")
            }
            FileHandle.standardOutput.write(Data(BPMNWriter.write(process).utf8))
        }
    }
}
