/// Thao tác — one thing an officer (or the applicant, through an officer or the portal) does to a dossier.
public enum DossierAction: String, Codable, Sendable, CaseIterable {
    /// Tiếp nhận — accepts a newly registered dossier; the legal clock starts.
    case accept = "tiep-nhan"
    /// Từ chối tiếp nhận (mẫu 03) — refuses with a reason.
    case refuse = "tu-choi"
    /// Chuyển bước — sends the dossier into its first step, or on to the next.
    case forward = "chuyen-buoc"
    /// Yêu cầu bổ sung (mẫu 02) — asks the applicant to complete the dossier; the clock stops.
    case requestSupplement = "yeu-cau-bo-sung"
    /// Đã bổ sung — the applicant supplied what was asked; the clock runs again.
    case supplied = "da-bo-sung"
    /// Yêu cầu nghĩa vụ tài chính — asks the applicant to pay; the clock stops.
    case requestPayment = "yeu-cau-nghia-vu-tai-chinh"
    /// Đã thực hiện nghĩa vụ tài chính — the applicant paid; the clock runs again.
    case paid = "da-nop"
    /// Xin lỗi và gia hạn (mẫu 04) — apologises and sets a later appointment, before the deadline.
    case extend = "gia-han"
    /// Dừng xử lý (mẫu 05) — stops processing with a reason.
    case stop = "dung-xu-ly"
    /// Hoàn thành xử lý — the last step is done; the result is ready.
    case finish = "hoan-thanh"
    /// Trả kết quả — the result is handed to the applicant.
    case returnResult = "tra-ket-qua"
    /// Rút hồ sơ — the applicant withdraws the dossier.
    case withdraw = "rut-ho-so"
    /// Nhận việc — an officer takes a work item from the unit's queue.
    case claim = "nhan-viec"
    /// Trả việc về hàng chờ — the holder puts a work item back in the unit's queue.
    case release = "tra-viec"
    /// Giao việc — a leader hands a work item to an officer (reassignment included).
    case assign = "giao-viec"

    /// The statuses the action may start from.
    public var allowedFrom: Set<DossierStatus> {
        switch self {
        case .accept, .refuse: [.registered]
        case .forward: [.accepted, .processing]
        case .requestSupplement: [.accepted, .processing]
        case .supplied: [.supplementRequested]
        case .requestPayment: [.processing]
        case .paid: [.paymentDue]
        case .extend: [.accepted, .processing]
        case .stop: [.accepted, .processing, .supplementRequested, .paymentDue]
        case .finish: [.processing]
        case .returnResult: [.done]
        case .withdraw: [.registered, .accepted, .processing, .supplementRequested, .paymentDue]
        case .claim, .release, .assign: [.processing, .supplementRequested, .paymentDue]
        }
    }

    /// Who may take the action. Work on an item (forward, finish, claim, release) needs the item's role in the
    /// item's agency instead; giving an item to someone needs a leader there.
    public var allowedRoles: Set<OfficerRole> {
        switch self {
        case .accept, .refuse, .supplied, .paid, .returnResult, .withdraw: [.deskOfficer]
        case .forward, .finish: [.deskOfficer, .specialist, .unitLeader, .agencyLeader]
        case .requestSupplement, .requestPayment: [.deskOfficer, .specialist, .unitLeader, .agencyLeader]
        case .extend: [.specialist, .unitLeader, .agencyLeader]
        case .stop, .assign: [.unitLeader, .agencyLeader]
        case .claim, .release: [.deskOfficer, .specialist, .unitLeader, .agencyLeader]
        }
    }

    /// Whether the law asks for a written reason (refusal, supplement, apology, stop, withdrawal).
    public var needsReason: Bool {
        [.refuse, .requestSupplement, .requestPayment, .extend, .stop, .withdraw].contains(self)
    }

    public var vietnameseName: String {
        switch self {
        case .accept: "Tiếp nhận"
        case .refuse: "Từ chối tiếp nhận"
        case .forward: "Chuyển bước xử lý"
        case .requestSupplement: "Yêu cầu bổ sung hồ sơ"
        case .supplied: "Công dân đã bổ sung"
        case .requestPayment: "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .paid: "Đã thực hiện nghĩa vụ tài chính"
        case .extend: "Xin lỗi và gia hạn"
        case .stop: "Dừng xử lý"
        case .finish: "Hoàn thành xử lý"
        case .returnResult: "Trả kết quả"
        case .withdraw: "Rút hồ sơ"
        case .claim: "Nhận việc"
        case .release: "Trả việc về hàng chờ"
        case .assign: "Giao việc"
        }
    }
}
