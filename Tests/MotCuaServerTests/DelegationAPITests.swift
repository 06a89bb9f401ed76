import Foundation
import MotCuaCore
import MotCuaServer
import MotCuaTestSupport
import Testing

/// Delegation through the API: the Department of Justice delegates the criminal-record certificate to the
/// Ba Đình ward for a period; intake routes by the decision in force on the day of receipt and records the
/// authority; an overlapping or retroactive decision is refused; a revocation stops it at its date, not before.
@Suite struct DelegationAPITests {
    static let procedure = "1.001255"
    static var decision: [String: Any] { [
        "number": "15/QĐ-STP", "signedOn": "2026-03-01", "delegatingAgencyCode": DemoAccounts.justiceDepartment,
        "delegateAgencyCode": DemoAccounts.wardCommittee, "procedureCodes": [procedure],
        "effectiveFrom": "2026-03-02", "effectiveUntil": "2026-06-01",
    ] }

    static func intake(_ client: APIClient, desk: String, agencyCode: String? = nil) async throws -> APIResponse {
        var body = LifecycleJourney.intakeBody
        body["procedureCode"] = procedure
        body["request"] = "Cấp Phiếu lý lịch tư pháp số 1"
        if let agencyCode { body["agencyCode"] = agencyCode }
        return try await client.send(.post, "/api/dossiers", token: try await client.signIn(desk), json: body)
    }

    @Test(arguments: TestEngine.available)
    func intakeFollowsTheDelegationInForceOnTheDayOfReceipt(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T08:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            let admin = try await client.signIn("quantri")
            #expect(try await Self.intake(client, desk: "motcua.badinh").status == .unprocessableContent,
                    "before any delegation the ward has no authority over the procedure")
            let recorded = try await client.send(.post, "/api/delegations", token: admin, json: Self.decision)
            #expect(recorded.status == .created, "\(recorded.text)")

            var overlapping = Self.decision
            overlapping["number"] = "16/QĐ-STP"
            overlapping["effectiveFrom"] = "2026-05-01"
            overlapping["effectiveUntil"] = NSNull()
            let clash = try await client.send(.post, "/api/delegations", token: admin, json: overlapping)
            #expect(clash.status == .conflict && clash.json["field"] as? String == "effectiveFrom", "\(clash.text)")
            var retroactive = Self.decision
            retroactive["number"] = "17/QĐ-STP"
            retroactive["effectiveFrom"] = "2026-02-01"
            let past = try await client.send(.post, "/api/delegations", token: admin, json: retroactive)
            #expect(past.status == .unprocessableContent && past.json["field"] as? String == "effectiveFrom")
            var unknown = Self.decision
            unknown["number"] = "18/QĐ-STP"
            unknown["procedureCodes"] = ["9.999999"]
            let noProcedure = try await client.send(.post, "/api/delegations", token: admin, json: unknown)
            #expect(noProcedure.json["field"] as? String == "procedureCodes[0]")
            let notAdmin = try await client.send(.post, "/api/delegations", token: try await client.signIn("lanhdao.stp"), json: overlapping)
            #expect(notAdmin.status == .forbidden)
            #expect(try await client.send(.get, "/api/delegations", token: admin).jsonArray.count == 1, "nothing else was recorded")

            let atWard = try await Self.intake(client, desk: "motcua.badinh")
            #expect(atWard.status == .created, "\(atWard.text)")
            #expect(atWard.json["agencyCode"] as? String == DemoAccounts.wardCommittee)
            let authority = atWard.json["authority"] as? [String: Any]
            #expect(authority?["competentAgencyCode"] as? String == DemoAccounts.justiceDepartment)
            #expect(authority?["delegationNumber"] as? String == "15/QĐ-STP")
            let receipt = try await client.send(.get, "/api/dossiers/\(atWard.json["code"] as? String ?? "")/forms/01",
                                                token: try await client.signIn("motcua.badinh"))
            #expect((receipt.json["header"] as? [String: Any])?["authority"] as? String
                        == "TUQ. Sở Tư pháp (Quyết định ủy quyền số 15/QĐ-STP)", "form 01 names the authority: \(receipt.text)")
            let viaCentre = try await Self.intake(client, desk: "motcua.tttp", agencyCode: DemoAccounts.justiceDepartment)
            #expect(viaCentre.json["agencyCode"] as? String == DemoAccounts.wardCommittee,
                    "a dossier filed for the department goes to its delegate")

            let revocation: [String: Any] = ["delegatingAgencyCode": DemoAccounts.justiceDepartment, "number": "15/QĐ-STP",
                                             "revokedOn": "2026-03-10"]
            let revoked = try await client.send(.post, "/api/delegations/revocations", token: admin, json: revocation)
            #expect(revoked.status == .ok && revoked.json["revokedOn"] as? String == "2026-03-10", "\(revoked.text)")
            clock.set(local: "2026-03-09T16:00:00")
            #expect(try await Self.intake(client, desk: "motcua.badinh").status == .created, "still in force the day before")
            clock.set(local: "2026-03-10T08:00:00")
            let after = try await Self.intake(client, desk: "motcua.badinh")
            #expect(after.status == .unprocessableContent && after.json["field"] as? String == "agencyCode")
            let backHome = try await Self.intake(client, desk: "motcua.tttp", agencyCode: DemoAccounts.justiceDepartment)
            #expect(backHome.json["agencyCode"] as? String == DemoAccounts.justiceDepartment)
            #expect((backHome.json["authority"] as? [String: Any])?["delegationNumber"] == nil)
            let ownReceipt = try await client.send(.get, "/api/dossiers/\(backHome.json["code"] as? String ?? "")/forms/01",
                                                   token: try await client.signIn("motcua.tttp"))
            #expect(ownReceipt.status == .ok && (ownReceipt.json["header"] as? [String: Any])?["authority"] == nil,
                    "an agency deciding in its own right signs without TUQ.")
            // A week later the morning's session has expired: sign in again.
            let twice = try await client.send(.post, "/api/delegations/revocations", token: try await client.signIn("quantri"),
                                              json: revocation)
            #expect(twice.status == .unprocessableContent && twice.json["field"] as? String == "revokedOn", "\(twice.text)")
        }
    }
}
