import Foundation

/// Mẫu 02–05 — the notices an agency issues to the applicant during processing: a request to supplement (02),
/// a refusal (03), an apology with a new appointment (04), a notice of stopping (05). Each is read from the
/// event that issued it and carries that event's reason.
public struct DossierNotice: Hashable, Sendable, Codable {
    /// Which notice.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case supplementRequest = "02"
        case refusal = "03"
        case apology = "04"
        case stopNotice = "05"

        /// The action whose event issues this notice.
        public var action: DossierAction {
            switch self {
            case .supplementRequest: .requestSupplement
            case .refusal: .refuse
            case .apology: .extend
            case .stopNotice: .stop
            }
        }

        public var title: String {
            switch self {
            case .supplementRequest: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
            case .refusal: "Phiếu từ chối tiếp nhận giải quyết hồ sơ"
            case .apology: "Văn bản xin lỗi và hẹn lại ngày trả kết quả"
            case .stopNotice: "Thông báo dừng giải quyết hồ sơ"
            }
        }
    }

    public let form: Kind
    public let title: String
    public let header: FormHeader
    public let receivedAt: Date
    public let issuedAt: Date
    public let issuedBy: String
    /// Lý do (for 02: what is missing and why).
    public let reason: String
    /// For 04: the appointment before and after the apology.
    public let previousReturnAt: Date?
    public let newReturnAt: Date?
    /// Which time this notice is of its kind (a second supplement request is number 2).
    public let ordinal: Int

    /// The notice of `kind`, from its latest issuing event; nil if no such event happened.
    public init?(_ kind: Kind, record: DossierRecord) {
        let issuing = record.events.filter { $0.action == kind.action.rawValue }
        guard let event = issuing.last else { return nil }
        form = kind
        title = kind.title
        header = FormHeader(record)
        receivedAt = record.dossier.receivedAt
        issuedAt = event.at
        issuedBy = record.officerName(event.actor)
        reason = event.reason ?? ""
        ordinal = issuing.count
        if kind == .apology {
            previousReturnAt = record.events.last { $0.sequence < event.sequence && $0.dueAfter != nil }?.dueAfter
            newReturnAt = event.dueAfter
        } else {
            previousReturnAt = nil
            newReturnAt = nil
        }
    }
}
