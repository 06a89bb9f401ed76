import Foundation

/// Thủ tục hành chính — one administrative procedure of the catalog, as the national database publishes it,
/// with the internal process (quy trình nội bộ) this province runs it by.
public struct Procedure: Hashable, Sendable, Codable {
    /// Mã TTHC — the national code, e.g. `1.001193`.
    public var code: String
    public var name: String
    /// Lĩnh vực — the field (Hộ tịch, Cư trú, Chứng thực …).
    public var field: String
    public var level: ProcedureLevel
    /// The kind of agency competent to decide (every agency of that kind handles its own dossiers).
    public var agencyKind: String
    /// Cơ quan thực hiện — the competent agency as the catalog names it.
    public var competentAgency: String
    /// Thời hạn giải quyết.
    public var deadline: TimeBudget
    /// Phí, lệ phí — in đồng.
    public var fees: [Fee]
    /// Thành phần hồ sơ.
    public var documents: [RequiredDocument]
    /// Mức độ dịch vụ công trực tuyến.
    public var onlineLevel: OnlineLevel
    /// Kết quả thực hiện.
    public var results: [String]
    /// Căn cứ pháp lý.
    public var legalBasis: [String]
    public var status: ProcedureStatus
    public var effectiveFrom: CivilDate?
    public var repealedOn: CivilDate?
    /// Quy trình nội bộ — the steps after intake.
    public var steps: [ProcessStep]

    public init(code: String, name: String, field: String, level: ProcedureLevel, agencyKind: String,
                competentAgency: String, deadline: TimeBudget, fees: [Fee], documents: [RequiredDocument],
                onlineLevel: OnlineLevel, results: [String], legalBasis: [String], status: ProcedureStatus,
                effectiveFrom: CivilDate?, repealedOn: CivilDate?, steps: [ProcessStep]) {
        self.code = code
        self.name = name
        self.field = field
        self.level = level
        self.agencyKind = agencyKind
        self.competentAgency = competentAgency
        self.deadline = deadline
        self.fees = fees
        self.documents = documents
        self.onlineLevel = onlineLevel
        self.results = results
        self.legalBasis = legalBasis
        self.status = status
        self.effectiveFrom = effectiveFrom
        self.repealedOn = repealedOn
        self.steps = steps
    }

    /// The text the catalog search matches against (code, name, field), folded.
    public var searchText: String { VietnameseText.fold("\(code) \(name) \(field)") }

    /// Whether dossiers may be received for it on a day.
    public func isInForce(on day: CivilDate) -> Bool {
        if let effectiveFrom, day < effectiveFrom { return false }
        if let repealedOn { return day < repealedOn }
        return status == .inForce
    }
}

/// Cấp thực hiện — the level of government that handles the procedure.
public enum ProcedureLevel: String, Codable, Sendable, CaseIterable {
    case province = "cap-tinh"
    case commune = "cap-xa"
    /// Cấp huyện — only for dossiers received before 1 July 2025.
    case district = "cap-huyen"
}

/// Mức độ dịch vụ công trực tuyến (Decree 45/2020).
public enum OnlineLevel: String, Codable, Sendable, CaseIterable {
    case full = "toan-trinh"
    case partial = "mot-phan"
    case none = "khong"
}

/// Tình trạng hiệu lực.
public enum ProcedureStatus: String, Codable, Sendable {
    case inForce = "con-hieu-luc"
    case repealed = "het-hieu-luc"
}

/// Phí, lệ phí — one fee, in đồng.
public struct Fee: Hashable, Sendable, Codable {
    public var name: String
    public var amount: Int

    public init(name: String, amount: Int) {
        self.name = name
        self.amount = amount
    }
}

/// Thành phần hồ sơ — one document the applicant brings: how many originals and copies, and its form template.
public struct RequiredDocument: Hashable, Sendable, Codable {
    public var name: String
    public var originals: Int
    public var copies: Int
    /// Mẫu đơn, tờ khai — the template's name, if the document is a form.
    public var formTemplate: String?

    public init(name: String, originals: Int, copies: Int, formTemplate: String? = nil) {
        self.name = name
        self.originals = originals
        self.copies = copies
        self.formTemplate = formTemplate
    }
}
