#if canImport(Glibc)
import Glibc
#endif
import MotCuaServer
import Testing

/// The server raises how many files and connections it may hold open from the soft limit it starts with to the hard
/// one.
@Suite(.serialized) struct OpenFileLimitTests {
    static func setSoft(_ soft: UInt64) {
        var limit = rlimit()
        _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = rlim_t(soft)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    @Test func theSoftLimitIsRaisedToTheHardOne() throws {
        let start = OpenFileLimit.current()
        try #require(start.hard > 512, "a hard limit above 512 to lower the soft one under")
        defer { Self.setSoft(start.soft) }
        Self.setSoft(512)
        #expect(OpenFileLimit.current().soft == 512)
        let raised = OpenFileLimit.raiseToHard()
        #expect(raised.before == 512 && raised.after == start.hard)
        #expect(OpenFileLimit.current().soft == start.hard)
        #expect(OpenFileLimit.raiseToHard() == (start.hard, start.hard), "nothing more to raise")
    }
}
