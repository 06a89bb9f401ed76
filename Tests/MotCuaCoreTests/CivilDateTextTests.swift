import Testing
@testable import MotCuaCore

/// A day's text (`YYYY-MM-DD`) and zero-padding, written byte by byte: the same text as the padded numbers give.
@Suite struct CivilDateTextTests {
    @Test(arguments: [(2026, 11, 22, "2026-11-22"), (2024, 2, 29, "2024-02-29"), (5, 1, 1, "0005-01-01"),
                      (999, 12, 31, "0999-12-31"), (12026, 3, 4, "12026-03-04")])
    func aDayIsWrittenAsISO(year: Int, month: Int, day: Int, text: String) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect(date.description == text)
        #expect(CivilDate(iso: text) == date || year > 9999)
    }

    @Test(arguments: [(7, 2, "07"), (0, 2, "00"), (59, 2, "59"), (123, 2, "123"), (2026, 4, "2026"), (0, 0, "0")])
    func numbersArePaddedWithZeros(value: Int, width: Int, text: String) {
        var bytes: [UInt8] = Array("x".utf8)
        CivilDate.appendPadded(value, width, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + text)
        #expect(CivilDate.pad(value, width) == text)
    }
}
