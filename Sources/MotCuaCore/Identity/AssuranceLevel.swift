/// Mức độ tài khoản định danh điện tử — how sure the national e-ID (VNeID, Decree 69/2024) is of who signed in,
/// as OpenID Connect's `acr` claim carries it: level 1 (`LoA1`, registered online against the population registry)
/// or level 2 (`LoA2`, registered in person with the ID card and biometrics; worth as much as showing the card).
public enum AssuranceLevel: Int, Comparable, Sendable, CaseIterable, Codable {
    case level1 = 1
    case level2 = 2

    /// The level an `acr` value names (`LoA1`, `LoA2`, as the national portal's SSO sends them); nil for anything else.
    public init?(acr: String) {
        switch acr {
        case "LoA1": self = .level1
        case "LoA2": self = .level2
        default: return nil
        }
    }

    /// The `acr` value of this level, as asked for in `acr_values` and recorded with the dossier.
    public var acr: String { "LoA\(rawValue)" }

    /// "mức 1", "mức 2".
    public var vietnameseName: String { "mức \(rawValue)" }

    /// The level a citizen must have signed in with to file a procedure online. A procedure done wholly online
    /// (toàn trình) never sees the person or their original papers before deciding, so the account must count as
    /// much as the card shown at a desk: level 2. A partly online one (một phần) ends at the desk, where the
    /// originals are checked: level 1 is enough. A procedure not offered online asks for no account at all.
    public static func required(for level: OnlineLevel) -> AssuranceLevel? {
        switch level {
        case .full: .level2
        case .partial: .level1
        case .none: nil
        }
    }

    public static func < (lhs: AssuranceLevel, rhs: AssuranceLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
