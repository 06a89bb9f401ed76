import Foundation
import MotCuaCore
import MotCuaStore

/// Mẫu 07 để in — Sổ theo dõi hồ sơ: a period of an agency's register, one numbered line per dossier as the
/// official book has its columns, with the form that chooses the agency (among the officer's) and the dates, and
/// the problem next to the date it is about.
struct RegisterPrintPage {
    /// One line of the book.
    struct Line {
        let line: Int
        let dossierCode: String
        let href: String
        let procedureName: String
        let applicant: String
        let receivedAt: String
        let returnAt: String
        let endedAt: String
        let returnedAt: String
        let status: String
        let verdict: String
        let verdictClass: String
        let note: String
    }

    let layout: PageLayout
    let agencies: [SelectOption]
    let from: String
    let to: String
    let book: String
    let period: String
    let lines: [Line]
    let hasLines: Bool
    let summary: String
    let errors: [String: String]
    let pageLinks: PageLinks

    static let perPage = 50

    init(layout: PageLayout, agencies: [Agency], agencyCode: String, from: String, to: String, found: (register: DossierRegister, total: Int)?,
         problem: FieldProblem?, page: Int) {
        self.layout = layout
        self.agencies = agencies.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == agencyCode) }
        self.from = from
        self.to = to
        book = found?.register.book ?? "Sổ theo dõi hồ sơ"
        period = found.map { "Từ ngày \($0.register.from.vietnamese) đến ngày \($0.register.to.vietnamese)" } ?? ""
        lines = (found?.register.entries ?? []).map(Self.line)
        hasLines = !lines.isEmpty
        let total = found?.total ?? 0
        summary = found == nil ? "" : total == 0 ? "Không có hồ sơ nào nhận trong khoảng này." : "\(total) hồ sơ nhận trong khoảng này."
        errors = problem.map { [$0.field: $0.message] } ?? [:]
        pageLinks = PageLinks(path: "/can-bo/so-theo-doi", query: [("co-quan", agencyCode), ("tu", from), ("den", to)],
                              page: page, perPage: Self.perPage, total: total)
    }

    static func line(_ entry: DossierRegister.Entry) -> Line {
        let date = { (instant: Date?) in instant.map(WorkingCalendar.vietnamese) ?? "" }
        var notes: [String] = []
        if entry.supplementRequests > 0 { notes.append("Yêu cầu bổ sung \(entry.supplementRequests) lần") }
        if entry.extensions > 0 { notes.append("Gia hạn \(entry.extensions) lần") }
        return Line(line: entry.line, dossierCode: entry.dossierCode, href: "/can-bo/ho-so/\(entry.dossierCode)",
                    procedureName: entry.procedureName, applicant: "\(entry.applicantName), \(entry.applicantAddress)",
                    receivedAt: date(entry.receivedAt), returnAt: entry.returnAt.map(WorkingCalendar.vietnamese) ?? "Tạm dừng",
                    endedAt: date(entry.endedAt), returnedAt: date(entry.returnedAt), status: entry.statusName,
                    verdict: entry.timeliness?.vietnameseName ?? "", verdictClass: entry.timeliness?.tagClass ?? "", note: notes.joined(separator: "; "))
    }
}
