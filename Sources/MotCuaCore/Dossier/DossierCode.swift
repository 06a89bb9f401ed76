/// Mã hồ sơ — `{agency code}-{yymmdd}-{sequence}`, e.g. `000.00.07.H26-230523-0001`: unique per agency per
/// day. The sequence has four digits and grows a fifth only past 9,999 dossiers in one agency in one day.
public enum DossierCode {
    /// The fewest digits the sequence is written with.
    public static let sequenceDigits = 4

    public static func make(agencyCode: String, day: CivilDate, sequence: Int) -> String {
        prefix(agencyCode: agencyCode, day: day) + CivilDate.pad(sequence, sequenceDigits)
    }

    /// What comes before the sequence: `{agency code}-{yymmdd}-`.
    public static func prefix(agencyCode: String, day: CivilDate) -> String {
        let yymmdd = CivilDate.pad(day.year % 100, 2) + CivilDate.pad(day.month, 2) + CivilDate.pad(day.day, 2)
        return "\(agencyCode)-\(yymmdd)-"
    }
}
