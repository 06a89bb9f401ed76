import Foundation
import MotCuaTestSupport
import Testing

/// The fault scripts of `Benchmarks/reliability/`, short, on the built server: kill -9 under intake load loses
/// nothing acknowledged; two servers on one PostgreSQL let exactly one of two conflicting transitions win, and answer
/// one intake sent to both at once under one key alike; the fuzzer finds no 5xx and no answer the specification does
/// not allow. The full runs are in docs/RELIABILITY.md.
@Suite(.serialized) struct ReliabilityScriptTests {
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try ExternalCommand.run(["python3", ExternalCommand.script("Benchmarks/reliability/\(script)"),
                                 "--binary", try ServerProcess.executable().path] + arguments)
    }

    @Test func killingTheServerLosesNoAcknowledgedDossier() throws {
        let result = try Self.run("crash-test.py", ["--kills", "3", "--clients", "8"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"integrity_check\": \"ok\""), "\(result.output)")
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil))
    func exactlyOneOfTwoConflictingTransitionsWins() throws {
        let result = try Self.run("race-test.py", ["--postgres", TestDatabases.postgresURL ?? "", "--dossiers", "100",
                                                   "--double-clicks", "50"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"losers_409\": 100"), "\(result.output)")
        #expect(result.output.contains("\"double_clicks_answered_alike\": 50"), "\(result.output)")
    }

    @Test func fuzzingFindsNoServerErrorAndNothingOutsideTheSpecification() throws {
        let required = ProcessInfo.processInfo.environment["MOTCUA_FUZZ_TESTS"] == "required"
        guard (try? ExternalCommand.run(["python3", "-c", "import schemathesis"]).status) == 0 else {
            #expect(!required, "schemathesis is required here (MOTCUA_FUZZ_TESTS=required)")
            print("Fuzzing skipped: `pip install schemathesis` to run it.")
            return
        }
        let result = try Self.run("fuzz.py", ["--max-examples", "5"])
        #expect(result.status == 0, "\(result.output)")
        print("Fuzzing: \(result.output.split(separator: "\n").last ?? "")")
    }
}
