import Foundation
import MotCuaCore

/// Mẫu 02–05 để in — a notice to the applicant (supplement, refusal, apology with a new date, stop), laid out like
/// the official form.
struct NoticePrintPage {
    let layout: PageLayout
    let formNumber: String
    let title: String
    let agencyName: String
    let dossierCode: String
    let applicantName: String
    let address: String
    let procedureName: String
    let receivedAt: String
    let reason: String
    let ordinal: Int
    let previousReturnAt: String?
    let newReturnAt: String?
    let issuedAt: String
    let issuedBy: String
    let authority: String?

    init(layout: PageLayout, notice: DossierNotice) {
        self.layout = layout
        formNumber = notice.form.rawValue
        title = notice.title
        agencyName = notice.header.agencyName
        dossierCode = notice.header.dossierCode
        applicantName = notice.header.applicant.name
        address = notice.header.applicant.address
        procedureName = notice.header.procedureName
        receivedAt = VietnameseFormat.formal(notice.receivedAt)
        reason = notice.reason
        ordinal = notice.ordinal
        previousReturnAt = notice.previousReturnAt.map(VietnameseFormat.formal)
        newReturnAt = notice.newReturnAt.map(VietnameseFormat.formal)
        issuedAt = WorkingCalendar.local(notice.issuedAt).date.vietnamese
        issuedBy = notice.issuedBy
        authority = notice.header.authority
    }
}

/// Mẫu 06 để in — the process-control slip: one row per hand-off with its time, who handed it on, the giving
/// unit's deadline and how it was kept.
struct ControlSlipPrintPage {
    /// One hand-off.
    struct Row {
        let number: Int
        let from: String
        let to: String
        let at: String
        let by: String
        let verdict: String
        let note: String
    }

    let layout: PageLayout
    let agencyName: String
    let dossierCode: String
    let applicantName: String
    let procedureName: String
    let receivedAt: String
    let returnAt: String
    let rows: [Row]
    let heldBy: String?

    init(layout: PageLayout, slip: ProcessControlSlip) {
        self.layout = layout
        agencyName = slip.header.agencyName
        dossierCode = slip.header.dossierCode
        applicantName = slip.header.applicant.name
        procedureName = slip.header.procedureName
        receivedAt = VietnameseFormat.formal(slip.receivedAt)
        returnAt = slip.returnAt.map(VietnameseFormat.formal) ?? "Tạm dừng tính thời hạn"
        rows = slip.handOffs.map { row in
            Row(number: row.number, from: row.fromUnit, to: row.toUnit, at: WorkingCalendar.vietnamese(row.at), by: row.by,
                verdict: row.timeliness.map { $0.vietnameseName + (row.due.map { " (hạn \(WorkingCalendar.vietnamese($0)))" } ?? "") } ?? "",
                note: row.note ?? "")
        }
        heldBy = slip.heldBy.map { unit in unit + (slip.heldDue.map { ", hạn \(WorkingCalendar.vietnamese($0))" } ?? "") }
    }
}

/// The forms a dossier has so far, for its page: 01 always, 02–05 once issued, 06 once the process has begun.
struct FormLink {
    let href: String
    let label: String

    static func available(for record: DossierRecord) -> [FormLink] {
        let code = record.dossier.code
        var links = [FormLink(href: "/can-bo/ho-so/\(code)/mau/01", label: "Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả")]
        for kind in DossierNotice.Kind.allCases where DossierNotice(kind, record: record) != nil {
            links.append(FormLink(href: "/can-bo/ho-so/\(code)/mau/\(kind.rawValue)", label: "Mẫu \(kind.rawValue) — \(kind.title)"))
        }
        if record.dossier.state.work != nil {
            links.append(FormLink(href: "/can-bo/ho-so/\(code)/mau/06", label: "Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ"))
        }
        return links
    }
}
