import Foundation

/// Kết quả đúng hạn — how a dossier or a hand-off ended against its appointment: early (trước hạn), on time
/// (đúng hạn) or late (quá hạn).
public enum Timeliness: String, Codable, Sendable {
    case early = "truoc-han"
    case onTime = "dung-han"
    case late = "qua-han"

    /// On time means the end is no later than the appointment; early means on an earlier day than the
    /// appointment's day. `countedLate` is a rule that makes it late whatever the dates say (a second supplement
    /// request; in an interlinked filing, another agency's late part).
    public static func verdict(end: Date, due: Date, countedLate: Bool = false) -> Timeliness {
        if countedLate || end > due { return .late }
        return WorkingCalendar.local(end).date < WorkingCalendar.local(due).date ? .early : .onTime
    }

    public var vietnameseName: String {
        switch self {
        case .early: "Trước hạn"
        case .onTime: "Đúng hạn"
        case .late: "Quá hạn"
        }
    }
}
