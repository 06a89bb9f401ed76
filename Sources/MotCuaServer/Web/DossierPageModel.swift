import Foundation
import MotCuaCore
import MotCuaStore

/// Trang hồ sơ của cán bộ — one dossier as an officer handles it: who filed what, where it is, each step with
/// its own clock, the history, and a form for each action this officer may take now (only those), each asking
/// for what the action needs; a refused action comes back with the problem next to the field and what was typed.
struct DossierPage {
    /// The form of one action on offer.
    struct ActionForm {
        let action: String
        let label: String
        let isGrave: Bool
        let needsReason: Bool
        let needsNewDue: Bool
        let needsAssignee: Bool
        let decisions: [SelectOption]
        let hasDecisions: Bool
        let workItems: [SelectOption]
        let chooseItem: Bool
        let onlyItem: Int?
        let issuedResult: String?
        let error: String?
        let typedReason: String
        let typedResult: String
    }

    /// One event of the history.
    struct HistoryLine {
        let at: String
        let what: String
        let who: String
        let reason: String?
    }

    /// What the officer just tried, when the rules refused it.
    struct Refusal {
        let action: String
        let message: String
        let reason: String
        let result: String
    }

    let layout: PageLayout
    let code: String
    let procedureName: String
    let statusName: String
    let applicantName: String
    let applicantAddress: String
    let receivedAt: String
    let appointment: String
    let version: Int
    let documents: [String]
    let steps: [TrackingPage.Step]
    let hasSteps: Bool
    let actions: [ActionForm]
    let hasActions: Bool
    /// A refusal of an action with no form here (it is not, or no longer, this officer's to take).
    let refusalElsewhere: String?
    let history: [HistoryLine]
    let notice: String?
    let forms: [FormLink]
    /// Files the applicant attached online, to open.
    let attachments: [FormLink]
    let hasAttachments: Bool
    /// What the applicant sent online after a supplement request (a file to open, or a note alone).
    struct SentLine {
        let href: String?
        let label: String
    }

    let supplements: [SentLine]
    let hasSupplements: Bool
    /// Đánh giá của người nộp, once given.
    let rating: String?
    /// Where the applicant's identity came from: the e-ID account and level that filed online, the fields filled in
    /// from the population registry (a national scoring indicator counts these).
    let provenance: String?
    let results: ResultFilesSection

    init(layout: PageLayout, record: DossierRecord, offers: AvailableActions, refusal: Refusal?, notice: String?,
         attached: [AttachedFile], supplements: [SupplementStore.Entry], rating: Rating?, results: ResultFilesSection, now: Date,
         calendar: WorkingCalendar, filedWith: AssuranceLevel? = nil, registryFields: [String] = []) {
        self.layout = layout
        let dossier = record.dossier
        code = dossier.code
        procedureName = dossier.procedureName
        statusName = dossier.state.status.vietnameseName
        applicantName = dossier.applicant.name
        applicantAddress = dossier.applicant.address
        provenance = Self.provenance(filedWith: filedWith, registryFields: registryFields)
        receivedAt = WorkingCalendar.vietnamese(dossier.receivedAt)
        appointment = dossier.state.clock.due.map(WorkingCalendar.vietnamese) ?? "Tạm dừng tính thời hạn"
        version = dossier.state.version
        documents = dossier.documents.map { "\($0.name) (\(VietnameseFormat.quantity(originals: $0.originals, copies: $0.copies)))" }
        steps = (dossier.state.work?.items ?? []).map { item in
            let (progress, progressClass) = TrackingPage.progress(of: item, now: now, calendar: calendar)
            let holder = item.assignee.map { " · \(record.officerName($0))" } ?? (item.isOpen ? " · chờ trong hàng" : "")
            return TrackingPage.Step(name: item.name, unit: item.unit + holder, openedAt: WorkingCalendar.vietnamese(item.openedAt),
                                     due: item.clock.due.map(WorkingCalendar.vietnamese) ?? "Tạm dừng",
                                     progress: progress, progressClass: progressClass)
        }
        hasSteps = !steps.isEmpty
        actions = offers.offers.map { offer in
            let mine = refusal?.action == offer.action.rawValue ? refusal : nil
            return ActionForm(
                action: offer.action.rawValue, label: offer.action.vietnameseName,
                isGrave: [.refuse, .stop, .withdraw].contains(offer.action), needsReason: offer.action.needsReason,
                needsNewDue: offer.action == .extend, needsAssignee: offer.action == .assign,
                decisions: offer.decisions.map { SelectOption(value: $0.decision, label: $0.label) },
                hasDecisions: !offer.decisions.isEmpty,
                workItems: offer.workItems.map { SelectOption(value: String($0.id), label: "\($0.name) — \($0.unit)") },
                chooseItem: offer.workItems.count > 1, onlyItem: offer.workItems.count == 1 ? offer.workItems[0].id : nil,
                issuedResult: offer.issuedResult, error: mine?.message, typedReason: mine?.reason ?? "",
                typedResult: mine?.result ?? "")
        }
        hasActions = !actions.isEmpty
        refusalElsewhere = refusal.flatMap { refused in
            offers.offers.contains { $0.action.rawValue == refused.action } ? nil : refused.message
        }
        history = record.events.reversed().map { event in
            HistoryLine(at: WorkingCalendar.vietnamese(event.at), what: Self.name(of: event.action),
                        who: record.officerName(event.actor), reason: event.reason)
        }
        self.notice = notice
        forms = FormLink.available(for: record)
        attachments = attached.map {
            FormLink(href: "/can-bo/ho-so/\(dossier.code)/tep/\($0.documentIndex)",
                     label: "\($0.documentName): \($0.fileName) (\(VietnameseFormat.fileSize($0.size)))")
        }
        hasAttachments = !attached.isEmpty
        self.supplements = supplements.map { entry in
            let what = [entry.file?.fileName, entry.note].compactMap { $0 }.joined(separator: " — ")
            return SentLine(href: entry.file.map { _ in "/can-bo/ho-so/\(dossier.code)/bo-sung/\(entry.sequence)" },
                            label: "\(WorkingCalendar.vietnamese(entry.submittedAt)): \(what)")
        }
        hasSupplements = !supplements.isEmpty
        self.rating = rating?.summary
        self.results = results
    }

    /// An event's action in words.
    static func name(of action: String) -> String {
        if action == DossierEvent.intake { return "Nhận hồ sơ" }
        if let alarm = StepAlarm(rawValue: action) { return alarm.vietnameseName }
        return DossierAction(rawValue: action)?.vietnameseName ?? action
    }

    /// "Nộp trực tuyến bằng tài khoản VNeID mức 2; họ tên, nơi thường trú lấy từ CSDL quốc gia về dân cư."
    static func provenance(filedWith level: AssuranceLevel?, registryFields: [String]) -> String? {
        let names = ["name": "họ tên", "address": "nơi thường trú"]
        let parts = [level.map { "Nộp trực tuyến bằng tài khoản VNeID \($0.vietnameseName)" },
                     registryFields.isEmpty ? nil : registryFields.compactMap { names[$0] }.joined(separator: ", ")
                         + " lấy từ CSDL quốc gia về dân cư"].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}
