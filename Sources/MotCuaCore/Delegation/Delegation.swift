/// Quyết định ủy quyền — a numbered decision by which an agency hands its authority to decide some procedures to
/// another (usually lower) agency for a period. It applies to dossiers received on a day from `effectiveFrom`
/// up to, not including, `effectiveUntil` or the day it was revoked; a dossier keeps the authority it was
/// received under.
public struct Delegation: Hashable, Sendable, Codable {
    /// Số quyết định, e.g. `15/QĐ-UBND`; unique within the delegating agency.
    public let number: String
    public let signedOn: CivilDate
    /// Cơ quan ủy quyền — the agency competent by law.
    public let delegatingAgencyCode: String
    /// Cơ quan được ủy quyền — the agency that decides in its name.
    public let delegateAgencyCode: String
    public let procedureCodes: [String]
    public let effectiveFrom: CivilDate
    /// The first day it no longer applies (nil: until revoked).
    public let effectiveUntil: CivilDate?
    /// Ngày thu hồi — the first day it no longer applies after a revocation.
    public var revokedOn: CivilDate?

    public init(number: String, signedOn: CivilDate, delegatingAgencyCode: String, delegateAgencyCode: String,
                procedureCodes: [String], effectiveFrom: CivilDate, effectiveUntil: CivilDate?, revokedOn: CivilDate? = nil) {
        self.number = number
        self.signedOn = signedOn
        self.delegatingAgencyCode = delegatingAgencyCode
        self.delegateAgencyCode = delegateAgencyCode
        self.procedureCodes = procedureCodes
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.revokedOn = revokedOn
    }

    /// The first day it no longer applies, whichever of its end and its revocation comes first.
    public var endsOn: CivilDate? {
        switch (effectiveUntil, revokedOn) {
        case let (until?, revoked?): min(until, revoked)
        case let (until, revoked): until ?? revoked
        }
    }

    /// Whether it applies to a dossier received on `day`.
    public func isInForce(on day: CivilDate) -> Bool {
        day >= effectiveFrom && endsOn.map { day < $0 } ?? true
    }

    /// Whether it and `other` hand the same agency's authority over a common procedure on a common day.
    public func overlaps(_ other: Delegation) -> Bool {
        guard delegatingAgencyCode == other.delegatingAgencyCode,
              !Set(procedureCodes).isDisjoint(with: other.procedureCodes) else { return false }
        let startsBeforeOtherEnds = other.endsOn.map { effectiveFrom < $0 } ?? true
        let otherStartsBeforeThisEnds = endsOn.map { other.effectiveFrom < $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }
}

/// Thẩm quyền — under whose authority a dossier is decided: the agency's own, or a delegation's.
public struct Authority: Hashable, Sendable, Codable {
    /// The agency competent by law.
    public let competentAgencyCode: String
    /// The delegation the dossier was received under (nil: the competent agency decides itself).
    public let delegationNumber: String?

    public init(competentAgencyCode: String, delegationNumber: String?) {
        self.competentAgencyCode = competentAgencyCode
        self.delegationNumber = delegationNumber
    }
}
