import Foundation

/// Tình trạng xử lý hồ sơ — the part of a dossier that transitions change: status, step, legal clock, counts.
/// `version` grows by one with each transition (optimistic concurrency).
public struct DossierState: Hashable, Sendable, Codable {
    public var status: DossierStatus
    /// Index of the current internal-process step, once processing has started.
    public var stepIndex: Int?
    /// When the current step began, and its own appointment.
    public var stepStartedAt: Date?
    public var stepDue: Date?
    public var clock: LegalClock
    public var supplementRequests: Int
    public var extensions: Int
    /// Thời điểm kết thúc xử lý — the first of done, returned, refused, stopped or withdrawn.
    public var endedAt: Date?
    public var returnedAt: Date?
    public var version: Int

    public init(status: DossierStatus, clock: LegalClock, version: Int = 1) {
        self.status = status
        self.clock = clock
        self.supplementRequests = 0
        self.extensions = 0
        self.version = version
    }

    /// A second supplement request counts the dossier as late (national scoring rule).
    public var lateBySecondSupplement: Bool { supplementRequests >= 2 }

    /// The verdict once processing has ended; nil while it goes on.
    public var timeliness: Timeliness? {
        guard let endedAt, let due = clock.due else { return nil }
        return Timeliness.verdict(end: endedAt, due: due, secondSupplementRequested: lateBySecondSupplement)
    }
}

/// Yêu cầu chuyển trạng thái — what an actor asks to do to a dossier, and when.
public struct TransitionRequest: Sendable {
    public let action: DossierAction
    public let at: Date
    public let actorRoles: Set<OfficerRole>
    public let reason: String?
    /// The new appointment, for an extension.
    public let newDue: Date?

    public init(action: DossierAction, at: Date, actorRoles: Set<OfficerRole>, reason: String? = nil, newDue: Date? = nil) {
        self.action = action
        self.at = at
        self.actorRoles = actorRoles
        self.reason = reason
        self.newDue = newDue
    }
}

/// Why a transition is refused; each case names what the user must change, in Vietnamese.
public enum TransitionError: Error, Equatable, Sendable {
    case notAllowedFrom(DossierStatus, DossierAction)
    case roleRequired(Set<OfficerRole>)
    case reasonRequired
    case newDueRequired
    case newDueNotLater
    case extensionTooLate(latest: CivilDate)
    case stepsRemaining(Int)
    case noStepsLeft

    /// The request field the error is about, for the problem document.
    public var field: String? {
        switch self {
        case .reasonRequired: "reason"
        case .newDueRequired, .newDueNotLater, .extensionTooLate: "newDueAt"
        case .notAllowedFrom, .roleRequired, .stepsRemaining, .noStepsLeft: "action"
        }
    }

    public var vietnameseMessage: String {
        switch self {
        case .notAllowedFrom(let status, let action):
            "Không thể \(action.vietnameseName.lowercased()) khi hồ sơ đang ở trạng thái \"\(status.vietnameseName)\"."
        case .roleRequired(let roles):
            "Thao tác này cần vai trò: \(roles.map(\.vietnameseName).sorted().joined(separator: ", "))."
        case .reasonRequired: "Cần ghi rõ lý do."
        case .newDueRequired: "Cần ghi ngày hẹn trả mới."
        case .newDueNotLater: "Ngày hẹn trả mới phải sau ngày hẹn hiện tại."
        case .extensionTooLate(let latest):
            "Văn bản xin lỗi và gia hạn phải ban hành trước hạn, chậm nhất ngày \(latest.vietnamese)."
        case .stepsRemaining(let n): "Hồ sơ còn \(n) bước xử lý chưa hoàn thành."
        case .noStepsLeft: "Hồ sơ đã ở bước cuối; hãy hoàn thành xử lý."
        }
    }
}
