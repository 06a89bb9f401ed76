import Foundation
import MotCuaTestSupport
import Testing

/// The pages in a real browser: `Tests/browser/journeys.py` drives headless Chromium (Selenium) through the real
/// `motcua serve` on the demo data (with the e-ID and population-registry simulators beside it) — a citizen finds a
/// procedure, signs in with the e-ID and files online (her residence filled in from the registry), the desk signs in (and is refused next to the
/// field when wrong), prints form 01, a specialist finds the dossier in the queue — checking labels, keyboard
/// access and contrast on every page and saving a screenshot of each under `MOTCUA_SCREENSHOTS` (printed).
/// `.ci/run` installs Chromium and Selenium and sets `MOTCUA_BROWSER_TESTS=required`; elsewhere the test runs when
/// they are installed and says so when they are not.
@Suite struct BrowserJourneyTests {
    @Test func theMainJourneysPassInHeadlessChromium() async throws {
        let required = ProcessInfo.processInfo.environment["MOTCUA_BROWSER_TESTS"] == "required"
        var available = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        if available { available = (try? await ExternalCommand.run(["python3", "-c", "import selenium"]))?.status == 0 }
        guard available else {
            #expect(!required, "Chromium, chromium-driver and selenium are required here (MOTCUA_BROWSER_TESTS=required)")
            print("Browser journeys skipped: install chromium, chromium-driver and `pip install selenium` to run them.")
            return
        }
        let location = try await TestDatabases.makeEmpty(.sqlite)
        defer { TestDatabases.removeSQLite(at: location.value) }
        let server = try await ServerProcess(database: location.value, extraArguments: ["--demo", "--sla-watch-seconds", "0"],
                                             identityProvider: true, registry: true)
        defer { server.stop() }
        let screenshots = ProcessInfo.processInfo.environment["MOTCUA_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("motcua-screenshots").path
        let script = ExternalCommand.script("Tests/browser/journeys.py")
        let result = try await ExternalCommand.run(["python3", script, "http://127.0.0.1:\(server.port)", screenshots])
        print("Browser journeys: screenshots in \(screenshots)")
        #expect(result.status == 0, "journeys.py failed:\n\(result.output)\nserver log:\n\(server.log.suffix(3000))")
        let reused = try await ExternalCommand.run(["python3", "-c", """
            import sqlite3, sys
            print(sqlite3.connect(sys.argv[1]).execute(
                "SELECT COUNT(*) FROM dossier_registry_fields f JOIN dossiers d ON d.code = f.dossier_code "
                "WHERE d.channel = 2 AND f.field = 'address'").fetchone()[0])
            """, location.value]).output
        #expect(reused.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "the online filing records its address as the registry's")
    }
}
