import Testing
@testable import MotCuaCore

/// What the control office may record in the calendar, case by case (today is Mon 23/11/2026).
@Suite struct AnnouncedDayRulesTests {
    static let today = CivilDate(iso: "2026-11-23")!

    @Test(arguments: [
        // A swap announced ahead: a weekday off and the Saturday worked for it.
        ("2027-04-29", AnnouncedDay.Kind.dayOff, "Nghỉ hoán đổi dịp 30/4", nil, nil),
        ("2027-04-24", .workingDay, "Làm bù cho ngày 29/4/2027", nil, nil),
        // Today may still be changed; yesterday may not.
        ("2026-11-23", .dayOff, "Nghỉ đột xuất", nil, nil),
        ("2026-11-20", .dayOff, "Nghỉ đột xuất", nil, "date"),
        // Tết days announced for a year may name a weekend day, since they stand for the holiday's rule days.
        ("2027-02-06", .dayOff, "Tết Đinh Mùi (mùng 1)", HolidayKind.lunarNewYear, nil),
        ("2027-02-06", .dayOff, "Nghỉ thêm", nil, "kind"),
        ("2027-04-26", .workingDay, "Làm bù", nil, "kind"),
        ("2027-04-24", .workingDay, "Làm bù", HolidayKind.reunification, "replaces"),
        ("2027-04-29", .dayOff, "   ", nil, "name"),
        ("2100-01-04", .dayOff, "Nghỉ", nil, "date"),
    ] as [(String, AnnouncedDay.Kind, String, HolidayKind?, String?)])
    func aDayIsRecordedOnlyWhenItMeansSomething(date: String, kind: AnnouncedDay.Kind, name: String, replaces: HolidayKind?,
                                                 refusedField: String?) {
        let day = AnnouncedDay(date: CivilDate(iso: date)!, kind: kind, name: name, replaces: replaces)
        #expect(day.problem(today: Self.today)?.field == refusedField)
    }

    @Test func aPastDayIsNotRemovedEither() {
        #expect(AnnouncedDay.changeProblem(CivilDate(iso: "2026-01-02")!, today: Self.today)?.field == "date")
        #expect(AnnouncedDay.changeProblem(CivilDate(iso: "2027-01-02")!, today: Self.today) == nil)
    }
}

/// What the control office may record as an agency, case by case.
@Suite struct AgencyRulesTests {
    @Test(arguments: [
        (Agency(code: "000.30.99.H26", name: "UBND phường Mới", kind: "ubnd-xa", unitKey: "hien-hanh:4", parentCode: "000.00.00.H26"), true, true, nil),
        (Agency(code: "000.00.42.H26", name: "Sở Khoa học và Công nghệ", kind: "so-khoa-hoc", unitKey: nil, parentCode: nil), false, false, nil),
        (Agency(code: "000.30.99", name: "UBND", kind: "ubnd-xa", unitKey: nil, parentCode: nil), true, true, "code"),
        (Agency(code: "000.30.99.h26", name: "UBND", kind: "ubnd-xa", unitKey: nil, parentCode: nil), true, true, "code"),
        (Agency(code: "000.30.99.H26", name: "  ", kind: "ubnd-xa", unitKey: nil, parentCode: nil), true, true, "name"),
        (Agency(code: "000.30.99.H26", name: "UBND", kind: "UBND xã", unitKey: nil, parentCode: nil), true, true, "kind"),
        (Agency(code: "000.30.99.H26", name: "UBND", kind: "ubnd-xa", unitKey: "hien-hanh:9999", parentCode: nil), false, true, "unitKey"),
        (Agency(code: "000.30.99.H26", name: "UBND", kind: "ubnd-xa", unitKey: nil, parentCode: "000.30.99.H26"), true, true, "parentCode"),
        (Agency(code: "000.30.99.H26", name: "UBND", kind: "ubnd-xa", unitKey: nil, parentCode: "000.00.98.H26"), true, false, "parentCode"),
    ] as [(Agency, Bool, Bool, String?)])
    func anAgencyIsRecordedOnlyWhenWhole(agency: Agency, unitExists: Bool, parentExists: Bool, refusedField: String?) {
        #expect(agency.problem(unitExists: unitExists, parentExists: parentExists)?.field == refusedField)
    }
}
