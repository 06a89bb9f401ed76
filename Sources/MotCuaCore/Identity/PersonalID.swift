/// Số định danh cá nhân — the 12-digit personal ID on the citizen ID card: province of birth registration (3),
/// century and gender (1), year of birth (2), random (6). There is no check digit.
public struct PersonalID: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    /// Năm sinh — from the century/gender digit and the two year digits.
    public let birthYear: Int

    /// Why a text is not a personal ID.
    public enum Problem: Error, Equatable, Sendable {
        case notTwelveDigits
        case unknownProvince(String)
        case impossibleCenturyOrGender(Int)
        case birthYearInFuture(Int)

        public var vietnameseMessage: String {
            switch self {
            case .notTwelveDigits: "Số định danh cá nhân phải gồm đúng 12 chữ số."
            case .unknownProvince(let code): "Mã tỉnh nơi đăng ký khai sinh \"\(code)\" không tồn tại."
            case .impossibleCenturyOrGender(let digit): "Chữ số thế kỷ và giới tính \"\(digit)\" không hợp lệ."
            case .birthYearInFuture(let year): "Năm sinh \(year) chưa tới."
            }
        }
    }

    /// The 63 province codes of Circular 59/2021/TT-BCA (GSO province codes, three digits).
    public static let provinceCodes: Set<String> = [
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
        "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
        "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
        "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
        "094", "095", "096",
    ]

    /// Validates the text; `currentYear` bounds the year of birth (no one is born in the future).
    public init(_ text: String, currentYear: Int) throws(Problem) {
        let digits = text.utf8.map { Int($0) - Int(UInt8(ascii: "0")) }
        guard digits.count == 12, digits.allSatisfy((0...9).contains) else { throw .notTwelveDigits }
        let province = String(text.prefix(3))
        guard Self.provinceCodes.contains(province) else { throw .unknownProvince(province) }
        // 0/1: 1900s, 2/3: 2000s, 4/5: 2100s … (even male, odd female).
        let centuryDigit = digits[3]
        let year = 1900 + (centuryDigit / 2) * 100 + digits[4] * 10 + digits[5]
        guard year <= currentYear else {
            if centuryDigit >= 4 { throw .impossibleCenturyOrGender(centuryDigit) }
            throw .birthYearInFuture(year)
        }
        self.value = text
        self.birthYear = year
    }

    public var description: String { value }
}
