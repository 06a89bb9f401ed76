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
    /// Several items are open to the actor; the request must say which.
    case workItemRequired([Int])
    case workItemUnknown(Int)
    /// The item is held by another officer.
    case heldByOther(String)
    case assigneeRequired
    case decisionRequired(options: [String])
    case decisionUnknown(String, options: [String])
    /// The process names a hand-off to a kind of agency this dossier has no partner of.
    case partnerMissing(String)
    /// The item issues a result (a part of an interlinked filing) and its number was not given.
    case resultRequired(String)
    /// The stored process cannot be run (it was not checked, or it has no way forward).
    case processInvalid

    /// The request field the error is about, for the problem document.
    public var field: String? {
        switch self {
        case .reasonRequired: "reason"
        case .newDueRequired, .newDueNotLater, .extensionTooLate: "newDueAt"
        case .notAllowedFrom, .roleRequired, .stepsRemaining, .noStepsLeft, .heldByOther, .partnerMissing,
             .processInvalid: "action"
        case .workItemRequired, .workItemUnknown: "workItem"
        case .assigneeRequired: "assignee"
        case .decisionRequired, .decisionUnknown: "decision"
        case .resultRequired: "result"
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
        case .workItemRequired(let ids):
            "Hồ sơ có nhiều việc đang mở cho bạn (số \(ids.map(String.init).joined(separator: ", "))); hãy chọn một."
        case .workItemUnknown(let id): "Hồ sơ không có việc đang mở số \(id)."
        case .heldByOther(let username): "Việc này đang do cán bộ \(username) xử lý."
        case .assigneeRequired: "Cần chọn cán bộ nhận việc."
        case .decisionRequired(let options):
            "Cần chọn quyết định: \(options.joined(separator: ", "))."
        case .decisionUnknown(let decision, let options):
            "Quyết định \"\(decision)\" không có ở bước này; chọn một trong: \(options.joined(separator: ", "))."
        case .partnerMissing(let kind): "Không xác định được cơ quan phối hợp loại \"\(kind)\" cho hồ sơ này."
        case .resultRequired(let document):
            "Bước này cấp \(document): cần ghi số, ký hiệu của kết quả đã cấp."
        case .processInvalid: "Quy trình nội bộ của hồ sơ không chạy được; báo bộ phận kiểm soát TTHC."
        }
    }
}
