import Foundation
import MotCuaTestSupport
import Testing

/// The fault scripts of `Benchmarks/reliability/`, short, on the built server: kill -9 under intake load, a power cut
/// of a disk whose write cache is lost, and a full disk lose nothing acknowledged; a stalled disk leaves no desk waiting;
/// backups taken under load hold a consistent moment and restore; two servers on one PostgreSQL let exactly one
/// of two conflicting transitions win, and answer one intake sent to both at once under one key alike; the fuzzer
/// finds no 5xx and no answer the specification does not allow. The full runs are in docs/RELIABILITY.md.
@Suite(.serialized) struct ReliabilityScriptTests {
    static func run(_ script: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await ExternalCommand.run(["python3", ExternalCommand.script("Benchmarks/reliability/\(script)"),
                                 "--binary", try ServerProcess.executable().path] + arguments)
    }

    @Test func killingTheServerLosesNoAcknowledgedDossier() async throws {
        let result = try await Self.run("crash-test.py", ["--kills", "3", "--clients", "8"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"integrity_check\": \"ok\""), "\(result.output)")
        #expect(!result.output.contains("\"acceptances_acknowledged\": 0,"), "some dossiers were accepted: \(result.output)")
    }

    @Test func aPowerCutLosesNoAcknowledgedDossier() async throws {
        let result = try await Self.run("crash-test.py", ["--kills", "3", "--clients", "8", "--power-cut"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"power_cuts\": 3"), "\(result.output)")
        #expect(result.output.contains("\"integrity_check\": \"ok\""), "\(result.output)")
    }

    /// The database's disk full for a moment, three times, under the desks (the model `full-disk.c`): answered 503,
    /// never 500, nothing acknowledged lost, and the same server goes on once there is space.
    @Test func aFullDiskLosesNoAcknowledgedDossierAndTheServerGoesOn() async throws {
        let result = try await Self.run("crash-test.py", ["--kills", "3", "--clients", "8", "--crash", "disk"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"disk_fills\": 3"), "\(result.output)")
        #expect(result.output.contains("\"integrity_check\": \"ok\""), "\(result.output)")
    }

    /// The database's disk not answering flushes, reads or writes for 8–10 s, twice, under the desks (the model
    /// `stalled-disk.c`), two of them attaching scans to the kept files on the same disk: every desk answered within
    /// 6 s (503 while it stalls: the server gives up on its reads, writes and files after 2 s), nothing acknowledged
    /// lost, every scan kept whole, and the same server goes on once the disk answers.
    @Test func aStalledDiskLeavesNoDeskWaitingAndLosesNothing() async throws {
        let result = try await Self.run("crash-test.py", ["--kills", "2", "--clients", "8", "--crash", "stall"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"disk_stalls\": 2"), "\(result.output)")
        #expect(result.output.contains("\"scans_kept\": ") && !result.output.contains("\"scans_kept\": 0,"), "\(result.output)")
        #expect(result.output.contains("\"integrity_check\": \"ok\""), "\(result.output)")
    }

    /// Backups taken while desks receive, two of them scanning (`backup-test.py`): each verifies, holds every dossier
    /// acknowledged before it began and none sent after it ended, with their scans; the last restores and serves.
    @Test func backupsTakenUnderLoadAreConsistentAndRestore() async throws {
        let result = try await Self.run("backup-test.py", ["--backups", "2", "--clients", "4"])
        #expect(result.status == 0 && result.output.contains("BACKUP TEST PASSED: 2 backups"), "\(result.output)")
    }

    /// The power-cut test can fail: on a disk that does not keep the log when told to flush it (what SQLite's
    /// `synchronous=NORMAL` promises), dossiers acknowledged since the last checkpoint are lost, or a checkpoint cut
    /// half-way leaves the file malformed, and the test says so.
    @Test func aDiskThatDoesNotFlushTheLogIsCaught() async throws {
        let result = try await Self.run("crash-test.py", ["--kills", "2", "--clients", "8", "--power-cut",
                                                    "--disk-ignores-flushes", "log"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("CRASH TEST FAILED: acknowledged dossier") && result.output.contains("was lost")
                    || result.output.contains("exited with 1 on start"),
                "\(result.output)")
        Self.removeKeptFolder(named: result.output)
    }

    /// A failed run keeps its folder (database, server log) for a person to look at; an expected failure need not.
    static func removeKeptFolder(named output: String) {
        guard let log = output.firstMatch(of: /\/[^\s(]*motcua-crash-[^\/]+\//) else { return }
        try? FileManager.default.removeItem(atPath: String(log.output))
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil))
    func exactlyOneOfTwoConflictingTransitionsWins() async throws {
        let result = try await Self.run("race-test.py", ["--postgres", TestDatabases.postgresURL ?? "", "--dossiers", "100",
                                                   "--double-clicks", "50"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"losers_409\": 100"), "\(result.output)")
        #expect(result.output.contains("\"double_clicks_answered_alike\": 50"), "\(result.output)")
    }

    @Test func fuzzingFindsNoServerErrorAndNothingOutsideTheSpecification() async throws {
        let required = ProcessInfo.processInfo.environment["MOTCUA_FUZZ_TESTS"] == "required"
        guard (try? await ExternalCommand.run(["python3", "-c", "import schemathesis"]).status) == 0 else {
            #expect(!required, "schemathesis is required here (MOTCUA_FUZZ_TESTS=required)")
            print("Fuzzing skipped: `pip install schemathesis` to run it.")
            return
        }
        let result = try await Self.run("fuzz.py", ["--max-examples", "5"])
        #expect(result.status == 0, "\(result.output)")
        print("Fuzzing: \(result.output.split(separator: "\n").last ?? "")")
    }
}
