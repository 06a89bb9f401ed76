/// Mã hồ sơ — `{agency code}-{yymmdd}-{sequence}`, e.g. `000.00.07.H26-230523-0001`: unique per agency per
/// day. The sequence has four digits and grows a fifth only past 9,999 dossiers in one agency in one day.
public enum DossierCode {
    public static func make(agencyCode: String, day: CivilDate, sequence: Int) -> String {
        Numbering(agencyCode: agencyCode, day: day).code(sequence)
    }

    /// Đánh số — the codes of one agency's register on one day: what comes before the number, and how few digits
    /// the number is written with. (The store writes the same rule in SQL for PostgreSQL, from these two values.)
    public struct Numbering: Sendable {
        /// `{agency code}-{yymmdd}-`.
        public let prefix: String
        /// The fewest digits the number is written with.
        public let digits = 4

        public init(agencyCode: String, day: CivilDate) {
            let yymmdd = CivilDate.pad(day.year % 100, 2) + CivilDate.pad(day.month, 2) + CivilDate.pad(day.day, 2)
            prefix = "\(agencyCode)-\(yymmdd)-"
        }

        /// The code the register's number `number` gives.
        public func code(_ number: Int) -> String { prefix + CivilDate.pad(number, digits) }
    }
}
