import Foundation
import HTTPTypes
import MotCuaCore
import MotCuaTestSupport
import Testing

/// A citizen's whole journey with the national systems as separate processes (the server, the e-ID simulator and
/// the population-registry simulator): she signs in at level 2, finds her residence filled in from the registry,
/// files a birth registration with her files, files a marital-status confirmation taking her identity document
/// from her store instead of uploading it again, and once the ward has decided, finds the result in her store.
@Suite struct CitizenJourneyEndToEndTests {
    static let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]

    static func hidden(_ name: String, in html: String) -> String {
        html.components(separatedBy: "name=\"\(name)\" value=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
    }

    @Test func signedInAtLevelTwoSheFilesReusesAStoredDocumentAndReceivesTheResultInHerStore() async throws {
        let location = try await TestDatabases.makeEmpty(.sqlite)
        defer { TestDatabases.removeSQLite(at: location.value) }
        let server = try await ServerProcess(database: location.value, extraArguments: ["--demo", "--sla-watch-seconds", "0"],
                                             identityProvider: true, registry: true)
        defer { server.stop() }
        let site = "http://127.0.0.1:\(server.port)"
        let browser = StepwiseBrowser()
        let (authorize, page) = try await CitizenSignInEndToEndTests.startSignIn(browser, server)
        let personalId = try CitizenSignInEndToEndTests.person(level: 2, in: page)
        #expect(try await browser.get(try await CitizenSignInEndToEndTests.answer(browser, authorize, personalId: personalId)).status == .found)

        func fileOnline(_ procedure: String, files: [String: (String, [UInt8])], reuse: [String: String] = [:]) async throws -> (form: String, code: String) {
            let form = try await browser.get(site + "/nop-truc-tuyen/\(procedure)").text
            var fields = ["csrf": Self.hidden("csrf", in: form), "address": Self.hidden("address", in: form), "agencyCode": "000.30.01.H26",
                          "registryFields": Self.hidden("registryFields", in: form), "step": "nop"]
            fields.merge(reuse) { $1 }
            let filed = try await browser.post(site + "/nop-truc-tuyen/\(procedure)", body: MultipartBody.encode(fields, files: files),
                                               contentType: MultipartBody.contentType)
            #expect(filed.status == .created, "\(filed.text.suffix(1200))")
            return (form, filed.text.components(separatedBy: "Mã hồ sơ: ").dropFirst().first?.components(separatedBy: "<").first ?? "")
        }
        let birth = try await fileOnline("1.001193", files: ["file-0": ("to-khai.pdf", Self.pdf), "file-1": ("chung-sinh.pdf", Self.pdf + [0x0A]),
                                                             "file-2": ("cccd.png", Self.png)])
        #expect(Self.hidden("address", in: birth.form).hasSuffix("Hà Nội") && Self.hidden("registryFields", in: birth.form) == "address",
                "her residence comes from the population registry")

        let store = try await browser.get(site + "/cong-dan/kho").text
        #expect(store.contains("Giấy tờ tùy thân có ảnh") && store.contains(birth.code), "what she filed is in her store")
        let form = try await browser.get(site + "/nop-truc-tuyen/1.004873").text
        let choice = try #require(form.components(separatedBy: #"<select id="reuse-1" name="reuse-1">"#).dropFirst().first?
            .components(separatedBy: #"<option value=""#).dropFirst(2).first?.components(separatedBy: "\"").first)
        let marital = try await fileOnline("1.004873", files: ["file-0": ("to-khai-2.pdf", Self.pdf + [0x0A, 0x0A])], reuse: ["reuse-1": choice])

        for (action, officer) in [(DossierAction.accept, "motcua.badinh"), (.forward, "motcua.badinh"), (.forward, "chuyenvien.badinh"),
                                  (.forward, "lanhdao.badinh"), (.finish, "motcua.badinh")] {
            try #require(try await server.client.act(marital.code, action, as: officer).status == .ok)
        }
        let desk = try await server.client.signIn("motcua.badinh")
        let dossierPage = try await server.client.send(.get, "/can-bo/ho-so/\(marital.code)", raw: nil, headers: [.authorization: "Bearer \(desk)"])
        let csrf = Self.hidden("csrf", in: dossierPage.text)
        let attached = try await server.client.send(
            .post, "/can-bo/ho-so/\(marital.code)/ket-qua",
            raw: MultipartBody.encode(["csrf": csrf, "title": "Giấy xác nhận tình trạng hôn nhân"], files: ["file": ("ket-qua.pdf", Self.pdf + [0x20])]),
            headers: [.authorization: "Bearer \(desk)", .contentType: MultipartBody.contentType, .cookie: "motcua_csrf=\(csrf)"])
        #expect(attached.status == .ok || attached.status == .found, "\(attached.text.suffix(800))")

        let after = try await browser.get(site + "/cong-dan/kho").text
        #expect(after.contains("Giấy xác nhận tình trạng hôn nhân") && after.contains("Kết quả giải quyết") && after.contains(marital.code),
                "the result landed in her store")
    }
}
