/// Ngày dương lịch — a calendar date with no time of day, as the law counts days (holidays, appointment dates).
///
/// Backed by the Julian Day Number so that adding days and finding weekdays are integer arithmetic.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (31 April, 29 February 2025, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date of a Julian Day Number (proleptic Gregorian after 1582).
    public init(julianDay jd: Int) {
        let a = jd + 32044
        let b = (4 * a + 3) / 146_097
        let c = a - (b * 146_097) / 4
        let d = (4 * c + 3) / 1461
        let e = c - (1461 * d) / 4
        let m = (5 * e + 2) / 153
        self.day = e - (153 * m + 2) / 5 + 1
        self.month = m + 3 - 12 * (m / 10)
        self.year = b * 100 + d - 4800 + m / 10
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including dates that do not exist.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var julianDay: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int { julianDay % 7 + 1 }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// "Thứ Hai" … "Chủ nhật".
    public var vietnameseWeekday: String {
        isoWeekday == 7 ? "Chủ nhật" : "Thứ " + ["Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"][isoWeekday - 1]
    }

    public func adding(days: Int) -> CivilDate { CivilDate(julianDay: julianDay + days) }

    /// `YYYY-MM-DD`.
    public var description: String {
        var text: [UInt8] = []
        appendISO(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DD` (a day's text is written on every answer and every key, so without a `String` per part).
    public func appendISO(to text: inout [UInt8]) {
        CivilDate.appendPadded(year, 4, to: &text)
        text.append(UInt8(ascii: "-"))
        CivilDate.appendPadded(month, 2, to: &text)
        text.append(UInt8(ascii: "-"))
        CivilDate.appendPadded(day, 2, to: &text)
    }

    /// `dd/MM/yyyy`, as Vietnamese forms print dates.
    public var vietnamese: String { "\(CivilDate.pad(day, 2))/\(CivilDate.pad(month, 2))/\(CivilDate.pad(year, 4))" }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.julianDay < rhs.julianDay }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Zero-pads a number to a width (`pad(7, 2)` is `07`).
    public static func pad(_ value: Int, _ width: Int) -> String {
        var text: [UInt8] = []
        appendPadded(value, width, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends what `pad` gives, as UTF-8: the number's digits after as many zeros as make up `width`.
    public static func appendPadded(_ value: Int, _ width: Int, to text: inout [UInt8]) {
        guard value >= 0 else {
            let digits = String(value).utf8
            text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - digits.count)))
            return text.append(contentsOf: digits)
        }
        var digits = 1
        var rest = value / 10
        while rest > 0 { (digits, rest) = (digits + 1, rest / 10) }
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width, digits)))
        var position = text.count - 1
        rest = value
        repeat {
            text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            (rest, position) = (rest / 10, position - 1)
        } while rest > 0
    }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Ngày không hợp lệ: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
