import Foundation
import MotCuaCore

/// Tiếp nhận tại quầy — the desk's intake page: first the procedure (searched as on the portal), then its form:
/// the applicant, each document of the procedure to tick as received with its originals and copies, the sets and
/// the request, a scan per document. A returning applicant is looked up by ID. A refused intake comes back with
/// everything typed (the scans to choose again) and the problem next to its field.
struct DeskIntakePage {
    /// One procedure to pick.
    struct Choice {
        let code: String
        let name: String
        let href: String
    }

    /// One document of the procedure, as the desk ticked it.
    struct DocumentLine {
        let index: Int
        let name: String
        let received: Bool
        let originals: Int
        let copies: Int
    }

    let layout: PageLayout
    let query: String
    let choices: [Choice]
    let choosing: Bool
    let procedureCode: String
    let procedureName: String
    let deadline: String
    let submission: String
    /// The applicant's fields filled in from the population registry ("address,name"), carried to the intake.
    let registryFields: String
    let kinds: [SelectOption]
    let channels: [SelectOption]
    let documents: [DocumentLine]
    let typed: [String: String]
    let errors: [String: String]
    let formError: String?
    let notice: String?

    /// The procedure search step.
    init(layout: PageLayout, query: String, procedures: [Procedure]) {
        self.layout = layout
        self.query = query
        choices = procedures.map { Choice(code: $0.code, name: $0.name, href: "/can-bo/tiep-nhan?thu-tuc=\($0.code)") }
        choosing = true
        (procedureCode, procedureName, deadline, submission, registryFields) = ("", "", "", "", "")
        (kinds, channels, documents, typed, errors, formError, notice) = ([], [], [], [:], [:], nil, nil)
    }

    /// The form for one procedure: blank (every document ticked, as the procedure asks), or as posted with the
    /// problem found.
    init(layout: PageLayout, procedure: Procedure, submission: String, posted: FormFields?, problem: (field: String?, message: String)?,
         notice: String? = nil) {
        self.layout = layout
        self.notice = notice
        query = ""
        choices = []
        choosing = false
        procedureCode = procedure.code
        procedureName = procedure.name
        deadline = procedure.deadline.description
        self.submission = submission
        registryFields = posted?["registryFields"] ?? ""
        let kind = posted?["kind"] ?? Applicant.Kind.citizen.rawValue
        kinds = [SelectOption(value: Applicant.Kind.citizen.rawValue, label: "Công dân", selected: kind == Applicant.Kind.citizen.rawValue),
                 SelectOption(value: Applicant.Kind.business.rawValue, label: "Tổ chức, doanh nghiệp", selected: kind == Applicant.Kind.business.rawValue)]
        let channel = posted?["channel"] ?? "1"
        channels = [SelectOption(value: "1", label: "Trực tiếp tại quầy", selected: channel == "1"),
                    SelectOption(value: "3", label: "Qua bưu chính", selected: channel == "3")]
        documents = procedure.documents.enumerated().map { index, document in
            DocumentLine(index: index, name: document.name, received: posted.map { $0.has("doc-\(index)") } ?? true,
                         originals: posted?.number("originals-\(index)") ?? document.originals,
                         copies: posted?.number("copies-\(index)") ?? document.copies)
        }
        var typed: [String: String] = [:]
        for name in Self.textFields { typed[name] = posted?[name] ?? "" }
        if typed["sets"]?.isEmpty ?? true { typed["sets"] = "1" }
        if typed["request"]?.isEmpty ?? true { typed["request"] = procedure.name }
        self.typed = typed
        (errors, formError) = PageField.place(field: problem?.field, message: problem?.message, among: Self.textFields + ["documents"])
    }

    static let textFields = ["name", "personalId", "taxCode", "address", "phone", "email", "sets", "request", "agencyCode"]
}
