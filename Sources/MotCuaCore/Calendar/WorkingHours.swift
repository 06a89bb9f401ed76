import Foundation

/// Giờ làm việc — the office hours of a working day, as periods of seconds after local midnight, and the
/// afternoon cut-off after which a same-day procedure is returned the next working day.
public struct WorkingHours: Sendable, Hashable {
    /// One uninterrupted stretch of office time, `start..<end` seconds after midnight.
    public struct Period: Sendable, Hashable {
        public let start: Int
        public let end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public let periods: [Period]
    /// 15:00 by default: a same-day procedure received at or after it is due the next working day.
    public let sameDayCutoff: Int

    /// 08:00–12:00 and 13:30–17:00, with the 15:00 rule.
    public static let standard = WorkingHours(
        periods: [Period(start: 8 * 3600, end: 12 * 3600), Period(start: 13 * 3600 + 1800, end: 17 * 3600)],
        sameDayCutoff: 15 * 3600
    )!

    /// Nil unless the periods are non-empty, ordered, non-overlapping and within one day.
    public init?(periods: [Period], sameDayCutoff: Int) {
        guard !periods.isEmpty, periods.allSatisfy({ $0.start < $0.end && $0.start >= 0 && $0.end <= 86400 }),
              zip(periods, periods.dropFirst()).allSatisfy({ $0.end <= $1.start }) else { return nil }
        self.periods = periods
        self.sameDayCutoff = sameDayCutoff
    }

    /// Parses `08:00-12:00,13:30-17:00`.
    public init?(parsing text: String, sameDayCutoff: String = "15:00") {
        let periods = text.split(separator: ",").map { range -> Period? in
            let ends = range.split(separator: "-")
            guard ends.count == 2, let start = Self.seconds(ends[0]), let end = Self.seconds(ends[1]) else { return nil }
            return Period(start: start, end: end)
        }
        guard let cutoff = Self.seconds(Substring(sameDayCutoff)), !periods.contains(where: { $0 == nil }) else {
            return nil
        }
        self.init(periods: periods.compactMap { $0 }, sameDayCutoff: cutoff)
    }

    /// Working seconds in one full working day (27,000 = 7.5 hours by default).
    public var secondsPerDay: Int { periods.reduce(0) { $0 + $1.end - $1.start } }

    public var dayStart: Int { periods[0].start }
    public var dayEnd: Int { periods[periods.count - 1].end }

    private static func seconds(_ text: Substring) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m)
        else { return nil }
        return h * 3600 + m * 60
    }
}
