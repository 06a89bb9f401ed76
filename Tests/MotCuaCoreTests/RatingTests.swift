import Testing
@testable import MotCuaCore

/// A dossier is rated once, after its result was returned.
@Suite struct RatingTests {
    @Test(arguments: [
        (DossierStatus.returned, false, "", nil), (.returned, true, "", "level"), (.done, false, "", "level"),
        (.processing, false, "", "level"), (.returned, false, String(repeating: "a", count: 1001), "comment"),
    ] as [(DossierStatus, Bool, String, String?)])
    func whenADossierMayBeRated(status: DossierStatus, rated: Bool, comment: String, field: String?) {
        #expect(Rating.problem(status: status, alreadyRated: rated, level: .satisfied, comment: comment)?.field == field)
    }
}
