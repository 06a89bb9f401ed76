import Foundation

/// Hồ sơ — an application for one administrative procedure: who filed it, for what, where, what they handed
/// in, and where it stands now.
public struct Dossier: Hashable, Sendable, Codable {
    /// Mã hồ sơ (MaHoSo) — also the receipt number (SoBienNhan).
    public private(set) var code: String
    public let procedureCode: String
    public let procedureName: String
    /// The agency that decides the dossier.
    public let agencyCode: String
    /// The agency whose desk received it (a service centre may receive for any agency of the province).
    public let receivedByAgencyCode: String
    public let channel: Channel
    public let applicant: Applicant
    /// The administrative unit the request concerns (`hien-hanh:4`, or `truoc-2025:1` for an old dossier).
    public let unitKey: String?
    public let receivedAt: Date
    public let receivedBy: String
    /// Danh mục giấy tờ đã nhận.
    public let documents: [ReceivedDocument]
    /// Số bộ hồ sơ.
    public let sets: Int
    /// Nội dung yêu cầu giải quyết.
    public let request: String
    /// The process version and partner agencies the dossier runs on, fixed at receipt.
    public let process: ProcessBinding?
    /// Thẩm quyền — under whose authority it is decided (a delegation's, if one was in force at receipt).
    public let authority: Authority?
    /// Mã tra cứu — what the applicant types, with the code, to follow the dossier (`TrackingSecret`).
    public let trackingSecret: String?
    public var state: DossierState

    public init(code: String, procedureCode: String, procedureName: String, agencyCode: String,
                receivedByAgencyCode: String, channel: Channel, applicant: Applicant, unitKey: String?,
                receivedAt: Date, receivedBy: String, documents: [ReceivedDocument], sets: Int, request: String,
                state: DossierState, process: ProcessBinding? = nil, authority: Authority? = nil,
                trackingSecret: String? = nil) {
        self.code = code
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.agencyCode = agencyCode
        self.receivedByAgencyCode = receivedByAgencyCode
        self.channel = channel
        self.applicant = applicant
        self.unitKey = unitKey
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
        self.documents = documents
        self.sets = sets
        self.request = request
        self.state = state
        self.process = process
        self.authority = authority
        self.trackingSecret = trackingSecret
    }

    /// The same dossier under `code`: the register's code in place of the placeholder it was drafted with.
    public func coded(_ code: String) -> Dossier {
        var coded = self
        coded.code = code
        return coded
    }

    /// Every agency with a part in the dossier: the deciding one, the receiving desk's, and the partners of its
    /// hand-offs. Their officers may see it.
    public var agencyCodes: Set<String> {
        Set([agencyCode, receivedByAgencyCode] + (process?.partners.values.map(\.agencyCode) ?? []))
    }
}

/// Chủ hồ sơ — the citizen or business the dossier is for (LoaiDoiTuong: 1 citizen, 2 business).
public struct Applicant: Hashable, Sendable, Codable {
    /// Loại đối tượng.
    public enum Kind: String, Codable, Sendable {
        case citizen = "cong-dan"
        case business = "doanh-nghiep"
    }

    public let kind: Kind
    public let name: String
    /// Số định danh cá nhân, for a citizen.
    public let personalId: String?
    /// Mã số doanh nghiệp / mã số thuế, for a business.
    public let taxCode: String?
    public let address: String
    public let phone: String?
    public let email: String?

    public init(kind: Kind, name: String, personalId: String?, taxCode: String?, address: String,
                phone: String?, email: String?) {
        self.kind = kind
        self.name = name
        self.personalId = personalId
        self.taxCode = taxCode
        self.address = address
        self.phone = phone
        self.email = email
    }
}

/// Giấy tờ đã nhận — one document handed in, with the number of originals and copies.
public struct ReceivedDocument: Hashable, Sendable, Codable {
    public let name: String
    public let originals: Int
    public let copies: Int

    public init(name: String, originals: Int, copies: Int) {
        self.name = name
        self.originals = originals
        self.copies = copies
    }
}
