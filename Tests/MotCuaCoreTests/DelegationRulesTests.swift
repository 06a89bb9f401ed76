import Testing
@testable import MotCuaCore

/// Delegation of authority (ủy quyền): a decision applies to dossiers received from its effective day up to, not
/// including, its end or revocation day; two decisions of one agency may not cover the same procedure on the same
/// day; nothing is retroactive.
@Suite struct DelegationRulesTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let city = "000.00.00.H26", justice = "000.00.14.H26", ward = "000.30.01.H26"

    static func decision(_ number: String = "15/QĐ-UBND", from: String = "2026-12-01", until: String? = "2027-12-01",
                         procedures: [String] = ["1.001193"], delegate: String = justice) -> Delegation {
        Delegation(number: number, signedOn: day("2026-11-20"), delegatingAgencyCode: city, delegateAgencyCode: delegate,
                   procedureCodes: procedures, effectiveFrom: day(from), effectiveUntil: until.map(day))
    }

    @Test(arguments: [
        ("2026-11-30", false), ("2026-12-01", true), ("2027-11-30", true), ("2027-12-01", false),
    ])
    func itAppliesFromItsFirstDayUntilTheDayItEnds(received: String, applies: Bool) {
        #expect(Self.decision().isInForce(on: Self.day(received)) == applies)
        let routed = DelegationRules.decidingAgency(procedureCode: "1.001193", competentAgencyCode: Self.city,
                                                    on: Self.day(received), delegations: [Self.decision()])
        #expect(routed.agencyCode == (applies ? Self.justice : Self.city))
        #expect(routed.authority.delegationNumber == (applies ? "15/QĐ-UBND" : nil))
        #expect(routed.authority.competentAgencyCode == Self.city)
    }

    @Test func aRevocationStopsItAtItsDateNotBefore() {
        var revoked = Self.decision()
        revoked.revokedOn = Self.day("2027-03-01")
        #expect(revoked.isInForce(on: Self.day("2027-02-28")))
        #expect(!revoked.isInForce(on: Self.day("2027-03-01")))
        let other = DelegationRules.decidingAgency(procedureCode: "1.000894", competentAgencyCode: Self.city,
                                                   on: Self.day("2027-01-05"), delegations: [revoked])
        #expect(other.agencyCode == Self.city, "a procedure the decision does not name stays with the city")
    }

    @Test(arguments: [
        ("same procedure, overlapping", DelegationRulesTests.decision("20/QĐ-UBND", from: "2027-06-01", until: nil), "effectiveFrom"),
        ("same number", DelegationRulesTests.decision("15/QĐ-UBND", from: "2028-01-01", until: nil, procedures: ["1.000894"]), "number"),
        ("retroactive", DelegationRulesTests.decision("21/QĐ-UBND", from: "2026-11-01", until: "2026-11-30", procedures: ["1.000894"]), "effectiveFrom"),
        ("ends before it starts", DelegationRulesTests.decision("22/QĐ-UBND", from: "2027-01-01", until: "2027-01-01", procedures: ["1.000894"]), "effectiveUntil"),
        ("to itself", DelegationRulesTests.decision("23/QĐ-UBND", procedures: ["1.000894"], delegate: DelegationRulesTests.city), "delegateAgencyCode"),
        ("no procedure", DelegationRulesTests.decision("24/QĐ-UBND", procedures: []), "procedureCodes"),
        ("no number", DelegationRulesTests.decision(" ", procedures: ["1.000894"]), "number"),
    ])
    func aDecisionThatBreaksARuleIsRefused(label: String, candidate: Delegation, field: String) {
        let problem = DelegationRules.problem(in: candidate, today: Self.day("2026-11-22"))
            ?? DelegationRules.conflict(of: candidate, with: [Self.decision()])
        #expect(problem?.field == field, "\(label): \(problem?.message ?? "accepted")")
    }

    @Test func decisionsThatFollowEachOtherAreAccepted() {
        let next = Self.decision("30/QĐ-UBND", from: "2027-12-01", until: nil)
        #expect(DelegationRules.conflict(of: next, with: [Self.decision()]) == nil)
        var revoked = Self.decision()
        revoked.revokedOn = Self.day("2027-03-01")
        let replacement = Self.decision("31/QĐ-UBND", from: "2027-03-01", until: nil, delegate: Self.ward)
        #expect(DelegationRules.problem(in: replacement, today: Self.day("2026-11-22")) == nil)
        #expect(DelegationRules.conflict(of: replacement, with: [revoked]) == nil)
        #expect(DelegationRules.revocationProblem(of: Self.decision(), on: Self.day("2026-11-21"), today: Self.day("2026-11-22"))?.field == "revokedOn")
        #expect(DelegationRules.revocationProblem(of: Self.decision(), on: Self.day("2027-12-01"), today: Self.day("2026-11-22"))?.field == "revokedOn")
        #expect(DelegationRules.revocationProblem(of: Self.decision(), on: Self.day("2027-03-01"), today: Self.day("2026-11-22")) == nil)
    }
}
