import Foundation
import Testing
@testable import MotCuaCore

/// The tree decoder reads what Foundation's `JSONDecoder` reads, into the same values, and refuses what it refuses
/// with the same error and coding path (the API names the field from it): tested on a dossier that has travelled,
/// on every kind of value, on JSON's edge cases and on malformed text.
@Suite struct TreeJSONDecoderTests {
    static let foundation: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
    static let ours = TreeJSONDecoder(dates: .secondsSince1970)

    /// Both decoders on the same text: the same value, or errors of the same case at the same path.
    func expectSameOutcome<T: Decodable & Equatable>(_ type: T.Type, _ json: String,
                                                     sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Result { try Self.foundation.decode(T.self, from: Data(json.utf8)) }
        let decoded = Result { try Self.ours.decode(T.self, from: json) }
        switch (expected, decoded) {
        case (.success(let expected), .success(let decoded)):
            #expect(decoded == expected, "\(json)", sourceLocation: sourceLocation)
        case (.failure(let expected), .failure(let decoded)):
            #expect(Self.outline(decoded) == Self.outline(expected), "\(json)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(json): Foundation \(expected), ours \(decoded)", sourceLocation: sourceLocation)
        }
    }

    /// An error's case and coding path (with the missing key), which is what the API's messages are made of.
    static func outline(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context): return "keyNotFound \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context): return "typeMismatch \(path(context.codingPath))"
        case .valueNotFound(_, let context): return "valueNotFound \(path(context.codingPath))"
        case .dataCorrupted(let context): return "dataCorrupted \(path(context.codingPath))"
        default: return "\(error)"
        }
    }

    @Test func aTravelledDossierReadsBackAsFoundationReadsIt() throws {
        let dossier = try SortedJSONEncoderTests.travelledDossier()
        let text = String(decoding: try SortedJSONEncoder(dates: .secondsSince1970).encode(dossier), as: UTF8.self)
        let decoded = try Self.ours.decode(Dossier.self, from: text)
        #expect(decoded == dossier)
        #expect(decoded == (try Self.foundation.decode(Dossier.self, from: Data(text.utf8))))
        expectSameOutcome([Dossier].self, "[\(text),\(text)]")
    }

    @Test func everyKindOfValue() {
        expectSameOutcome(Sample.self, Sample.valid)
        expectSameOutcome(Sample.self, #"{"name":"x","count":1,"small":-128,"ratio":0.5,"flag":false,"at":0,"tags":[],"sub":{"n":[]}}"#)
        expectSameOutcome([String: Int].self, #"{"b":2,"a":1,"é":3}"#)
        expectSameOutcome([Int: String].self, #"{"3":"c","1":"a"}"#)
        expectSameOutcome([[Bool?]].self, "[[true,null,false],[]]")
        expectSameOutcome(Specials.self, #"{"url":"https://dichvucong.gov.vn/a?b=1","data":"AAH+/w==","decimal":12345.678}"#)
        expectSameOutcome(String.self, #""top-level string""#)
        expectSameOutcome(Int?.self, "null")
        expectSameOutcome(Level.self, #""high""#)
    }

    /// The mistakes a client makes, each refused at the field it concerns.
    @Test(arguments: [
        #"{"count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":{"n":[]}}"#,  // name missing
        #"{"name":1,"count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":{"n":[]}}"#,  // name a number
        #"{"name":null,"count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":{"n":[]}}"#,
        #"{"name":"x","count":"1","small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":{"n":[]}}"#,
        #"{"name":"x","count":1e2,"small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":{"n":[]}}"#,
        #"{"name":"x","count":1,"small":1,"ratio":1,"flag":1,"at":0,"tags":[],"sub":{"n":[]}}"#,
        #"{"name":"x","count":1,"small":1,"ratio":1,"flag":true,"at":"0","tags":[],"sub":{"n":[]}}"#,
        #"{"name":"x","count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":["a",2],"sub":{"n":[]}}"#,
        #"{"name":"x","count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":{},"sub":{"n":[]}}"#,
        #"{"name":"x","count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":{"n":[1,"2"]}}"#,
        #"{"name":"x","count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":[]}"#,
        #"{"name":"x","count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":{}}"#,
        #"{"name":"x","count":1,"small":1,"ratio":1,"flag":true,"at":0,"tags":[],"sub":{"n":[]},"level":"giant"}"#,
        #"[]"#, #""text""#, "null", "1",
    ])
    func mistakesAreRefusedAtTheirField(json: String) {
        expectSameOutcome(Sample.self, json)
    }

    /// A number its field cannot hold is refused at that field; Foundation's decoder reports these with no path at
    /// all, which the API could only answer with "not valid JSON".
    @Test(arguments: [("count", "1.5"), ("count", "99999999999999999999"), ("small", "128"), ("small", "-1e3"), ("ratio", "1e400")])
    func aNumberItsFieldCannotHoldIsRefusedAtThatField(field: String, number: String) {
        let written = ["count": "3", "small": "-7", "ratio": "2.5e-1"][field]!
        let json = Sample.valid.replacingOccurrences(of: "\"\(field)\":\(written),", with: "\"\(field)\":\(number),")
        #expect(json != Sample.valid)
        let error = #expect(throws: DecodingError.self) { try Self.ours.decode(Sample.self, from: json) }
        #expect(error.map(Self.outline) == "dataCorrupted .\(field)")
        #expect(throws: DecodingError.self) { try Self.foundation.decode(Sample.self, from: Data(json.utf8)) }
    }

    /// JSON's edge cases read alike: escapes, surrogate pairs, a byte-order mark, white space, number forms.
    @Test(arguments: [
        #""\"\\\/\b\f\n\r\t\u0041\u00e9\u1EA1\ud83d\ude00""#, "\u{FEFF}\"bom\"", " \t\r\n\"spaced\" \n", #""Tiếng Việt 😀""#,
    ])
    func stringsReadAlike(json: String) {
        expectSameOutcome(String.self, json)
    }

    /// With the edges of the integers read straight from their digits (up to 18) and of the types they go into.
    @Test(arguments: ["0", "-0", "1", "-1", "0.5", "1e2", "1E+2", "1.5e-3", "-2.5E-300", "123456789012345678", "1e400", "2.0",
                      "127", "128", "-128", "-129", "255", "256", "999999999999999999", "-999999999999999999",
                      "1000000000000000000", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                      "18446744073709551615", "18446744073709551616"])
    func numbersReadAlike(json: String) {
        expectSameOutcome(Double.self, json)
        expectSameOutcome(Int.self, json)
        expectSameOutcome(Int8.self, json)
        expectSameOutcome(UInt8.self, json)
        expectSameOutcome(UInt64.self, json)
        expectSameOutcome(Float.self, json)
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "[1,,2]", "{\"a\":1,}", "{a:1}", "{\"a\" 1}", "[1 2]", "01", "1.", ".5", "-", "+1", "1e", "0x10",
        "tru", "nul", "NaN", "Infinity", "\"open", "\"\u{01}\"", "\"\\x\"", "\"\\u12\"", "\"\\ud83d\"", "\"\\ude00\"",
        "[1]x", "// comment\n1", "'single'",
    ])
    func malformedTextIsRefusedAsNotJSON(json: String) {
        let error = #expect(throws: DecodingError.self) { try Self.ours.decode([Int].self, from: json) }
        #expect(error.map(Self.outline) == "dataCorrupted ")
        // Foundation's refuses these too, though some only as the wrong type (it reads lazily), and it lets a
        // trailing comma through, which RFC 8259 does not.
        if !json.hasSuffix(",]") {
            #expect(throws: DecodingError.self) { try Self.foundation.decode([Int].self, from: Data(json.utf8)) }
        }
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: DecodingError.self) { try bytes.withUnsafeBytes { try Self.ours.decode(String.self, from: $0) } }
    }

    /// Nesting past the limit is refused instead of exhausting the stack.
    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: DecodingError.self) { try Self.ours.decode(JSONNesting.self, from: deep) }
        let allowed = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(try Self.ours.decode(JSONNesting.self, from: allowed).depth == 500)
    }

    /// A key written twice keeps its first value, as Foundation's decoder does.
    @Test func aRepeatedKeyKeepsItsFirstValue() {
        expectSameOutcome([String: Int].self, #"{"a":1,"a":2}"#)
        expectSameOutcome(Sub.self, #"{"n":[1],"n":[2,3]}"#)
    }

    @Test func textInstantsAreReadByTheGivenFunction() throws {
        let decoder = TreeJSONDecoder(dates: .text { $0 == "khi" ? Date(timeIntervalSince1970: 7) : nil })
        #expect(try decoder.decode([Date].self, from: #"["khi"]"#) == [Date(timeIntervalSince1970: 7)])
        #expect(Self.outline(#expect(throws: DecodingError.self) { try decoder.decode([String: Date].self, from: #"{"at":"sai"}"#) }!)
            == "dataCorrupted .at")
        #expect(Self.outline(#expect(throws: DecodingError.self) { try decoder.decode([Date].self, from: "[1]") }!)
            == "typeMismatch [0]")
    }
}

private enum Level: String, Codable { case low, high }

private struct Sub: Codable, Equatable { let n: [Int] }

private struct Sample: Codable, Equatable {
    let name: String
    let count: Int
    let small: Int8
    let ratio: Double
    let flag: Bool
    let at: Date
    let note: String?
    let level: Level?
    let tags: [String]
    let sub: Sub

    static let valid = #"""
        {"name":"Nguyễn Văn An","count":3,"small":-7,"ratio":2.5e-1,"flag":true,"at":1763800000.5,"note":null,
         "level":"low","tags":["a","b"],"sub":{"n":[1,2,3]},"unknown":{"ignored":[1,{"x":null}]}}
        """#
}

private struct Specials: Codable, Equatable {
    let url: URL
    let data: Data
    let decimal: Decimal
}

/// Arrays inside arrays, counted: what a hostile body nests.
private struct JSONNesting: Decodable {
    let depth: Int

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        depth = container.isAtEnd ? 1 : try container.decode(JSONNesting.self).depth + 1
    }
}

/// The UTF-8 check agrees with the standard library's on every one- and two-byte sequence, on three- and four-byte
/// sequences around each boundary of the table (overlong, surrogate, past U+10FFFF), and on truncated ones.
@Suite struct UTF8CheckTests {
    func agrees(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let standard = String(validating: bytes, as: UTF8.self) != nil
        #expect(bytes.withUnsafeBufferPointer(UTF8Check.isValid) == standard, "\(bytes)", sourceLocation: sourceLocation)
    }

    @Test func agreesWithTheStandardLibrary() {
        for first in UInt8.min...UInt8.max {
            agrees([first])
            for second in UInt8.min...UInt8.max { agrees([first, second]) }
        }
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0]
        for lead: UInt8 in [0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF] {
            for second in edges {
                for third in edges {
                    agrees([lead, second, third])
                    for fourth in edges { agrees([lead, second, third, fourth]) }
                }
            }
        }
        agrees(Array("Nguyễn Văn An 😀".utf8))
        agrees(Array("Nguyễn".utf8).dropLast())
    }
}
