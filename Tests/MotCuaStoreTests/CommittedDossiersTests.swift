import MotCuaCore
@testable import MotCuaStore
import Testing

/// The dossiers a server holds as committed: what a write asks kept is kept only once its follow-ups are done (after
/// the COMMIT), the later of two versions stands whatever the order they are kept in, and past capacity the one kept
/// longest ago is let go of.
@Suite struct CommittedDossiersTests {
    static func version(_ version: Int, code: String = DossierStoreTests.sampleDossier().code) -> Dossier {
        var dossier = DossierStoreTests.sampleDossier(code: code)
        dossier.state.version = version
        return dossier
    }

    @Test func whatAWriteNotedIsKeptOnlyOnceAsked() {
        let memory = CommittedDossiers()
        let followUps = CommitFollowUps()
        followUps.add { memory.keep(Self.version(2)) }
        #expect(memory.dossier(code: Self.version(2).code) == nil, "noted, not committed")
        let written = followUps.take()
        #expect(written.count == 1)
        #expect(followUps.take().isEmpty, "taken once")
        for keep in written { keep() }
        #expect(memory.dossier(code: Self.version(2).code) == Self.version(2))
    }

    @Test func theLaterVersionStandsWhateverTheOrderKept() {
        let memory = CommittedDossiers()
        memory.keep(Self.version(3))
        memory.keep(Self.version(2))
        #expect(memory.dossier(code: Self.version(3).code)?.state.version == 3)
        memory.keep(Self.version(4))
        #expect(memory.dossier(code: Self.version(4).code)?.state.version == 4)
    }

    @Test func pastCapacityTheDossierKeptLongestAgoIsLetGo() {
        let memory = CommittedDossiers(capacity: 2)
        let codes = ["a", "b", "c"]
        for code in codes { memory.keep(Self.version(1, code: code)) }
        #expect(codes.map { memory.dossier(code: $0) != nil } == [false, true, true])
        memory.keep(Self.version(2, code: "c"))
        #expect(memory.dossier(code: "c")?.state.version == 2, "a dossier held is replaced, not counted again")
        #expect(memory.dossier(code: "b") != nil)
    }
}
