import MotCuaCore

/// Dân cư giả lập — a made-up population for the simulators of national systems: the same seed and size always
/// give the same people, so the identity-provider simulator and the tests agree on who exists. Every personal ID
/// follows the real rules (province of birth registration, century and gender digit, year of birth); people live
/// in households at Hà Nội addresses; most hold a level 2 e-ID account, some only level 1.
public struct SyntheticPopulation: Sendable {
    /// Người dân — one made-up person.
    public struct Person: Sendable, Hashable {
        public let personalId: String
        public let fullName: String
        public let birthDate: CivilDate
        public let isFemale: Bool
        /// Quê quán.
        public let placeOfOrigin: String
        /// Nơi thường trú.
        public let permanentAddress: String
        /// The personal ID of the head of the household the person belongs to.
        public let householdHead: String
        /// The level of the person's e-ID account.
        public let eIDLevel: AssuranceLevel
    }

    public let people: [Person]
    private let byPersonalId: [String: Int]

    /// `size` people from `seed`.
    public init(size: Int, seed: UInt64 = 2024) {
        var random = SplitMix64(seed: seed)
        var people: [Person] = []
        people.reserveCapacity(size)
        var head: String?
        var householdLeft = 0
        var address = ""
        var used = Set<String>()
        while people.count < size {
            if householdLeft == 0 {
                householdLeft = Int(random.next() % 5) + 1
                head = nil
                address = "Số \(random.next() % 200 + 1), \(Self.streets.pick(&random)), \(Self.wards.pick(&random)), Hà Nội"
            }
            let person = Self.person(&random, address: address, head: head, used: &used)
            head = head ?? person.personalId
            people.append(person)
            householdLeft -= 1
        }
        self.people = people
        self.byPersonalId = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1.personalId, $0) })
    }

    public func person(personalId: String) -> Person? { byPersonalId[personalId].map { people[$0] } }

    /// Everyone in the household whose head has this personal ID.
    public func household(head: String) -> [Person] { people.filter { $0.householdHead == head } }

    private static func person(_ random: inout SplitMix64, address: String, head: String?, used: inout Set<String>) -> Person {
        let isFemale = random.next() % 2 == 0
        let year = 1945 + Int(random.next() % 62)
        let month = Int(random.next() % 12) + 1
        let birthDate = CivilDate(year: year, month: month, day: Int(random.next() % 28) + 1)!
        let province = random.next() % 4 == 0 ? PersonalIDProvinces.others.pick(&random) : "001"
        let centuryDigit = (year >= 2000 ? 2 : 0) + (isFemale ? 1 : 0)
        var personalId: String
        repeat {
            personalId = province + "\(centuryDigit)" + String(format2: year % 100) + String(format6: Int(random.next() % 1_000_000))
        } while !used.insert(personalId).inserted
        let middle = isFemale ? femaleMiddleNames.pick(&random) : maleMiddleNames.pick(&random)
        let given = isFemale ? femaleGivenNames.pick(&random) : maleGivenNames.pick(&random)
        return Person(personalId: personalId, fullName: "\(familyNames.pick(&random)) \(middle) \(given)", birthDate: birthDate,
                      isFemale: isFemale, placeOfOrigin: origins.pick(&random), permanentAddress: address,
                      householdHead: head ?? personalId, eIDLevel: random.next() % 7 == 0 ? .level1 : .level2)
    }

    static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
                              "Dương", "Lý", "Đinh", "Trịnh", "Đào"]
    static let maleMiddleNames = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Công", "Tiến", "Mạnh"]
    static let femaleMiddleNames = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Hồng", "Khánh", "Thùy", "Bích"]
    static let maleGivenNames = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khoa", "Long", "Minh", "Nam",
                                 "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Vinh"]
    static let femaleGivenNames = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga",
                                   "Ngân", "Phương", "Quỳnh", "Tâm", "Thảo", "Trang", "Vân", "Yến"]
    static let origins = ["Hà Nội", "Nam Định", "Thái Bình", "Nghệ An", "Hải Phòng", "Bắc Ninh", "Thanh Hóa", "Hưng Yên",
                          "Ninh Bình", "Phú Thọ"]
    static let streets = ["phố Hàng Bông", "phố Huế", "đường Láng", "phố Đội Cấn", "đường Giải Phóng", "phố Trần Duy Hưng",
                          "đường Nguyễn Trãi", "phố Kim Mã", "đường Lạc Long Quân", "phố Minh Khai"]
    static let wards = ["phường Hoàn Kiếm", "phường Ba Đình", "phường Đống Đa", "phường Cầu Giấy", "phường Hai Bà Trưng",
                        "phường Tây Hồ", "phường Thanh Xuân", "phường Hoàng Mai", "xã Sóc Sơn", "xã Gia Lâm"]
}

/// Mã tỉnh nơi đăng ký khai sinh — the provinces other than Hà Nội that made-up people were registered in.
enum PersonalIDProvinces {
    static let others = PersonalID.provinceCodes.subtracting(["001"]).sorted()
}

/// SplitMix64 — a small, fast generator whose sequence is fixed by its seed (Steele, Lea, Flood 2014), so made-up
/// data is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array {
    /// One element chosen by the generator (the array is never empty where this is used).
    func pick(_ random: inout SplitMix64) -> Element { self[Int(random.next() % UInt64(count))] }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }

    /// Six digits, zero-padded.
    init(format6 value: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: 6 - digits.count) + digits
    }
}
