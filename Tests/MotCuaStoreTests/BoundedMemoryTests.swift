@testable import MotCuaStore
import Testing

/// A memory of at most `capacity` values: first in, first out, one value let go of per new key once full, and what
/// it lets go of handed back to be dropped by the caller.
@Suite struct BoundedMemoryTests {
    @Test func onceFullEachNewKeyLetsGoOfTheOldest() {
        var memory = BoundedMemory<String, Int>(capacity: 3)
        #expect(["a", "b", "c"].enumerated().map { memory.hold($0.offset, forKey: $0.element) } == [nil, nil, nil])
        #expect(memory.hold(3, forKey: "d") == 0, "a, the oldest, let go of")
        #expect(memory.hold(4, forKey: "e") == 1, "then b")
        #expect(memory.values == ["c": 2, "d": 3, "e": 4])
        for index in 5..<20 { _ = memory.hold(index, forKey: "k\(index)") }
        #expect(memory.values == ["k17": 17, "k18": 18, "k19": 19], "the ring keeps turning")
    }

    @Test func aKeyHeldIsReplacedAndTheValueBeforeHandedBack() {
        var memory = BoundedMemory<String, Int>(capacity: 2)
        _ = memory.hold(1, forKey: "a")
        _ = memory.hold(2, forKey: "b")
        #expect(memory.hold(10, forKey: "a") == 1, "replaced, not added")
        #expect(memory.values == ["a": 10, "b": 2])
        #expect(memory.hold(3, forKey: "c") == 10, "a was still the first added")
        #expect(memory.values == ["b": 2, "c": 3])
    }

    @Test func lettingGoOfAllHandsBackWhatWasHeldAndStartsTheRingAgain() {
        var memory = BoundedMemory<String, Int>(capacity: 2)
        _ = memory.hold(1, forKey: "a")
        _ = memory.hold(2, forKey: "b")
        _ = memory.hold(3, forKey: "c")
        #expect(memory.letGoOfAll() == ["b": 2, "c": 3])
        #expect(memory.values.isEmpty)
        #expect([memory.hold(4, forKey: "d"), memory.hold(5, forKey: "e"), memory.hold(6, forKey: "f")] == [nil, nil, 4],
                "two held again before the oldest of them is let go of")
    }
}
