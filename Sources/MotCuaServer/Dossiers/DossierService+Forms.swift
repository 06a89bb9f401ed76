import Foundation
import MotCuaCore
import MotCuaStore

/// Biểu mẫu và kết quả của hồ sơ — what the forms and the results of a dossier are read from, for the API and the
/// pages alike.
extension DossierService {
    /// The dossier with its events, procedure, and the names of its agencies and officers.
    func record(of dossier: Dossier, procedure: Procedure) async throws -> DossierRecord {
        let events = try await DossierStore(database: database).events(code: dossier.code)
        var agencyNames: [String: String] = [:]
        for code in Set([dossier.agencyCode, dossier.receivedByAgencyCode] + (dossier.authority.map { [$0.competentAgencyCode] } ?? [])) {
            agencyNames[code] = try await reference.agency(code: code)?.name
        }
        var officers = try await UserStore(database: database).fullNames(of: Set(events.map(\.actor) + [dossier.receivedBy]))
        officers[Self.portal] = "Cổng dịch vụ công (nộp trực tuyến)"
        officers[DossierEvent.system] = "Hệ thống"
        return DossierRecord(dossier: dossier, events: events, procedure: procedure, agencyNames: agencyNames,
                             officerNames: officers)
    }

    /// Mẫu 01, with the dossier's line in its agency's register of the year.
    func receiptSlip(_ record: DossierRecord) async throws -> ReceiptSlip {
        let dossier = record.dossier
        let line = try await DossierStore(database: database)
            .registerLine(of: dossier, yearStart: DossierRegister.yearStart(of: dossier.receivedAt))
        return ReceiptSlip(record, registerLine: line)
    }

    /// Mẫu 07 — a page of an agency's register from `from` to `to` (inclusive, one year), for an officer of that
    /// agency, with the count of all its lines in the period.
    func register(of agencyCode: String, officer: UserStore.Officer, from: CivilDate, to: CivilDate, limit: Int,
                  offset: Int) async throws -> (register: DossierRegister, total: Int) {
        guard let agency = try await reference.agency(code: agencyCode) else { throw Problem.notFound("cơ quan \(agencyCode)") }
        guard officer.agencyCodes.contains(agency.code) else {
            throw Problem.forbidden("Chỉ cán bộ của \(agency.name) được xem sổ theo dõi hồ sơ của cơ quan này.")
        }
        if let problem = DossierRegister.periodProblem(from: from, to: to) { throw Problem.invalid(problem) }
        let start = WorkingCalendar.instant(from, second: 0)
        let (items, linesBefore, total) = try await DossierStore(database: database).register(
            agencyCode: agency.code, from: start, until: WorkingCalendar.instant(to.adding(days: 1), second: 0),
            yearStart: DossierRegister.yearStart(of: start), limit: limit, offset: offset)
        let register = DossierRegister(agencyName: agency.name, from: from, to: to, dossiers: items,
                                       firstLine: linesBefore + offset + 1)
        return (register, total)
    }

    /// Một biểu mẫu của hồ sơ — one of forms 01–06 as data.
    enum OneStopForm {
        case receipt(ReceiptSlip)
        case notice(DossierNotice)
        case controlSlip(ProcessControlSlip)
    }

    /// Form `number` (01–06) of the dossier; 404 for an unknown number, or a notice (02–05) not issued yet.
    func form(_ number: String, of record: DossierRecord) async throws -> OneStopForm {
        switch number {
        case "01": return .receipt(try await receiptSlip(record))
        case "06": return .controlSlip(ProcessControlSlip(record))
        default:
            guard let kind = DossierNotice.Kind(rawValue: number) else {
                throw Problem.notFound("mẫu \(number) (có các mẫu 01 đến 06; mẫu 07 là sổ theo dõi của cơ quan)")
            }
            guard let notice = DossierNotice(kind, record: record) else {
                throw Problem.notFound("\(kind.title.lowercased()) của hồ sơ \(record.dossier.code) (mẫu 02–05 chỉ có khi đã ban hành)")
            }
            return .notice(notice)
        }
    }

    /// The results the dossier's process issues (several for an interlinked filing), as far as each has come.
    func resultParts(of dossier: Dossier) async throws -> [ResultPart] {
        guard let engine = try await engine(for: dossier) else { return [] }
        return ResultPart.parts(of: dossier, process: engine.definition)
    }
}
