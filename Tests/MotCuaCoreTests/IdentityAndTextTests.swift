import Testing
@testable import MotCuaCore

@Suite struct IdentityAndTextTests {
    @Test(arguments: [
        ("001099012345", nil), ("079203012345", nil),
        ("00109901234", PersonalID.Problem.notTwelveDigits), ("00109901234a", .notTwelveDigits),
        ("0010990123456", .notTwelveDigits), ("00109901234 ", .notTwelveDigits), ("", .notTwelveDigits),
        ("００１０９９０１２３４５", .notTwelveDigits), ("٠٠١٠٩٩٠١٢٣٤٥", .notTwelveDigits), ("00109901234\u{0301}5", .notTwelveDigits),
        ("003099012345", .unknownProvince("003")), ("001499012345", .impossibleCenturyOrGender(4)),
        ("001290012345", .birthYearInFuture(2090)),
    ])
    func personalIDs(text: String, problem: PersonalID.Problem?) {
        do {
            _ = try PersonalID(text, currentYear: 2026)
            #expect(problem == nil)
        } catch {
            #expect(error == problem)
        }
    }

    @Test(arguments: ["ĐĂNG KÝ KHAI SINH", "dang ky khai sinh", "Đăng  ký khai\tsinh "])
    func foldingIgnoresDiacriticsCaseAndSpacing(text: String) {
        #expect(VietnameseText.fold(text) == "dang ky khai sinh")
    }

    @Test func dossierCodesHaveAgencyDateAndFourDigitSequence() {
        #expect(DossierCode.make(agencyCode: "000.00.07.H26", day: CivilDate(year: 2023, month: 5, day: 23)!, sequence: 1)
                == "000.00.07.H26-230523-0001")
    }

    @Test func impossibleDatesAreRefused() {
        #expect(CivilDate(iso: "2025-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2024-13-01") == nil)
    }
}
