import Foundation
import HTTPTypes
import MotCuaTestSupport
import Testing

/// Sao lưu, as an operator does it: `motcua backup create` while the server receives, `backup verify`, and `backup
/// restore` into a new place a second server runs on — the dossier received before the backup is there with its
/// scan, the one received after is not. A backup into a folder that exists, and a restore onto a database that
/// exists, are refused; a backup whose kept file or database was changed is named by `verify` and not restored.
@Suite struct BackupEndToEndTests {
    static let scan = Array("%PDF-1.4\n% to khai sao luu\n%%EOF\n".utf8)

    @Test func aBackupTakenWhileTheServerRunsIsCheckedAndRestoredWithItsScans() async throws {
        let location = try await TestDatabases.makeEmpty(.sqlite)
        defer { TestDatabases.removeSQLite(at: location.value) }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-sao-luu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let motcua = try ServerProcess.executable().path
        let backup = work.appendingPathComponent("sao-luu").path

        let server = try await ServerProcess(database: location.value, extraArguments: ["--demo", "--sla-watch-seconds", "0"])
        defer { server.stop() }
        let before = try await Self.receiveWithScan(on: server)
        let created = try await ExternalCommand.run([motcua, "backup", "create", "--database", location.value, "--to", backup])
        #expect(created.status == 0 && created.output.contains("Đã sao lưu vào \(backup)") && created.output.contains("1 hồ sơ")
                && created.output.contains("1 tệp"), "\(created.output)")
        let after = try await server.client.receiveDossier()
        let again = try await ExternalCommand.run([motcua, "backup", "create", "--database", location.value, "--to", backup])
        #expect(again.status != 0 && again.output.contains("--to: \(backup) đã có"), "\(again.output)")
        server.stop()

        let verified = try await ExternalCommand.run([motcua, "backup", "verify", backup])
        #expect(verified.status == 0 && verified.output.contains("Bản sao lưu nguyên vẹn"), "\(verified.output)")
        let onto = try await ExternalCommand.run([motcua, "backup", "restore", backup, "--database", location.value])
        #expect(onto.status != 0 && onto.output.contains("--database: \(location.value) đã có"), "\(onto.output)")

        let restored = work.appendingPathComponent("khoi-phuc.sqlite").path
        let restore = try await ExternalCommand.run([motcua, "backup", "restore", backup, "--database", restored])
        #expect(restore.status == 0 && restore.output.contains("Đã khôi phục vào \(restored)"), "\(restore.output)")
        let second = try await ServerProcess(database: restored, extraArguments: ["--sla-watch-seconds", "0"])
        defer { second.stop() }
        let token = try await second.client.signIn("motcua.badinh")
        #expect(try await second.client.send(.get, "/api/dossiers/\(before)", token: token).status == .ok, "received before: restored")
        #expect(try await second.client.send(.get, "/api/dossiers/\(after)", token: token).status == .notFound, "received after: not in it")
        let file = try await second.client.send(.get, "/can-bo/ho-so/\(before)/tep/0", token: token)
        #expect(file.status == .ok && Array(file.body) == Self.scan, "the scan comes back whole")
        second.stop()

        // A kept file changed in the backup: named, and the backup is not restored.
        let files = work.appendingPathComponent("sao-luu/tep")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: files.path).first)
        try Data("%PDF-1.4\n% sua\n".utf8).write(to: files.appendingPathComponent(name))
        let damaged = try await ExternalCommand.run([motcua, "backup", "verify", backup])
        #expect(damaged.status == 1 && damaged.output.contains("tệp \(name) thiếu hoặc hỏng trong bản sao lưu"), "\(damaged.output)")
        let elsewhere = work.appendingPathComponent("khac.sqlite").path
        let refused = try await ExternalCommand.run([motcua, "backup", "restore", backup, "--database", elsewhere])
        #expect(refused.status != 0 && refused.output.contains("không nguyên vẹn, không khôi phục")
                && !FileManager.default.fileExists(atPath: elsewhere), "\(refused.output)")

        // The database cut short.
        let database = try FileHandle(forUpdating: URL(fileURLWithPath: backup + "/motcua.sqlite"))
        try database.truncate(atOffset: 4096)
        try database.close()
        let cut = try await ExternalCommand.run([motcua, "backup", "verify", backup])
        #expect(cut.status == 1 && cut.output.contains("tệp motcua.sqlite thiếu, hoặc khác kích thước hay mã SHA-256"), "\(cut.output)")
    }

    /// Receives a dossier through the desk's page with the scan of its first document attached; its code.
    static func receiveWithScan(on server: ServerProcess) async throws -> String {
        let token = try await server.client.signIn("motcua.badinh")
        let page = try await server.client.send(.get, "/can-bo/tiep-nhan?thu-tuc=1.004873", raw: nil, headers: [.authorization: "Bearer \(token)"])
        let csrf = page.text.components(separatedBy: #"name="csrf" value=""#).dropFirst().first?.components(separatedBy: "\"").first ?? ""
        let fields = ["csrf": csrf, "submission": UUID().uuidString, "procedureCode": "1.004873", "sets": "1", "kind": "cong-dan",
                      "name": "Nguyễn Văn Sao", "personalId": "001090012345", "address": "Số 1 phố Đội Cấn, phường Ba Đình",
                      "request": "Xác nhận tình trạng hôn nhân", "doc-0": "on", "originals-0": "1", "copies-0": "0"]
        let response = try await server.client.send(.post, "/can-bo/tiep-nhan", raw: MultipartBody.encode(fields, files: ["scan-0": ("to-khai.pdf", scan)]),
                                                    headers: [.authorization: "Bearer \(token)", .contentType: MultipartBody.contentType,
                                                              .cookie: "motcua_csrf=\(csrf)"])
        let code = response.text.components(separatedBy: "Mã hồ sơ: ").dropFirst().first?.components(separatedBy: "<").first ?? ""
        try #require(response.status == .ok && !code.isEmpty, "\(response.text.suffix(1200))")
        return code
    }
}
