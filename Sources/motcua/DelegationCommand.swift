import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

/// `motcua delegation` — delegation decisions (ủy quyền): list them, record one, revoke one from a day. The same
/// rules as the API: no retroactive start or revocation, no two decisions of one agency for a procedure on a day.
struct DelegationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delegation", abstract: "Quyết định ủy quyền: xem, ghi, thu hồi.", subcommands: [List.self, Add.self, Revoke.self])

    static func day(_ text: String, option: String) throws -> CivilDate {
        guard let day = CivilDate(iso: text) else { throw ValidationError("--\(option): ngày có dạng 2026-12-01.") }
        return day
    }

    static var today: CivilDate { WorkingCalendar.local(Date()).date }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các quyết định ủy quyền (JSON).")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let database = try await db.open()
            let all = try await DelegationStore(database: database).all()
            await database.close()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(all) + Data("\n".utf8))
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ghi một quyết định ủy quyền.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Số quyết định, ví dụ 15/QĐ-UBND") var number: String
        @Option(help: "Ngày ký") var signedOn: String
        @Option(help: "Mã cơ quan ủy quyền") var delegating: String
        @Option(help: "Mã cơ quan được ủy quyền") var delegate: String
        @Option(help: "Mã thủ tục (lặp lại cho nhiều thủ tục)") var procedure: [String]
        @Option(help: "Ngày có hiệu lực (mặc định hôm nay)") var from: String?
        @Option(help: "Ngày hết hiệu lực (không áp dụng từ ngày này)") var until: String?
        @Option(help: "Người ghi (ghi vào sổ)") var by = ProcessInfo.processInfo.environment["USER"] ?? "motcua"

        func run() async throws {
            let delegation = Delegation(
                number: number, signedOn: try DelegationCommand.day(signedOn, option: "signed-on"),
                delegatingAgencyCode: delegating, delegateAgencyCode: delegate, procedureCodes: procedure,
                effectiveFrom: try from.map { try DelegationCommand.day($0, option: "from") } ?? DelegationCommand.today,
                effectiveUntil: try until.map { try DelegationCommand.day($0, option: "until") })
            if let problem = DelegationRules.problem(in: delegation, today: DelegationCommand.today) {
                throw InputRejected(description: "\(problem.field): \(problem.message)")
            }
            let database = try await db.open()
            let store = DelegationStore(database: database)
            var problem: FieldProblem?
            do {
                problem = try await store.referenceProblem(in: delegation)
                if problem == nil {
                    problem = try await store.add(delegation, recordedBy: by, at: Date()) { DelegationRules.conflict(of: delegation, with: $0) }
                }
            } catch {
                await database.close()
                throw error
            }
            await database.close()
            if let problem { throw InputRejected(description: "\(problem.field): \(problem.message) Không ghi gì.") }
            print("Đã ghi quyết định \(number): \(delegating) ủy quyền cho \(delegate) \(procedure.count) thủ tục "
                + "từ \(delegation.effectiveFrom.vietnamese).")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thu hồi một quyết định ủy quyền từ một ngày.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Mã cơ quan ủy quyền") var delegating: String
        @Option(help: "Số quyết định") var number: String
        @Option(help: "Ngày thu hồi (mặc định hôm nay)") var on: String?

        func run() async throws {
            let day = try on.map { try DelegationCommand.day($0, option: "on") } ?? DelegationCommand.today
            let today = DelegationCommand.today
            let database = try await db.open()
            let outcome = try await DelegationStore(database: database).revoke(delegatingAgencyCode: delegating, number: number,
                                                                               on: day) {
                DelegationRules.revocationProblem(of: $0, on: day, today: today)
            }
            await database.close()
            switch outcome {
            case nil: throw InputRejected(description: "--number: không có quyết định \(number) của \(delegating).")
            case .failure(let problem)?: throw InputRejected(description: "\(problem.field): \(problem.message)")
            case .success?: print("Đã thu hồi quyết định \(number) từ \(day.vietnamese).")
            }
        }
    }
}
