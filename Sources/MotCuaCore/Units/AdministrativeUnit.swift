/// Đơn vị hành chính — a ward, commune or (before 1 July 2025) district of the province, with its official
/// GSO code. Codes of the two structures overlap, so a unit is named by its scheme and code together.
public struct AdministrativeUnit: Hashable, Sendable, Codable {
    /// Which structure the unit belongs to.
    public enum Scheme: String, Codable, Sendable {
        /// Hai cấp — province and commune, in force since 2025-07-01.
        case current = "hien-hanh"
        /// Ba cấp — a ward or commune of the three-level structure, until 2025-06-30.
        case legacy = "truoc-2025"
        /// Ba cấp — a district (quận, huyện, thị xã) of the three-level structure, until 2025-06-30.
        case legacyDistrict = "huyen-truoc-2025"
    }

    public let scheme: Scheme
    public let code: Int
    public let name: String
    /// phường, xã, quận, huyện, thị xã …
    public let type: String
    /// For a legacy ward, the code of its legacy district.
    public let parentCode: Int?

    public init(scheme: Scheme, code: Int, name: String, type: String, parentCode: Int?) {
        self.scheme = scheme
        self.code = code
        self.name = name
        self.type = type
        self.parentCode = parentCode
    }

    /// `hien-hanh:4`, the key used in requests and storage.
    public var key: String { "\(scheme.rawValue):\(code)" }
}

/// Chuyển đổi đơn vị hành chính — which current ward(s) took over a legacy ward's territory.
public struct UnitConversion: Hashable, Sendable, Codable {
    public let legacyCode: Int
    public let currentCodes: [Int]
    /// The legacy ward was split between several current ones.
    public let partly: Bool

    public init(legacyCode: Int, currentCodes: [Int], partly: Bool) {
        self.legacyCode = legacyCode
        self.currentCodes = currentCodes
        self.partly = partly
    }
}

/// Cơ quan — an agency that receives or decides dossiers (People's Committee, department, service centre),
/// attached to an administrative unit, with its QCVN 102:2016 code (e.g. `000.00.00.H26` for the city).
public struct Agency: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    /// What kind of agency it is (`ubnd-xa`, `so-tu-phap`, `trung-tam-phvhcc` …); procedures name the kind
    /// competent for them.
    public let kind: String
    /// The unit it serves (`hien-hanh:4`), or nil for a province-level agency.
    public let unitKey: String?
    public let parentCode: String?

    public init(code: String, name: String, kind: String, unitKey: String?, parentCode: String?) {
        self.code = code
        self.name = name
        self.kind = kind
        self.unitKey = unitKey
        self.parentCode = parentCode
    }

    /// Trung tâm Phục vụ hành chính công — may receive dossiers for any agency in the province (Decree 118/2025).
    public static let serviceCentreKind = "trung-tam-phvhcc"

    /// QCVN 102 agency codes: `ddd.dd.dd.Hnn` (three groups of digits and the province's letter-and-number code).
    public static func isValidCode(_ code: String) -> Bool {
        guard code.utf8.count == codePattern.count else { return false }
        return zip(code.utf8, codePattern).allSatisfy { byte, expected in
            switch expected {
            case UInt8(ascii: "9"): (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            case UInt8(ascii: "A"): (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            default: byte == expected
            }
        }
    }

    /// The shape of an agency code, byte by byte: `9` a digit, `A` a capital letter, anything else itself.
    private static let codePattern = Array("999.99.99.A99".utf8)
}
