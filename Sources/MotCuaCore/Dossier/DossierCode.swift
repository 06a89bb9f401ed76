/// Mã hồ sơ — `{agency code}-{yymmdd}-{sequence}`, e.g. `000.00.07.H26-230523-0001`: unique per agency per
/// day. The sequence has four digits and grows a fifth only past 9,999 dossiers in one agency in one day.
public enum DossierCode {
    public static func make(agencyCode: String, day: CivilDate, sequence: Int) -> String {
        let yymmdd = CivilDate.pad(day.year % 100, 2) + CivilDate.pad(day.month, 2) + CivilDate.pad(day.day, 2)
        return "\(agencyCode)-\(yymmdd)-\(CivilDate.pad(sequence, 4))"
    }
}
