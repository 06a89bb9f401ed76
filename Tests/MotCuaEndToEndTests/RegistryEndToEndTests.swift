import Foundation
import HTTPTypes
import MotCuaSimulators
import MotCuaTestSupport
import Testing

/// The desk fills an applicant in from the national population registry, a separate process reached by protocol:
/// the look-up fills name and permanent residence and says what else the registry knows; the dossier records the
/// fields that still match the registry at intake (a field corrected by hand does not count); with the registry
/// down, the look-up says so and the desk types by hand.
@Suite struct RegistryEndToEndTests {
    static let procedure = "1.004873"

    @Test func theDeskFillsAnApplicantFromTheRegistryAndTheDossierRecordsIt() async throws {
        let location = try await TestDatabases.makeEmpty(.sqlite)
        defer { TestDatabases.removeSQLite(at: location.value) }
        let server = try await ServerProcess(database: location.value, extraArguments: ["--demo", "--sla-watch-seconds", "0"], registry: true)
        defer { server.stop() }
        let person = SyntheticPopulation(size: 5000).people[7]
        let token = try await server.client.signIn("motcua.badinh")
        var officer = HTTPFields()
        officer[.authorization] = "Bearer \(token)"

        let filled = try await server.client.send(.get, "/can-bo/tiep-nhan?thu-tuc=\(Self.procedure)&tim=\(person.personalId)", raw: nil,
                                                   headers: officer)
        #expect(filled.status == .ok && filled.text.contains("Đã điền họ tên và nơi thường trú từ CSDL quốc gia về dân cư"))
        #expect(filled.text.contains("value=\"\(person.fullName)\"") && filled.text.contains(person.placeOfOrigin))
        #expect(filled.text.contains(#"name="registryFields" value="address,name""#))

        // The page's anti-forgery token, with the cookie it came with.
        let csrf = filled.text.components(separatedBy: #"name="csrf" value=""#).dropFirst().first?.components(separatedBy: "\"").first ?? ""
        func receive(name: String, submission: String) async throws -> String {
            var headers = officer
            headers[.contentType] = MultipartBody.contentType
            headers[.cookie] = "motcua_csrf=\(csrf)"
            let fields = ["csrf": csrf, "procedureCode": Self.procedure, "submission": submission,
                          "kind": "cong-dan", "name": name, "personalId": person.personalId, "address": person.permanentAddress,
                          "sets": "1", "doc-0": "1", "originals-0": "1", "doc-1": "1", "copies-1": "1", "registryFields": "address,name"]
            let response = try await server.client.send(.post, "/can-bo/tiep-nhan", raw: MultipartBody.encode(fields), headers: headers)
            // Received: the client follows the redirect to the receipt (form 01), which names the dossier.
            #expect(response.status == .ok && response.text.contains("Mã hồ sơ: "), "\(response.text.suffix(1500))")
            return response.text.components(separatedBy: "Mã hồ sơ: ").dropFirst().first?.components(separatedBy: "<").first ?? ""
        }
        let asFilled = try await receive(name: person.fullName, submission: "s1")
        let corrected = try await receive(name: person.fullName + " Hai", submission: "s2")
        let recorded = try await ExternalCommand.run(["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            for code in sys.argv[2:]:
                print(code, ','.join(r[0] for r in db.execute("SELECT field FROM dossier_registry_fields WHERE dossier_code = ? ORDER BY field", (code,))))
            """, location.value, asFilled, corrected]).output
        #expect(recorded.contains("\(asFilled) address,name") && recorded.contains("\(corrected) address\n"), "\(recorded)")

        let page = try await server.client.send(.get, "/can-bo/ho-so/\(asFilled)", raw: nil, headers: officer)
        #expect(page.text.contains("Nơi thường trú, họ tên lấy từ CSDL quốc gia về dân cư."), "the officer sees where the data came from")

        server.stopSimulator("registry")
        let down = try await server.client.send(.get, "/can-bo/tiep-nhan?thu-tuc=\(Self.procedure)&tim=\(person.personalId)", raw: nil,
                                                 headers: officer)
        #expect(down.status == .ok && down.text.contains("CSDL quốc gia về dân cư không trả lời"), "the desk is told and types by hand")
        #expect(down.text.contains("Đã điền theo hồ sơ \(corrected)"), "its own latest dossier of the person fills in instead")
    }
}
