/// Thời hạn giải quyết — a legal time allowance: working days, working hours, or "within the day" (trong ngày),
/// which the 15:00 rule turns into the next working day for late arrivals.
public enum TimeBudget: Hashable, Sendable, Codable, CustomStringConvertible {
    case workingDays(Int)
    case workingHours(Int)
    case sameDay

    /// The longest allowance the system accepts (ten years of working days); longer values are input errors.
    public static let maximumWorkingDays = 2500

    /// The allowance from "N working days" or "N working hours", exactly one of them given; the problem names
    /// the field (`workingDays`, `workingHours`) otherwise.
    public static func from(workingDays: Int?, workingHours: Int?) throws(FieldProblem) -> TimeBudget {
        let budget: TimeBudget
        switch (workingDays, workingHours) {
        case (let days?, nil): budget = .workingDays(days)
        case (nil, let hours?): budget = .workingHours(hours)
        default: throw FieldProblem(field: "workingDays", message: "Cần đúng một trong số ngày làm việc hoặc số giờ làm việc.")
        }
        guard budget.isValid else {
            throw FieldProblem(field: workingDays == nil ? "workingHours" : "workingDays",
                               message: "Thời hạn phải từ 0 đến \(maximumWorkingDays) ngày làm việc.")
        }
        return budget
    }

    public var isValid: Bool {
        switch self {
        case .workingDays(let n): (0...Self.maximumWorkingDays).contains(n)
        case .workingHours(let n): (0...Self.maximumWorkingDays * 8).contains(n)
        case .sameDay: true
        }
    }

    /// Working seconds the allowance grants; a same-day allowance is handled by the 15:00 rule instead.
    public func workingSeconds(per hours: WorkingHours) -> Int {
        switch self {
        case .workingDays(let n): n * hours.secondsPerDay
        case .workingHours(let n): n * 3600
        case .sameDay: 0
        }
    }

    /// `3 ngày làm việc`, `8 giờ làm việc`, `trong ngày`.
    public var description: String {
        switch self {
        case .workingDays(let n): "\(n) ngày làm việc"
        case .workingHours(let n): "\(n) giờ làm việc"
        case .sameDay: "trong ngày"
        }
    }

    /// The short form used in CSV cells and BPMN attributes: `3d` (working days), `8h` (working hours), `same-day`.
    public var token: String {
        switch self {
        case .workingDays(let n): "\(n)d"
        case .workingHours(let n): "\(n)h"
        case .sameDay: "same-day"
        }
    }

    /// Reads the short form (`3d`, `8h`, `same-day`).
    public init?(token: String) {
        if token == "same-day" { self = .sameDay; return }
        guard let unit = token.last, let value = Int(token.dropLast()), value >= 0 else { return nil }
        switch unit {
        case "d": self = .workingDays(value)
        case "h": self = .workingHours(value)
        default: return nil
        }
    }

    private enum CodingKeys: String, CodingKey { case unit, value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let unit = try container.decode(String.self, forKey: .unit)
        switch unit {
        case "working-days": self = .workingDays(try container.decode(Int.self, forKey: .value))
        case "working-hours": self = .workingHours(try container.decode(Int.self, forKey: .value))
        case "same-day": self = .sameDay
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .unit, in: container,
                debugDescription: "Đơn vị thời hạn phải là working-days, working-hours hoặc same-day")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .workingDays(let n):
            try container.encode("working-days", forKey: .unit)
            try container.encode(n, forKey: .value)
        case .workingHours(let n):
            try container.encode("working-hours", forKey: .unit)
            try container.encode(n, forKey: .value)
        case .sameDay: try container.encode("same-day", forKey: .unit)
        }
    }
}
