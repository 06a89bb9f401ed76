import Foundation
import MotCuaCore
import MotCuaStore

/// Trang đăng nhập — the sign-in form, with what the officer typed (never the password) and the problem next to
/// the field it is about.
struct SignInPage {
    let layout: PageLayout
    let username: String
    let usernameError: String?
    let passwordError: String?
    let formError: String?
}

/// Việc của tôi — an officer's open work items, nearest deadline first, each marked late, due today or in time
/// (`DeadlineStanding`, in words as well as colour); narrowed by who holds them, their deadline and the dossier code, a page at a time.
struct WorkPage {
    /// One work item.
    struct Line {
        let dossierCode: String
        let step: String
        let unit: String
        let holder: String
        let due: String
        let state: String
        let stateClass: String
        let href: String
    }

    let layout: PageLayout
    let lines: [Line]
    let summary: String
    let hasLines: Bool
    let holdings: [SelectOption]
    let deadlines: [SelectOption]
    let code: String
    let pageLinks: PageLinks

    static let perPage = 20

    init(layout: PageLayout, entries: [WorkItemStore.Entry], total: Int, filter: WorkQueueFilter, page: Int, username: String,
         now: Date) {
        self.layout = layout
        holdings = WorkQueueFilter.Holding.allCases.map {
            SelectOption(value: $0.rawValue, label: Self.name($0), selected: $0 == filter.holding)
        }
        deadlines = [SelectOption(value: "", label: "Tất cả", selected: filter.deadline == nil)] + DeadlineStanding.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.vietnameseName, selected: $0 == filter.deadline)
        }
        code = filter.code
        pageLinks = PageLinks(path: "/can-bo/viec", query: [("holding", filter.holding.rawValue), ("deadline", filter.deadline?.rawValue ?? ""),
                                                             ("code", filter.code)],
                              page: page, perPage: Self.perPage, total: total)
        lines = entries.map { entry in
            let standing = DeadlineStanding(due: entry.dueAt, at: now)
            let holder = switch entry.assignee {
            case nil: "Chờ trong hàng của đơn vị"
            case username?: "Bạn đang giữ"
            case let other?: "Xử lý thay \(other)"
            }
            return Line(dossierCode: entry.dossierCode, step: entry.name, unit: entry.unit, holder: holder,
                        due: entry.dueAt.map(WorkingCalendar.vietnamese) ?? DeadlineStanding.paused.vietnameseName,
                        state: standing.vietnameseName, stateClass: standing.tagClass, href: "/can-bo/ho-so/\(entry.dossierCode)")
        }
        hasLines = !entries.isEmpty
        summary = switch (total, filter == .all) {
        case (0, true): "Không có việc nào đang chờ bạn."
        case (0, false): "Không có việc nào khớp điều kiện lọc."
        case (_, true): "\(total) việc đang chờ."
        case (_, false): "\(total) việc khớp điều kiện lọc."
        }
    }

    static func name(_ holding: WorkQueueFilter.Holding) -> String {
        switch holding {
        case .any: "Tất cả"
        case .held: "Việc đang giữ"
        case .waiting: "Chờ nhận trong hàng của đơn vị"
        }
    }
}

/// Mẫu 01 để in — the receipt and appointment slip as the official form lays it out, on A4.
struct ReceiptPrintPage {
    /// One numbered document received.
    struct Line {
        let number: Int
        let name: String
        let quantity: String
    }

    let layout: PageLayout
    let agencyName: String
    let receivingAgencyName: String
    let dossierCode: String
    let applicantName: String
    let address: String
    let phone: String
    let email: String
    let request: String
    let procedureName: String
    let documents: [Line]
    let sets: Int
    let statutoryTime: String
    let receivedAt: String
    let returnAt: String
    let collectAt: String
    let registerBook: String
    let registerLine: Int
    let receivingOfficer: String
    let authority: String?
    let trackingSecret: String?
    /// Where the page leads back to: the dossier for an officer, tracking for a citizen.
    let backHref: String
    let backLabel: String

    init(layout: PageLayout, slip: ReceiptSlip, backHref: String? = nil, backLabel: String? = nil) {
        self.layout = layout
        self.backHref = backHref ?? "/can-bo/ho-so/\(slip.header.dossierCode)"
        self.backLabel = backLabel ?? "Hồ sơ \(slip.header.dossierCode)"
        agencyName = slip.header.agencyName
        receivingAgencyName = slip.header.receivingAgencyName
        dossierCode = slip.header.dossierCode
        applicantName = slip.header.applicant.name
        address = slip.header.applicant.address
        phone = slip.header.applicant.phone ?? "—"
        email = slip.header.applicant.email ?? "—"
        request = slip.request
        procedureName = slip.header.procedureName
        documents = slip.documents.map {
            Line(number: $0.number, name: $0.name, quantity: VietnameseFormat.quantity(originals: $0.originals, copies: $0.copies))
        }
        sets = slip.sets
        statutoryTime = slip.statutoryTime
        receivedAt = VietnameseFormat.formal(slip.receivedAt)
        returnAt = slip.returnAt.map(VietnameseFormat.formal) ?? "Khi có kết quả (thời hạn đang tạm dừng)"
        collectAt = "Bộ phận Một cửa – \(slip.collectAt)"
        registerBook = slip.registerBook
        registerLine = slip.registerLine
        receivingOfficer = slip.receivingOfficer
        authority = slip.header.authority
        trackingSecret = slip.trackingSecret
    }
}
