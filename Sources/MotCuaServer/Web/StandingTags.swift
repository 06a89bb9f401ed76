import MotCuaCore

/// Màu của thời hạn — the colour class (`site.css`: `.tag.late`, `.tag.soon`, `.tag.early`) a page gives a
/// deadline's standing or a verdict, so every page colours the same rule the same way; the words always go with it.
extension DeadlineStanding {
    var tagClass: String {
        switch self {
        case .late: "late"
        case .dueToday: "soon"
        case .later: "early"
        case .paused: ""
        }
    }
}

extension Timeliness {
    /// A finished step or dossier: late in red, on time or early in green.
    var tagClass: String { self == .late ? "late" : "early" }
}
