import Foundation
import MotCuaTestSupport
import Testing

/// The real `motcua serve` process, over real HTTP, on each engine: the demo starts, a dossier goes from intake to
/// result through a supplement request and an extension, and everything acknowledged survives a kill -9.
@Suite(.serialized) struct ServeEndToEndTests {
    @Test(arguments: TestEngine.available)
    func aDossierReachesItsResultAndSurvivesAKill(engine: TestEngine) async throws {
        try await TestDatabases.withEmpty(engine) { location in
            let outcome = try await Self.runJourneyThenKill(database: location)
            try await Self.checkAfterRestart(database: location, outcome: outcome)
        }
    }

    static func runJourneyThenKill(database: String) async throws -> LifecycleJourney.Outcome {
        let server = try await ServerProcess(database: database, extraArguments: ["--demo"])
        defer { server.kill() }
        #expect(server.log.contains("motcua.badinh"), "the demo accounts are printed")
        return try await LifecycleJourney(client: server.client).run()
    }

    static func checkAfterRestart(database: String, outcome: LifecycleJourney.Outcome) async throws {
        let server = try await ServerProcess(database: database, extraArguments: ["--demo"])
        defer { server.stop() }
        #expect(server.log.contains("không nạp lại"), "a second --demo leaves the data alone")
        let client = server.client
        let desk = try await client.signIn("motcua.badinh")
        let dossier = try await client.send(.get, "/api/dossiers/\(outcome.code)", token: desk)
        #expect(dossier.json["status"] as? Int == 10)
        #expect(dossier.json["version"] as? Int == outcome.dossier["version"] as? Int)
        let events = try await client.send(.get, "/api/dossiers/\(outcome.code)/events", token: desk).jsonArray
        #expect(events.count == outcome.events.count)
        #expect(events.map { $0["at"] as? String } == outcome.events.map { $0["at"] as? String })
    }
}
