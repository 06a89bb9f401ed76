import Foundation
@testable import MotCuaStore
import SQLiteKit
import Testing

/// Values bound to the writer's statements: the direct forms for text and numbers are exactly what SQLiteKit's
/// encoder gives, and everything else still goes through it.
@Suite struct BindValueTests {
    @Test(arguments: [
        "Nguyễn Văn An", "", 0, -42, Int.max, 2.5, -0.0, Optional("có"), Optional(7), Optional(1.25),
        Optional<String>.none, Optional<Int>.none, true, false, Int64(9), Data([1, 2, 3]),
        Date(timeIntervalSince1970: 1_795_395_600), [1, 2],
    ] as [any Encodable & Sendable])
    func directFormsAreTheEncodersForms(value: any Encodable & Sendable) throws {
        #expect(try DirectSQLDatabase.sqliteData(value) == SQLiteDataEncoder().encode(value))
    }
}
