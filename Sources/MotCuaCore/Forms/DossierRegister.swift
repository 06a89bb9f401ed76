import Foundation

/// Mẫu 07 — Sổ theo dõi hồ sơ: the register of an agency's dossiers, one numbered line each, from receipt to
/// the result returned.
public struct DossierRegister: Hashable, Sendable, Codable {
    /// One line of the register.
    public struct Entry: Hashable, Sendable, Codable {
        public let line: Int
        public let dossierCode: String
        public let procedureName: String
        public let applicantName: String
        public let applicantAddress: String
        public let receivedAt: Date
        public let returnAt: Date?
        public let endedAt: Date?
        public let returnedAt: Date?
        public let status: DossierStatus
        public let statusName: String
        public let timeliness: Timeliness?
        public let supplementRequests: Int
        public let extensions: Int
    }

    public let book: String
    public let from: CivilDate
    public let to: CivilDate
    public let entries: [Entry]

    /// The register of `dossiers` (in the order received), numbered from `firstLine`.
    public init(agencyName: String, from: CivilDate, to: CivilDate, dossiers: [Dossier], firstLine: Int = 1) {
        book = Self.bookName(agencyName: agencyName, year: from.year)
        self.from = from
        self.to = to
        entries = dossiers.enumerated().map { index, dossier in
            Entry(line: firstLine + index, dossierCode: dossier.code, procedureName: dossier.procedureName,
                  applicantName: dossier.applicant.name, applicantAddress: dossier.applicant.address,
                  receivedAt: dossier.receivedAt, returnAt: dossier.state.clock.due, endedAt: dossier.state.endedAt,
                  returnedAt: dossier.state.returnedAt, status: dossier.state.status,
                  statusName: dossier.state.status.vietnameseName, timeliness: dossier.state.timeliness,
                  supplementRequests: dossier.state.supplementRequests, extensions: dossier.state.extensions)
        }
    }

    /// The register runs by calendar year, Việt Nam time: its lines start again at 1 on 1 January.
    public static func yearStart(of instant: Date) -> Date {
        WorkingCalendar.instant(CivilDate(year: WorkingCalendar.local(instant).date.year, month: 1, day: 1)!, second: 0)
    }

    /// A period shown from one register: `to` not before `from`, both in the same year.
    public static func periodProblem(from: CivilDate, to: CivilDate) -> FieldProblem? {
        guard to < from || to.year != from.year else { return nil }
        return FieldProblem(field: "to", message: "Ngày kết thúc không trước ngày bắt đầu và cùng năm (mỗi năm một sổ).")
    }

    /// "Sổ theo dõi hồ sơ năm 2026 – UBND phường Ba Đình".
    public static func bookName(agencyName: String, year: Int) -> String {
        "Sổ theo dõi hồ sơ năm \(year) – \(agencyName)"
    }
}
