import Foundation

/// Hồ sơ và nhật ký — everything the one-stop forms are read from: the dossier, its events, its procedure, and
/// the names of the agencies and officers involved. Forms 01–07 (Circular 01/2018/TT-VPCP, kept by Circular
/// 03/2025) are derived from it; nothing on a form is stored twice.
public struct DossierRecord: Sendable {
    public let dossier: Dossier
    /// Oldest first.
    public let events: [DossierEvent]
    public let procedure: Procedure
    /// Agency names by QCVN 102 code (the deciding, the receiving and the competent agency at least).
    public let agencyNames: [String: String]
    /// Officers' full names by username.
    public let officerNames: [String: String]

    public init(dossier: Dossier, events: [DossierEvent], procedure: Procedure, agencyNames: [String: String],
                officerNames: [String: String]) {
        self.dossier = dossier
        self.events = events
        self.procedure = procedure
        self.agencyNames = agencyNames
        self.officerNames = officerNames
    }

    public var agencyName: String { agencyNames[dossier.agencyCode] ?? dossier.agencyCode }
    public var receivingAgencyName: String { agencyNames[dossier.receivedByAgencyCode] ?? dossier.receivedByAgencyCode }

    public func officerName(_ username: String) -> String { officerNames[username] ?? username }

    /// The latest event of an action, if it happened.
    public func latest(_ action: DossierAction) -> DossierEvent? {
        events.last { $0.action == action.rawValue }
    }
}

/// Phần đầu phiếu — what every one-stop form opens with: the agency, the dossier and whose it is.
public struct FormHeader: Hashable, Sendable, Codable {
    public let agencyName: String
    public let receivingAgencyName: String
    public let dossierCode: String
    public let procedureCode: String
    public let procedureName: String
    public let applicant: Applicant
    /// Thẩm quyền — on a dossier decided under a delegation, the line the agency signs under: "TUQ." and the
    /// competent agency, with the decision's number; nil when the agency decides in its own right.
    public let authority: String?

    public init(_ record: DossierRecord) {
        agencyName = record.agencyName
        receivingAgencyName = record.receivingAgencyName
        dossierCode = record.dossier.code
        procedureCode = record.dossier.procedureCode
        procedureName = record.dossier.procedureName
        applicant = record.dossier.applicant
        authority = record.dossier.authority.flatMap { authority in
            authority.delegationNumber.map { number in
                "TUQ. \(record.agencyNames[authority.competentAgencyCode] ?? authority.competentAgencyCode)"
                    + " (Quyết định ủy quyền số \(number))"
            }
        }
    }
}
