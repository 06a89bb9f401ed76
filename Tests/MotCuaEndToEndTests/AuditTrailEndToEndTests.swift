import Foundation
import MotCuaCore
import MotCuaTestSupport
import Testing

/// The audit trail of a real server run, checked by the command an inspector uses: the demo's accounts created,
/// sign-ins, a dossier received, accepted and opened are all in the chain, in order; `motcua audit verify` says it holds; one row edited by hand in the
/// database file and the same command names that entry and fails.
@Suite struct AuditTrailEndToEndTests {
    @Test func aHandEditedRowIsCaughtByAuditVerify() async throws {
        let location = try await TestDatabases.makeEmpty(.sqlite)
        defer { TestDatabases.removeSQLite(at: location.value) }
        let server = try await ServerProcess(database: location.value, extraArguments: ["--demo", "--sla-watch-seconds", "0"])
        let code = try await server.client.receiveDossier()
        let accepted = try await server.client.act(code, .accept, as: "motcua.badinh")
        #expect(accepted.status == .ok)
        let desk = try await server.client.signIn("motcua.badinh")
        #expect(try await server.client.send(.get, "/api/dossiers/\(code)", token: desk).status == .ok)
        server.stop()

        let motcua = try ServerProcess.executable().path
        let sound = try await ExternalCommand.run([motcua, "audit", "verify", "--database", location.value])
        #expect(sound.status == 0 && sound.output.contains("Chuỗi nhật ký nguyên vẹn"), "\(sound.output)")
        let actions = try await ExternalCommand.run(["python3", "-c", """
            import sqlite3, sys
            rows = sqlite3.connect(sys.argv[1]).execute("SELECT action FROM audit_log ORDER BY seq").fetchall()
            print(' '.join(r[0] for r in rows))
            """, location.value]).output
        let recorded: [String] = actions.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0 != "tai-khoan.tao" }
        let expected: [String] = ["dang-nhap", "ho-so.nhan-ho-so", "dang-nhap", "ho-so.tiep-nhan", "dang-nhap", "ho-so.xem"]
        #expect(recorded == expected,
                "the demo's accounts, then each sign-in, case event and view in order: \(actions)")

        let edited = try await ExternalCommand.run(["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            seq = db.execute("SELECT seq FROM audit_log WHERE action = 'ho-so.xem' ORDER BY seq LIMIT 1").fetchone()[0]
            db.execute("UPDATE audit_log SET actor = 'nguoi-khac' WHERE seq = ?", (seq,))
            db.commit()
            print(seq)
            """, location.value])
        let seq = edited.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let broken = try await ExternalCommand.run([motcua, "audit", "verify", "--database", location.value])
        #expect(broken.status == 1 && broken.output.contains("bị phá vỡ tại mục \(seq): nội dung mục số \(seq) đã bị sửa"), "\(broken.output)")
    }
}
