import Foundation
import Testing
@testable import MotCuaCore

/// The one-pass encoder writes the same bytes as Foundation's `JSONEncoder` with sorted keys and unescaped
/// slashes — for the dossiers it is used on and for every form of value JSON has — and refuses what it cannot write
/// in one pass instead of writing wrong JSON.
@Suite struct SortedJSONEncoderTests {
    static let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()
    static let ours = SortedJSONEncoder(dates: .secondsSince1970)

    func expectSameBytes<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = String(decoding: try Self.foundation.encode(value), as: UTF8.self)
        let written = String(decoding: try Self.ours.encode(value), as: UTF8.self)
        #expect(written == expected, sourceLocation: sourceLocation)
    }

    /// A dossier that has been through a process: received at a fraction of a second, accepted, examined, sent back
    /// for a supplement (its clock paused), with documents, a unit, a binding with partners and an authority.
    static func travelledDossier() throws -> Dossier {
        let fixture = WorkflowFixture()
        let receivedAt = WorkflowFixture.at("2026-11-23T08:00:00").addingTimeInterval(0.123456)
        let applicant = Applicant(kind: .citizen, name: "Nguyễn \"Văn\" An\\B/C", personalId: "001090000002", taxCode: nil,
                                  address: "Số 1 phố Đội Cấn\nBa Đình", phone: "0912345678", email: "an@example.vn")
        var dossier = Dossier(code: "000.30.01.H26-261123-0001", procedureCode: fixture.procedure.code,
                              procedureName: fixture.procedure.name, agencyCode: WorkflowFixture.agency,
                              receivedByAgencyCode: WorkflowFixture.agency, channel: .counter, applicant: applicant,
                              unitKey: "01-001-00001", receivedAt: receivedAt, receivedBy: "motcua",
                              documents: [ReceivedDocument(name: "Tờ khai", originals: 1, copies: 2)], sets: 2,
                              request: "Xác nhận tình trạng hôn nhân\t(bản 2)", state: fixture.received(),
                              process: ProcessBinding(key: "hon-nhan", version: 3,
                                                      partners: ["cong-an": .init(agencyCode: "000.00.00.G01", name: "Công an"),
                                                                 "bhxh": .init(agencyCode: "000.00.00.G02", name: "BHXH")]),
                              authority: nil, trackingSecret: "K7PX3M9Q")
        func apply(_ action: DossierAction, _ time: String, _ roles: Set<OfficerRole>, reason: String? = nil) throws {
            dossier.state = try fixture.workflow.apply(fixture.request(action, time, roles: roles, username: "an", reason: reason),
                                                       to: dossier.state, engine: fixture.engine(), budget: fixture.procedure.deadline)
        }
        try apply(.accept, "2026-11-23T08:05:00", [.deskOfficer])
        dossier.state.status = .processing
        dossier.state.work = try fixture.engine().start(at: WorkflowFixture.at("2026-11-23T08:05:00"), decision: nil)
        try apply(.claim, "2026-11-23T09:00:00", [.specialist])
        try apply(.forward, "2026-11-23T10:00:00", [.specialist])
        try apply(.requestSupplement, "2026-11-24T09:00:00", [.specialist, .agencyLeader], reason: "Thiếu giấy tờ")
        return dossier
    }

    @Test func aTravelledDossierIsWrittenByteForByte() throws {
        let dossier = try Self.travelledDossier()
        #expect(dossier.state.clock.isPaused)
        #expect(dossier.state.work?.items.map(\.isOpen) == [false, true])
        try expectSameBytes(dossier)
        try expectSameBytes([dossier, dossier])
    }

    @Test func aTextDateStrategyWritesTheGivenText() throws {
        let format: @Sendable (Date) -> String = { "t\(Int($0.timeIntervalSince1970))" }
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        foundation.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        let dossier = try Self.travelledDossier()
        #expect(try SortedJSONEncoder(dates: .text(format)).encode(dossier) == foundation.encode(dossier))
    }

    /// Every character below a space, quote, backslash, slash, DEL, line separators, accents and emoji.
    @Test func stringsAreEscapedAsFoundationEscapesThem() throws {
        let every = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        for text in [every, "\"\\/", "\u{7F}\u{2028}\u{2029}", "Tiếng Việt có dấu 😀", "", "plain"] {
            try expectSameBytes(text)
            try expectSameBytes(["k\(text)": text])
        }
    }

    /// With the edges of the whole numbers written as plain digits: below 2^24 (Float) and 2^53 (Double), where
    /// `description` may switch to an exponent (Float's 1e8 is `1e+08`).
    @Test(arguments: [0.0, -0.0, 1, -1, 0.1, 1e-7, 1e16, 1e22, 1763800000, 1763800000.123456, 123456789012345678,
                      Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, -2.5e-300, 1e7, 1e8, -1e8,
                      16_777_215, 16_777_216, 16_777_217, 1e15, 9_007_199_254_740_991, 9_007_199_254_740_992,
                      -9_007_199_254_740_992, 1.8e19, -9.3e18])
    func numbersAreWrittenAsFoundationWritesThem(number: Double) throws {
        try expectSameBytes(number)
        if Float(number).isFinite { try expectSameBytes(Float(number)) }
        try expectSameBytes(Date(timeIntervalSince1970: number.magnitude < 1e15 ? number : 0))
    }

    @Test func integersOfEveryWidth() throws {
        try expectSameBytes([Int.min, -1, 0, 1, Int.max])
        try expectSameBytes(Widths(a: .min, b: .max, c: .min, d: .max, e: .min, f: .max, g: .min, h: .max, i: .max, j: 0))
    }

    @Test func containersOfEveryKind() throws {
        try expectSameBytes([String: Int]())
        try expectSameBytes([Int]())
        try expectSameBytes(["b": [1, 2], "a": [], "B": [3], "_": [4], "é": [5], "aB": [6], "ab": [7]])
        try expectSameBytes([3: "c", 1: "a", 20: "t", 2: "b"])
        try expectSameBytes([[["x": [true, false]]], [[:]]])
        try expectSameBytes(Optionals(present: "x", absent: nil, nested: [nil, 1, nil]))
        try expectSameBytes(Empty())
        try expectSameBytes(HandWritten(name: "n", values: [3, 1, 2]))
        try expectSameBytes(WithSuper(own: 1))
        try expectSameBytes(TwiceKeyed(value: 2))
    }

    @Test func foundationsSpecialTypes() throws {
        try expectSameBytes(Specials(url: URL(string: "https://dichvucong.gov.vn/p/a?b=1&c=/d")!, data: Data([0, 1, 254, 255]),
                                     decimal: Decimal(string: "12345.678")!))
    }

    @Test func aNumberJSONCannotHoldIsRefusedWithItsPath() throws {
        #expect(throws: EncodingError.self) { try Self.ours.encode(["x": Double.nan]) }
        #expect(throws: EncodingError.self) { try Self.ours.encode([Float.infinity]) }
    }

    @Test func goingBackToAClosedContainerThrowsInsteadOfWritingWrongJSON() throws {
        #expect(throws: EncodingError.self) { try Self.ours.encode(Interleaved()) }
    }
}

private struct Widths: Encodable {
    let a: Int8, b: Int16, c: Int32, d: Int64, e: Int, f: UInt8, g: UInt16, h: UInt32, i: UInt64, j: UInt
}

private struct Optionals: Encodable {
    let present: String?
    let absent: String?
    let nested: [Int?]
}

private struct Empty: Encodable {}

private struct Specials: Encodable {
    let url: URL
    let data: Data
    let decimal: Decimal
}

/// Members written out of order through a nested container and a nested array.
private struct HandWritten: Encodable {
    let name: String
    let values: [Int]

    enum Keys: String, CodingKey { case name, values, inner, zeta, alpha }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .zeta)
        var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
        try inner.encode(values.count, forKey: .values)
        try inner.encode(name, forKey: .alpha)
        var list = container.nestedUnkeyedContainer(forKey: .values)
        for value in values { try list.encode(value) }
        var nestedList = list.nestedUnkeyedContainer()
        try nestedList.encode("x")
        try container.encode(true, forKey: .alpha)
    }
}

/// A subclass-style value: its parent's part under "super".
private struct WithSuper: Encodable {
    let own: Int

    enum Keys: String, CodingKey { case own, parent }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(own, forKey: .own)
        try Empty().encode(to: container.superEncoder())
        try ["parent": 1].encode(to: container.superEncoder(forKey: .parent))
    }
}

/// A value that asks for its keyed container twice, as a class and its parent each do.
private struct TwiceKeyed: Encodable {
    let value: Int

    enum Keys: String, CodingKey { case b, a }

    func encode(to encoder: any Encoder) throws {
        var first = encoder.container(keyedBy: Keys.self)
        try first.encode(value, forKey: .b)
        var second = encoder.container(keyedBy: Keys.self)
        try second.encode(value + 1, forKey: .a)
    }
}

/// Writes into a nested container after its parent has written something else.
private struct Interleaved: Encodable {
    enum Keys: String, CodingKey { case inner, after, late }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
        try container.encode(1, forKey: .after)
        try inner.encode(2, forKey: .late)
    }
}
