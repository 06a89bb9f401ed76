import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MotCuaCore
import MotCuaServer
import MotCuaStore

/// `motcua` — the command line: run the server, migrate, import and export the catalog, compute calendars
/// and deadlines, add officers.
@main
struct MotCua: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "MotCua — hệ thống một cửa điện tử.",
        subcommands: [Serve.self, Migrate.self, CatalogCommand.self, ProcessCommand.self, DelegationCommand.self, CalendarCommand.self,
                      UserCommand.self, AuditCommand.self, BackupCommand.self, SimCommand.self])
}

/// Options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Tệp SQLite hoặc URL postgres://")
    var database: String = ProcessInfo.processInfo.environment["MOTCUA_DATABASE"] ?? "./motcua.sqlite"

    func open() async throws -> Database {
        try await MotCuaApp.prepare(AppConfig(database: database), logger: Logger(label: "motcua"))
    }
}

/// Thư mục tệp — where the files citizens and officers upload are kept.
struct FilesOptions: ParsableArguments {
    @Option(name: .customLong("files"), help: "Thư mục lưu tệp công dân tải lên (hoặc MOTCUA_FILES; mặc định: cạnh tệp SQLite, ví dụ ./motcua-tep).")
    var option: String?

    /// The folder named on the command line or in the environment, if any.
    var chosen: String? { option ?? Environment.value("MOTCUA_FILES") }

    /// The folder the server keeps `database`'s files in.
    func directory(for database: String) -> String { chosen ?? AppConfig.filesDirectory(beside: database) }
}

/// Giờ làm việc — the office hours and same-day cut-off deadlines are counted with.
struct OfficeHoursOptions: ParsableArguments {
    @Option(help: "Giờ làm việc, ví dụ 08:00-12:00,13:30-17:00")
    var officeHours = ProcessInfo.processInfo.environment["MOTCUA_OFFICE_HOURS"] ?? "08:00-12:00,13:30-17:00"
    @Option(help: "Giờ chốt của thủ tục trả trong ngày")
    var sameDayCutoff = ProcessInfo.processInfo.environment["MOTCUA_SAME_DAY_CUTOFF"] ?? "15:00"

    func workingHours() throws -> WorkingHours {
        guard let hours = WorkingHours(parsing: officeHours, sameDayCutoff: sameDayCutoff) else {
            throw ValidationError("--office-hours / --same-day-cutoff: dạng 08:00-12:00,13:30-17:00 và 15:00, các khoảng tăng dần.")
        }
        return hours
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chạy máy chủ MotCua.")
    @OptionGroup var db: DatabaseOptions
    @OptionGroup var office: OfficeHoursOptions
    @OptionGroup var eID: EIDOptions
    @OptionGroup var registry: RegistryOptions
    @Option var host: String = ProcessInfo.processInfo.environment["MOTCUA_HOST"] ?? "127.0.0.1"
    @Option var port: Int = Environment.number("MOTCUA_PORT") ?? 8080
    @Flag(help: "Nạp danh mục và tài khoản demo (chỉ vào cơ sở dữ liệu trống).") var demo = false
    @Option(help: "Số giây giữa hai lượt theo dõi thời hạn bước (0: tắt ở tiến trình này).")
    var slaWatchSeconds: Int = Environment.number("MOTCUA_SLA_WATCH_SECONDS") ?? 60
    @OptionGroup var files: FilesOptions
    @Option(help: "Số ngày giữ bản nháp nộp trực tuyến chưa nộp, tính từ lần sửa cuối (cùng các tệp của nó).")
    var draftRetentionDays: Int = Environment.number("MOTCUA_DRAFT_RETENTION_DAYS") ?? AppConfig.defaultDraftRetentionDays

    @Option(help: "Số giây một yêu cầu chờ cơ sở dữ liệu (PostgreSQL trả lời, hoặc SQLite ghi xong xuống đĩa); quá hạn: trả 503.")
    var databaseAnswerSeconds: Int = Environment.number("MOTCUA_DATABASE_ANSWER_SECONDS") ?? AppConfig.defaultDatabaseAnswerSeconds

    @Option(name: .customLong("trusted-proxy"),
            help: "Địa chỉ IP của máy chủ trung gian (nginx, cân bằng tải) đứng trước MotCua, lặp lại được (hoặc MOTCUA_TRUSTED_PROXIES, cách nhau bởi dấu phẩy): yêu cầu từ nó được tính theo địa chỉ trong X-Forwarded-For.")
    var trustedProxy: [String] = Environment.value("MOTCUA_TRUSTED_PROXIES")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []

    @Option(help: "Số giây một kết nối HTTP được để không trước khi máy chủ đóng nó.")
    var idleConnectionSeconds: Int = Environment.number("MOTCUA_IDLE_CONNECTION_SECONDS") ?? AppConfig.defaultIdleConnectionSeconds

    func run() async throws {
        // Whatever the server and its libraries log, personal IDs and phone numbers are hidden first.
        LoggingSystem.bootstrap { MaskingLogHandler(StreamLogHandler.standardError(label: $0)) }
        let logger = Logger(label: "motcua")
        guard slaWatchSeconds >= 0 else { throw ValidationError("--sla-watch-seconds: số giây không âm.") }
        guard draftRetentionDays >= 1 else { throw ValidationError("--draft-retention-days: ít nhất 1 ngày.") }
        guard databaseAnswerSeconds >= 1 else { throw ValidationError("--database-answer-seconds: ít nhất 1 giây.") }
        guard idleConnectionSeconds >= 1 else { throw ValidationError("--idle-connection-seconds: ít nhất 1 giây.") }
        let openFiles = OpenFileLimit.raiseToHard()
        if openFiles.after > openFiles.before { logger.info("open files allowed: \(openFiles.before) raised to \(openFiles.after)") }
        var config = AppConfig(database: db.database, host: host, port: port, workingHours: try office.workingHours(),
                               slaWatchSeconds: slaWatchSeconds, filesDirectory: files.chosen)
        config.draftRetentionDays = draftRetentionDays
        config.databaseAnswerSeconds = databaseAnswerSeconds
        config.idleConnectionSeconds = idleConnectionSeconds
        do {
            config.trustedProxies = try TrustedProxies(trustedProxy)
        } catch let wrong as TrustedProxies.NotAnAddress {
            throw ValidationError("--trusted-proxy: \(wrong)")
        }
        var simulators: [DemoSimulator] = []
        defer { simulators.forEach { $0.stop() } }
        if let issuer = eID.vneidIssuer {
            config.eID = eID.settings(issuer: issuer, host: host, port: port)
        } else if demo {
            let redirect = eID.publicURL(host: host, port: port) + EIDSettings.callbackPath
            let idp = try DemoSimulator("idp", port: eID.vneidSimPort ?? port + 10, arguments: ["--redirect-uri", redirect])
            simulators.append(idp)
            config.eID = eID.settings(issuer: idp.address, host: host, port: port)
            print("VNeID mô phỏng (công dân giả lập) chạy tại \(idp.address)")
        }
        if let url = registry.registryUrl {
            config.registry = RegistrySettings(url: url, apiKey: registry.registryApiKey)
        } else if demo {
            let sim = try DemoSimulator("registry", port: registry.registrySimPort ?? port + 11, arguments: ["--api-key", registry.registryApiKey])
            simulators.append(sim)
            config.registry = RegistrySettings(url: sim.address, apiKey: registry.registryApiKey)
            print("CSDL dân cư mô phỏng chạy tại \(sim.address)")
        }
        let database = try await MotCuaApp.prepare(config, logger: logger)
        do {
            if demo { try await Self.loadDemo(into: database) }
            let app = try await MotCuaApp.buildApplication(config, database: database, logger: logger)
            print("MotCua đang chạy tại http://\(host):\(port)")
            // The server runs until stopped: flush what was printed now even when stdout is a file or a pipe.
            fflush(nil)
            try await app.runService()
        } catch {
            // A server that cannot start (the port taken, …) says why and closes its database cleanly.
            await database.close()
            throw error
        }
        await database.close()
    }

    static func loadDemo(into database: Database) async throws {
        switch try await DemoAccounts.load(into: database) {
        case .databaseNotEmpty:
            print("Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu demo.")
        case .loaded(let catalogSeeded):
            print(catalogSeeded ? "Đã nạp danh mục demo." : "Danh mục đã có sẵn.")
            print("Tài khoản demo (mật khẩu \(DemoAccounts.password)):")
            for account in DemoAccounts.all {
                let grants = account.grants.map { "\($0.role.rawValue)@\($0.agencyCode)" }.joined(separator: ", ")
                print("  \(account.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \(grants)")
            }
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Cập nhật lược đồ cơ sở dữ liệu và dữ liệu tham chiếu.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let database = try await db.open()
        print("Cơ sở dữ liệu đã cập nhật tới phiên bản \(Migrations.all.last?.version ?? 0).")
        await database.close()
    }
}

struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalog", abstract: "Nhập, xuất danh mục thủ tục.",
                                                    subcommands: [Import.self, Export.self])

    /// Định dạng tệp danh mục.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhập danh mục từ tệp JSON {\"procedures\": [...]} hoặc CSV (theo đuôi tệp, hoặc --format).",
            discussion: "Kiểm tra toàn bộ tệp trước; có một lỗi thì không nhập gì. Thủ tục trùng mã với danh mục hiện có được cập nhật.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "json hoặc csv") var format: Format?
        @Argument var file: String

        func run() async throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let procedures: [Procedure]
            do {
                procedures = try CatalogImport.procedures(from: data, csv: (format ?? (file.lowercased().hasSuffix(".csv") ? .csv : .json)) == .csv)
            } catch {
                throw InputRejected(description: "\(file): \(error.field): \(error.message) Không nhập gì.")
            }
            let database = try await db.open()
            try await CatalogStore(database: database).save(procedures, at: Date())
            print("Đã nhập \(procedures.count) thủ tục.")
            await database.close()
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xuất danh mục ra JSON hoặc CSV (stdout).")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "json hoặc csv") var format: Format = .json

        func run() async throws {
            let database = try await db.open()
            let procedures = try await CatalogStore(database: database).all()
            await database.close()
            FileHandle.standardOutput.write(try CatalogImport.file(procedures, csv: format == .csv))
            if format == .json { print() }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Tài khoản cán bộ.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm cán bộ: --role VAI-TRO@MA-CO-QUAN (lặp lại được).")
        @OptionGroup var db: DatabaseOptions
        @Option var username: String
        @Option var fullName: String
        @Option(help: "Mật khẩu (tối thiểu 8 ký tự); mặc định đọc từ MOTCUA_PASSWORD.")
        var password: String?
        @Option(help: "Ví dụ quan-tri@000.00.00.H26") var role: [String] = []

        func run() async throws {
            let database = try await db.open()
            do {
                try await NewAccount.add(username: username, fullName: fullName,
                                             password: password ?? ProcessInfo.processInfo.environment["MOTCUA_PASSWORD"] ?? "",
                                             roles: role, database: database, by: AuditLog.commandLine, now: Date())
            } catch let problem as FieldProblem {
                await database.close()
                throw ValidationError("--\(problem.field == "roles" ? "role" : problem.field == "fullName" ? "full-name" : problem.field): \(problem.message)")
            } catch {
                await database.close()
                throw error
            }
            await database.close()
            print("Đã thêm cán bộ \(username).")
        }
    }
}

/// Dữ liệu bị từ chối — a file whose content is wrong: the message names the place, and no usage is printed
/// (the command line itself was right).
struct InputRejected: Error, CustomStringConvertible {
    let description: String
}
