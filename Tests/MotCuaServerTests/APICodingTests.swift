import Foundation
import MotCuaServer
import Testing

/// Instants in the API: written in Vietnam's time with its offset, and read back to the same second.
@Suite struct APICodingTests {
    /// Instants (seconds since 1970) and how the API writes them: around local midnight, a leap day, a year's
    /// turn in UTC that is already the new year in Vietnam, before 1970, and a fraction of a second dropped.
    static let written: [(TimeInterval, String)] = [
        (1_772_013_600, "2026-02-25T17:00:00+07:00"),
        (1_772_038_799, "2026-02-25T23:59:59+07:00"),
        (1_772_038_800, "2026-02-26T00:00:00+07:00"),
        (1_709_226_000, "2024-03-01T00:00:00+07:00"),
        (1_709_225_999, "2024-02-29T23:59:59+07:00"),
        (1_798_736_400, "2027-01-01T00:00:00+07:00"),
        (0, "1970-01-01T07:00:00+07:00"),
        (-25_200, "1970-01-01T00:00:00+07:00"),
        (-25_201, "1969-12-31T23:59:59+07:00"),
        (1_772_013_600.75, "2026-02-25T17:00:00+07:00"),
    ]

    @Test(arguments: written) func writtenInVietnamTime(seconds: TimeInterval, text: String) {
        #expect(APICoding.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test(arguments: written) func readBackToTheSecond(seconds: TimeInterval, text: String) {
        #expect(APICoding.parse(text) == Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    /// The same instants as Foundation's ISO 8601 formatter writes them for UTC+7.
    @Test func agreesWithFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.formatOptions = [.withInternetDateTime]
        for seconds in stride(from: 1_700_000_000, to: 1_900_000_000, by: 7_777_777) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(APICoding.format(date) == formatter.string(from: date))
        }
    }
}
