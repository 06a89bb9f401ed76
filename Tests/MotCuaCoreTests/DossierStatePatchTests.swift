import Foundation
import MotCuaTestSupport
import Testing
@testable import MotCuaCore

/// A step's patch, applied to the state before the step, gives the state after it — for every step of a dossier's
/// life under the rules, an alarm of the SLA watch among them — carries only the items the step touched, and is
/// stored in Foundation's bytes and read back as itself.
@Suite struct DossierStatePatchTests {
    let fixture = WorkflowFixture()

    /// The states of one dossier's life: received, accepted, sent into processing, claimed, sent back for a
    /// supplement, supplied, extended, warned by the watch, examined, signed, returned.
    func life() throws -> [DossierState] {
        var states = [fixture.received()]
        func step(_ action: DossierAction, _ when: String, _ roles: Set<OfficerRole>, reason: String? = nil,
                  newDue: String? = nil) throws {
            let request = fixture.request(action, when, roles: roles, reason: reason, newDue: newDue)
            states.append(try fixture.workflow.apply(request, to: states.last!, engine: fixture.engine(),
                                                     budget: fixture.procedure.deadline))
        }
        try step(.accept, "2026-11-23T08:00:00", [.deskOfficer])
        try step(.forward, "2026-11-23T09:00:00", [.deskOfficer])
        try step(.claim, "2026-11-23T09:30:00", [.specialist])
        try step(.requestSupplement, "2026-11-24T08:00:00", [.specialist], reason: "Thiếu giấy tờ")
        try step(.supplied, "2026-11-26T08:00:00", [.deskOfficer])
        try step(.extend, "2026-11-26T09:00:00", [.agencyLeader], reason: "Cần xác minh", newDue: "2026-12-02T17:00:00")
        let warnAt = try #require(states.last!.work?.item(1)?.warnAt)
        states.append(try #require(StepAlarm.raise(on: 1, in: states.last!, at: warnAt)).0)
        try step(.forward, "2026-11-30T09:00:00", [.specialist])
        try step(.finish, "2026-11-30T10:00:00", [.agencyLeader])
        try step(.returnResult, "2026-12-01T08:00:00", [.deskOfficer])
        return states
    }

    @Test func eachStepsPatchTakesTheStateBeforeItToTheStateAfterIt() throws {
        let states = try life()
        #expect(states.count == 11 && states.last?.status == .returned)
        #expect(DossierStatePatch(from: nil, to: states[0]).applied(to: nil) == states[0])
        for (before, after) in zip(states, states.dropFirst()) {
            #expect(DossierStatePatch(from: before, to: after).applied(to: before) == after)
        }
    }

    @Test func aStepCarriesOnlyTheItemsItOpenedOrChanged() throws {
        let states = try life()
        let touched = zip(states, states.dropFirst()).map { DossierStatePatch(from: $0, to: $1).work?.items.map(\.id) }
        // Accepted: no process yet; sent in: item 1 opened; claimed, paused, resumed: item 1 changed; extended: the
        // dossier's clock only; warned: item 1; examined: 1 closed, 2 opened; signed: 2 closed; returned: nothing.
        #expect(touched == [nil, [1], [1], [1], [1], [], [1], [1, 2], [2], []])
        #expect(zip(states, states.dropFirst()).allSatisfy { DossierStatePatch(from: $0, to: $1).work?.whole != true })
    }

    @Test func itemsRemovedOrReorderedAreWrittenWhole() throws {
        let states = try life()
        let before = states[8]
        var after = before
        after.work?.items.reverse()
        after.work?.arrivals = ["gop": ["a"]]
        let patch = DossierStatePatch(from: before, to: after)
        #expect(patch.work?.whole == true && patch.work?.items.map(\.id) == [2, 1] && patch.work?.arrivals == ["gop": ["a"]])
        #expect(patch.applied(to: before) == after)
        after.work?.items.removeFirst()
        #expect(DossierStatePatch(from: before, to: after).applied(to: before) == after)
        #expect(DossierStatePatch(from: after, to: after).work == .init(arrivals: nil, items: [], whole: false))
    }

    @Test func aPatchIsStoredInFoundationsBytesAndReadBackAsItself() throws {
        let every = try JSONWritableTests.everyFieldSet().state
        var patches = [DossierStatePatch(from: nil, to: every)]
        let states = try life()
        patches += zip(states, states.dropFirst()).map { DossierStatePatch(from: $0, to: $1) }
        let foundation = JSONWritableTests.foundation(dates: .secondsSince1970)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        for patch in patches {
            let stored = try SortedJSONEncoder(dates: .secondsSince1970).bytes(of: patch)
            #expect(String(decoding: stored, as: UTF8.self) == String(decoding: try foundation.encode(patch), as: UTF8.self))
            #expect(try decoder.decode(DossierStatePatch.self, from: Data(stored)) == patch)
        }
        #expect(UnsetFields.of(patches[0]).isEmpty, "every field of the first patch is set, so each is written")
    }
}
