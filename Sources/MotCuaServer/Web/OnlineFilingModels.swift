import Foundation
import MotCuaCore
import MotCuaStore

/// Nộp hồ sơ trực tuyến — the form a citizen fills in to file online: the agency, who they are, one file per
/// document the procedure asks for, the request; saved as a draft to come back to with its code and secret;
/// everything typed and attached kept when something is wrong, the problem said next to its field.
struct OnlineFilingPage {
    /// One document to attach: a new file, or one from the citizen's document store (those of the same kind first).
    struct Upload {
        let index: Int
        let name: String
        let attached: String?
        let error: String?
        let stored: [SelectOption]
        /// Whether the citizen has anything in their store to offer here.
        let reusable: Bool
    }

    let layout: PageLayout
    let procedureCode: String
    let procedureName: String
    let deadline: String
    let agencies: [SelectOption]
    let uploads: [Upload]
    let typed: [String: String]
    let errors: [String: String]
    let formError: String?
    let draftCode: String
    let draftSecret: String
    /// As the citizen writes them down: `FR1N-DDYC`.
    let draftCodeShown: String
    let draftSecretShown: String
    let savedNotice: Bool

    static let fields = ["name", "personalId", "address", "phone", "email", "request", "agencyCode", "registryFields"]

    init(layout: PageLayout, procedure: Procedure, agencies: [Agency], draft: OnlineFilingStore.Draft?, draftCode: String,
         draftSecret: String, errors: [String: String], formError: String?, savedNotice: Bool, stored: [StoredDocument] = []) {
        self.layout = layout
        procedureCode = procedure.code
        procedureName = procedure.name
        deadline = procedure.deadline.description
        let chosen = draft?.fields["agencyCode"] ?? ""
        self.agencies = [SelectOption(value: "", label: "— Chọn cơ quan —", selected: chosen.isEmpty)]
            + agencies.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == chosen) }
        uploads = procedure.documents.enumerated().map { index, document in
            let file = draft?.files.first { $0.documentIndex == index }
            let kind = StoredDocument.typeCode(of: document.name)
            let choices = stored.sorted { ($0.typeCode == kind ? 0 : 1) < ($1.typeCode == kind ? 0 : 1) }.map {
                SelectOption(value: $0.id, label: "\($0.title) — \($0.source.vietnameseName)\($0.dossierCode.map { ", hồ sơ \($0)" } ?? "")")
            }
            return Upload(index: index, name: document.name,
                          attached: file.map { "Đã đính kèm: \($0.fileName) (\(VietnameseFormat.fileSize($0.size)))" }, error: errors["file-\(index)"],
                          stored: [SelectOption(value: "", label: "— Không dùng —", selected: true)] + choices, reusable: !choices.isEmpty)
        }
        var typed: [String: String] = [:]
        for name in Self.fields { typed[name] = draft?.fields[name] ?? "" }
        if typed["request"]?.isEmpty ?? true { typed["request"] = procedure.name }
        self.typed = typed
        self.errors = errors
        self.formError = formError
        self.draftCode = draftCode
        self.draftSecret = draftSecret
        draftCodeShown = TrackingSecret.display(draftCode)
        draftSecretShown = TrackingSecret.display(draftSecret)
        self.savedNotice = savedNotice
    }
}

/// Tiếp tục hồ sơ nháp — the form that finds a saved draft by its code and secret.
struct DraftResumePage {
    let layout: PageLayout
    let code: String
    let error: String?
}
