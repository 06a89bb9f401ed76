import Testing
@testable import MotCuaCore

/// A pattern found wherever it is — at either end, among multi-byte text, after a near miss that shares its first
/// or last byte — and not found when only part of it is there.
@Suite struct HoldsTests {
    @Test(arguments: [
        ("chua-cap-ma-1", true), ("{\"code\":\"chua-cap-ma-1\"}", true), ("Hà Nội chua-cap-ma-1", true),
        ("chua chua-cap-ma-1", true), ("chua-cap-ma-2 chua-cap-ma-1", true),
        ("chua-cap-ma-", false), ("chua-cap-ma-2", false), ("hua-cap-ma-1", false), ("", false), ("Hà Nội", false),
    ])
    func thePatternIsFoundWhereverItIs(text: String, holds: Bool) {
        #expect(text.holds("chua-cap-ma-1") == holds)
    }
}
