import Foundation
import Testing
@testable import MotCuaCore

/// JSON written before a value is known: the value lands in every place the placeholder held, escaped, and nowhere
/// else.
@Suite struct JSONTemplateTests {
    struct Answer: Encodable {
        let code: String
        let links: [String]
        let note: String
    }

    @Test(arguments: [
        ("000.30.01.H26-261122-0001", #"{"code":"000.30.01.H26-261122-0001","links":["/ho-so/000.30.01.H26-261122-0001"],"note":"x"}"#),
        ("", #"{"code":"","links":["/ho-so/"],"note":"x"}"#),
        (#"a"b\c"#, #"{"code":"a\"b\\c","links":["/ho-so/a\"b\\c"],"note":"x"}"#),
    ])
    func theValueGoesWhereverThePlaceholderWas(value: String, json: String) throws {
        let placeholder = JSONTemplate.placeholder()
        let answer = Answer(code: placeholder, links: ["/ho-so/" + placeholder], note: "x")
        let template = JSONTemplate(try SortedJSONEncoder(dates: .secondsSince1970).bytes(of: answer), placeholder: placeholder)
        #expect(template.holes.count == 2)
        #expect(String(decoding: template.filled(with: value), as: UTF8.self) == json)
    }

    /// A text is recognised as the template filled with a value exactly when it is what `filled(with:)` gives.
    @Test(arguments: [
        ("X1midX1", true), ("X1midX2", false), ("X1midX1 ", false), ("X11midX1", false), ("Y1midX1", false),
        ("X1mId X1", false), ("", false),
    ])
    func aTextMatchesOnlyTheTemplateFilledWithItsValue(text: String, matches: Bool) {
        let template = JSONTemplate(Array("XYmidXY".utf8), placeholder: "XY")
        #expect(template.matches(text, filledWith: "X1") == matches)
        #expect(template.matches(String(decoding: template.filled(with: "Hà Nội"), as: UTF8.self), filledWith: "Hà Nội"))
    }

    @Test func withoutThePlaceholderTheJSONIsUnchanged() throws {
        let bytes = Array(#"{"code":"chua-cap-ma-","note":"chua"}"#.utf8)
        let template = JSONTemplate(bytes, placeholder: JSONTemplate.placeholder())
        #expect(template.holes.isEmpty)
        #expect(template.filled(with: "anything") == bytes)
    }

    @Test func holesAtTheEdgesAndSideBySide() {
        let template = JSONTemplate(Array("XYXYmidXY".utf8), placeholder: "XY")
        #expect(template.holes == [0, 2, 7])
        #expect(String(decoding: template.filled(with: "1"), as: UTF8.self) == "11mid1")
    }

    /// 128 random bits, as lowercase hexadecimal, and a count: a thousand drawn, a thousand different, all
    /// behind the same bits and none needing escape in JSON.
    @Test func placeholdersDiffer() {
        let drawn = (0..<1000).map { _ in JSONTemplate.placeholder() }
        #expect(Set(drawn).count == 1000)
        let parts = drawn.map { $0.split(separator: "-") }
        #expect(parts.allSatisfy { $0.count == 5 && $0[0...2].joined(separator: "-") == "chua-cap-ma" && Int($0[4]) != nil })
        #expect(Set(parts.map { $0[3] }).count == 1)
        #expect(parts.allSatisfy { $0[3].count == 32 && $0[3].allSatisfy { "0123456789abcdef".contains($0) } })
    }
}
