/// Trạng thái hồ sơ (TrangThaiHoSo) — the national status codes a dossier is synced with.
public enum DossierStatus: Int, Codable, Sendable, CaseIterable {
    case registered = 1
    case accepted = 2
    case refused = 3
    case processing = 4
    case supplementRequested = 5
    case paymentDue = 6
    case withdrawn = 7
    case stopped = 8
    case done = 9
    case returned = 10

    public var vietnameseName: String {
        switch self {
        case .registered: "Mới đăng ký"
        case .accepted: "Được tiếp nhận"
        case .refused: "Không được tiếp nhận"
        case .processing: "Đang xử lý"
        case .supplementRequested: "Yêu cầu bổ sung giấy tờ"
        case .paymentDue: "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .withdrawn: "Công dân yêu cầu rút hồ sơ"
        case .stopped: "Dừng xử lý"
        case .done: "Đã xử lý xong"
        case .returned: "Đã trả kết quả"
        }
    }

    /// Whether processing has ended (the moment that is judged against the appointment).
    public var endsProcessing: Bool { [.refused, .withdrawn, .stopped, .done, .returned].contains(self) }

    /// Whether the legal clock is stopped in this status (waiting on the applicant).
    public var pausesClock: Bool { self == .supplementRequested || self == .paymentDue }
}

/// Kênh thực hiện (KenhThucHien) — how the dossier reached the agency.
public enum Channel: Int, Codable, Sendable, CaseIterable {
    case counter = 1
    case online = 2
    case postal = 3

    public var vietnameseName: String {
        switch self {
        case .counter: "Trực tiếp"
        case .online: "Trực tuyến"
        case .postal: "Bưu chính công ích"
        }
    }
}

/// Vai trò cán bộ — what an officer may do, within the agencies they belong to.
public enum OfficerRole: String, Codable, Sendable, CaseIterable {
    /// Cán bộ một cửa — receives dossiers and returns results.
    case deskOfficer = "mot-cua"
    /// Chuyên viên — examines the dossier in a step.
    case specialist = "chuyen-vien"
    /// Lãnh đạo phòng — leads a unit, approves its steps.
    case unitLeader = "lanh-dao-phong"
    /// Lãnh đạo cơ quan — signs results, apologies and stops.
    case agencyLeader = "lanh-dao-co-quan"
    /// Quản trị kiểm soát TTHC — keeps the catalog, units, calendar and accounts.
    case administrator = "quan-tri"
    /// Thanh tra — reads everything in their agencies, changes nothing.
    case inspector = "thanh-tra"

    public var vietnameseName: String {
        switch self {
        case .deskOfficer: "Cán bộ một cửa"
        case .specialist: "Chuyên viên"
        case .unitLeader: "Lãnh đạo phòng"
        case .agencyLeader: "Lãnh đạo cơ quan"
        case .administrator: "Quản trị kiểm soát TTHC"
        case .inspector: "Thanh tra"
        }
    }
}
