import Testing
@testable import MotCuaCore

@Suite struct IntakeRulesTests {
    let ward = Agency(code: "000.30.01.H26", name: "UBND Phường Ba Đình", kind: "ubnd-xa", unitKey: "hien-hanh:4", parentCode: nil)
    let otherWard = Agency(code: "000.30.02.H26", name: "UBND Phường Ngọc Hà", kind: "ubnd-xa", unitKey: "hien-hanh:8", parentCode: nil)
    let centre = Agency(code: "000.00.01.H26", name: "Trung tâm PVHCC", kind: Agency.serviceCentreKind, unitKey: nil, parentCode: nil)

    @Test func aDeskReceivesForItsOwnAgencyAndAServiceCentreForAny() {
        #expect(IntakeRules.receivingAgency(for: ward, deskAgencies: [ward]) == ward)
        #expect(IntakeRules.receivingAgency(for: ward, deskAgencies: [centre, ward]) == ward)
        #expect(IntakeRules.receivingAgency(for: otherWard, deskAgencies: [centre]) == centre)
        #expect(IntakeRules.receivingAgency(for: otherWard, deskAgencies: [ward]) == nil)
    }

    @Test(arguments: [
        ([ReceivedDocument(name: "Tờ khai", originals: 1, copies: 0)], 1, "", nil),
        ([ReceivedDocument(name: " ", originals: 1, copies: 0)], 1, "", "documents[0]"),
        ([ReceivedDocument(name: "Tờ khai", originals: -1, copies: 0)], 1, "", "documents[0]"),
        ([], 0, "", "sets"),
        ([], 21, "", "sets"),
        ([], 1, String(repeating: "x", count: 2001), "request"),
    ])
    func contentLimits(documents: [ReceivedDocument], sets: Int, request: String, field: String?) {
        #expect(IntakeRules.contentProblem(documents: documents, sets: sets, request: request)?.field == field)
    }

    @Test(arguments: [
        (Int?.some(3), Int?.none, TimeBudget?.some(.workingDays(3)), String?.none),
        (nil, 8, .workingHours(8), nil),
        (nil, nil, nil, "workingDays"),
        (3, 8, nil, "workingDays"),
        (-1, nil, nil, "workingDays"),
        (nil, 1_000_000, nil, "workingHours"),
    ])
    func budgetFromDaysOrHours(days: Int?, hours: Int?, budget: TimeBudget?, field: String?) {
        do {
            #expect(try TimeBudget.from(workingDays: days, workingHours: hours) == budget)
        } catch {
            #expect(error.field == field)
        }
    }

    @Test(arguments: [("000.00.00.H26", true), ("000.30.01.H26", true), ("000.00.00.h26", false), ("00.00.00.H26", false),
                      ("000.00.00", false), ("000.0a.00.H26", false), ("000.00.00.H26 ", false), ("000.00.00.H2٦", false),
                      ("000.00.00.Ä26", false), ("０00.00.00.H26", false), ("000-00-00-H26", false), ("000.00.00.126", false)])
    func agencyCodesFollowQCVN102(code: String, valid: Bool) {
        #expect(Agency.isValidCode(code) == valid)
    }
}
