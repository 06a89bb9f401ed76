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
        #expect(try DossierStatePatch(from: nil, to: states[0]).applied(to: nil) == states[0])
        for (before, after) in zip(states, states.dropFirst()) {
            #expect(try DossierStatePatch(from: before, to: after).applied(to: before) == after)
        }
    }

    @Test func aRunOfPatchesGivesTheLastStateAndRefusesAGap() throws {
        let states = try life()
        let patches = [DossierStatePatch(from: nil, to: states[0])]
            + zip(states, states.dropFirst()).map { DossierStatePatch(from: $0, to: $1) }
        #expect(try DossierStatePatch.state(after: patches, from: nil) == states.last)
        #expect(try DossierStatePatch.state(after: patches.dropFirst(4), from: states[3]) == states.last)
        #expect(throws: DossierStatePatch.DoesNotFollow(version: 5), "the 4th step's patch left out") {
            try DossierStatePatch.state(after: patches.prefix(3) + patches.dropFirst(4), from: nil)
        }
        #expect(throws: DossierStatePatch.DoesNotFollow(version: 9), "item 1 is not in a state without a process") {
            var bare = states[7]
            bare.work = nil
            return try DossierStatePatch.state(after: [patches[8]], from: bare)
        }
    }

    @Test func aStepCarriesOnlyTheItemsItOpenedOrChanged() throws {
        let states = try life()
        let works = zip(states, states.dropFirst()).map { DossierStatePatch(from: $0, to: $1).work }
        // Accepted: no process yet; sent in: item 1 opened; claimed, paused, resumed: item 1 changed; extended: the
        // dossier's clock only; warned: item 1; examined: 1 closed, 2 opened; signed: 2 closed; returned: nothing.
        #expect(works.map { $0?.changed.map(\.id) } == [nil, [], [1], [1], [1], [], [1], [1], [2], []])
        #expect(works.map { $0?.opened.map(\.id) } == [nil, [1], [], [], [], [], [], [2], [], []])
        #expect(works.allSatisfy { $0?.whole == nil })
    }

    @Test func itemsRemovedOrReorderedAreWrittenWhole() throws {
        let states = try life()
        let before = states[8]
        var after = before
        after.work?.items.reverse()
        after.work?.arrivals = ["gop": ["a"]]
        let patch = DossierStatePatch(from: before, to: after)
        #expect(patch.work?.whole?.map(\.id) == [2, 1] && patch.work?.changed == [] && patch.work?.arrivals == ["gop": ["a"]])
        #expect(try patch.applied(to: before) == after)
        after.work?.items.removeFirst()
        #expect(try DossierStatePatch(from: before, to: after).applied(to: before) == after)
        #expect(DossierStatePatch(from: after, to: after).work == .init(arrivals: nil, changed: [], opened: [], whole: nil))
    }

    @Test func aPatchAppliedToAStateItWasNotMadeFromIsRefused() throws {
        let states = try life()
        let examined = DossierStatePatch(from: states[7], to: states[8])
        #expect(throws: DossierStatePatch.Mismatch(itemId: 1)) { try examined.applied(to: states[0]) }
    }

    @Test func progressHoldsEveryFieldThatChangesAfterAnItemIsOpened() throws {
        for item in try #require(try JSONWritableTests.everyFieldSet().state.work?.items) {
            var opening = Self.opening(of: item)
            #expect(opening.isSameOpening(as: item) && opening != item)
            opening.record(WorkItem.Progress(of: item))
            #expect(opening == item)
        }
    }

    /// The item as it was opened, before anyone held it, its clock set or any alarm.
    static func opening(of item: WorkItem) -> WorkItem {
        WorkItem(id: item.id, nodeId: item.nodeId, name: item.name, agencyCode: item.agencyCode, unit: item.unit, role: item.role,
                 isHandOff: item.isHandOff, openedAfter: item.openedAfter, openedAt: item.openedAt,
                 clock: LegalClock(due: nil, pausedAt: nil, remainingWorkingSeconds: nil))
    }

    @Test func aPatchIsStoredInFoundationsBytesAndReadBackAsItself() throws {
        let every = try JSONWritableTests.everyFieldSet().state
        var opened = every, reordered = every
        opened.work?.items = every.work?.items.map(Self.opening) ?? []
        reordered.work?.items.reverse()
        reordered.work?.arrivals = [:]
        // Every item opened whole; every field of their progress; every item written whole, the arrivals changed.
        var patches = [DossierStatePatch(from: nil, to: every), DossierStatePatch(from: opened, to: every),
                       DossierStatePatch(from: every, to: reordered)]
        #expect(patches.map { $0.work?.opened.count } == [2, 0, 0] && patches[1].work?.changed.count == 2)
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
        #expect(UnsetFields.of(patches).isEmpty, "every field of a patch is set in one of them, so each is written")
    }
}
