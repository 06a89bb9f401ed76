import Testing
@testable import MotCuaCore

/// Who may attach a result document, and when.
@Suite struct ResultFileRulesTests {
    @Test(arguments: [
        (DossierStatus.done, Set<OfficerRole>([.deskOfficer]), "Giấy khai sinh", nil),
        (.returned, [.agencyLeader], "Quyết định", nil),
        (.processing, [.specialist], "Giấy khai sinh", ""),
        (.stopped, [.agencyLeader], "Thông báo", ""),
        (.done, [.inspector], "Giấy khai sinh", ""),
        (.done, [.administrator], "Giấy khai sinh", ""),
        (.done, [], "Giấy khai sinh", ""),
        (.done, [.specialist], "  ", "title"),
        (.done, [.specialist], String(repeating: "x", count: 201), "title"),
    ] as [(DossierStatus, Set<OfficerRole>, String, String?)])
    func aResultIsAttachedOnlyOnceDecidedAndByItsHandlers(status: DossierStatus, roles: Set<OfficerRole>, title: String, field: String?) {
        #expect(ResultFileRules.problem(status: status, roles: roles, title: title)?.field == field)
    }
}
