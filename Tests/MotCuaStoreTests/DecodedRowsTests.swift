@testable import MotCuaStore
import Synchronization
import Testing

/// Values kept decoded by the text they were read from: decoded once per distinct text of a key, never returned for
/// other text, and past capacity the value remembered longest ago is let go of.
@Suite struct DecodedRowsTests {
    /// Rows whose text is a number, counting how many times a text was decoded.
    struct CountedRows {
        final class Count: Sendable {
            let value = Mutex(0)
        }

        let decodings = Count()
        let rows: DecodedRows<Int>

        init(capacity: Int) {
            let decodings = decodings
            rows = DecodedRows(capacity: capacity) { text in
                decodings.value.withLock { $0 += 1 }
                return Int(text)!
            }
        }

        var decoded: Int { decodings.value.withLock { $0 } }
    }

    @Test func aTextIsDecodedOnceAndOtherTextAgain() throws {
        let counted = CountedRows(capacity: 8)
        #expect(try counted.rows.value(key: "a", text: "1") == 1)
        #expect(try counted.rows.value(key: "a", text: "1") == 1)
        #expect(counted.decoded == 1, "the same text is not decoded twice")
        #expect(try counted.rows.value(key: "a", text: "2") == 2, "a row changed elsewhere is read as it is now")
        #expect(counted.decoded == 2)
        counted.rows.remember(3, key: "a", text: "3")
        #expect(try counted.rows.value(key: "a", text: "3") == 3)
        #expect(counted.decoded == 2, "a value remembered with its text is not decoded")
    }

    @Test func pastCapacityTheValueRememberedLongestAgoIsLetGo() throws {
        let counted = CountedRows(capacity: 2)
        for (key, text) in [("a", "1"), ("b", "2"), ("c", "3")] { _ = try counted.rows.value(key: key, text: text) }
        #expect(counted.decoded == 3)
        #expect(try counted.rows.value(key: "b", text: "2") == 2 && counted.rows.value(key: "c", text: "3") == 3)
        #expect(counted.decoded == 3, "the newest are held")
        #expect(try counted.rows.value(key: "a", text: "1") == 1)
        #expect(counted.decoded == 4, "the oldest was let go of")
        counted.rows.remember(30, key: "a", text: "30")
        #expect(try counted.rows.value(key: "a", text: "30") == 30 && counted.rows.value(key: "c", text: "3") == 3)
        #expect(counted.decoded == 4, "a key held is replaced, not counted again")
    }
}
