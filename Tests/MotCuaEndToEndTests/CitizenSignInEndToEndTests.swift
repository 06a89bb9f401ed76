import Foundation
import MotCuaTestSupport
import Testing

/// Citizens sign in with the e-ID through the protocol alone: the real server and the identity-provider simulator
/// run as separate processes, and a cookie-keeping client walks every redirect between them. A level 2 sign-in
/// opens the online form with the e-ID's identity; a level 1 account is refused for a level 2 service; the same
/// answer used twice, an answer brought by another browser, and each forged or wrong token are refused with why.
@Suite struct CitizenSignInEndToEndTests {
    static let form = "/nop-truc-tuyen/1.001193"

    /// From MotCua to the provider's sign-in page: (the page's address with its query, the page).
    static func startSignIn(_ browser: StepwiseBrowser, _ server: ServerProcess) async throws -> (String, String) {
        let site = "http://127.0.0.1:\(server.port)"
        let toForm = try await browser.get(site + form)
        #expect(toForm.status == .seeOther)
        let start = try await browser.get(site + (toForm.headers[.location] ?? ""))
        let authorize = try #require(start.headers[.location])
        #expect(start.status == .found && authorize.hasPrefix(server.identityProviderURL! + "/authorize?") && authorize.contains("acr_values=LoA2")
                && authorize.contains("code_challenge_method=S256"))
        return (authorize, try await browser.get(authorize).text)
    }

    /// Signs in at the provider as the person, optionally with a fault; the address MotCua is sent back to.
    static func answer(_ browser: StepwiseBrowser, _ authorize: String, personalId: String, fault: String = "") async throws -> String {
        let query = URLComponents(string: authorize)?.queryItems?.map { ($0.name, $0.value ?? "") } ?? []
        let back = try await browser.post(String(authorize.prefix { $0 != "?" }),
                                          form: query + [("personal_id", personalId), ("fault", fault), ("decision", "allow")])
        #expect(back.status == .found)
        return try #require(back.headers[.location])
    }

    /// Someone in the simulator's population whose account has this level.
    static func person(level: Int, in page: String) throws -> String {
        let option = try #require(page.components(separatedBy: "<option value=\"").dropFirst().first { $0.contains("tài khoản mức \(level)") })
        return String(option.prefix(12))
    }

    @Test func aCitizenSignsInAtLevelTwoAndForgedAnswersAreRefused() async throws {
        let location = try await TestDatabases.makeEmpty(.sqlite)
        defer { TestDatabases.removeSQLite(at: location.value) }
        let server = try await ServerProcess(database: location.value, extraArguments: ["--demo", "--sla-watch-seconds", "0"],
                                             identityProvider: true)
        defer { server.stop() }
        let site = "http://127.0.0.1:\(server.port)"

        let browser = StepwiseBrowser()
        let (authorize, page) = try await Self.startSignIn(browser, server)
        let levelTwo = try Self.person(level: 2, in: page)
        let callback = try await Self.answer(browser, authorize, personalId: levelTwo)
        let signedIn = try await browser.get(callback)
        #expect(signedIn.status == .found && signedIn.headers[.location] == Self.form, "back to the form it started from")
        let form = try await browser.get(site + Self.form)
        #expect(form.status == .ok && form.text.contains("value=\"\(levelTwo)\" readonly") && form.text.contains("(VNeID mức 2)"),
                "the form carries the e-ID's personal ID")
        let replayed = try await browser.get(callback)
        #expect(replayed.status == .badRequest && replayed.text.contains("Yêu cầu đăng nhập không còn hiệu lực"), "an answer works once")

        let levelOne = try Self.person(level: 1, in: page)
        let weak = StepwiseBrowser()
        let (weakAuthorize, _) = try await Self.startSignIn(weak, server)
        let tooLow = try await weak.get(try await Self.answer(weak, weakAuthorize, personalId: levelOne))
        #expect(tooLow.status == .forbidden && tooLow.text.contains("của bạn là mức 1; dịch vụ này cần tài khoản mức 2"))

        let victim = StepwiseBrowser()
        let (victimAuthorize, _) = try await Self.startSignIn(victim, server)
        let stolen = try await Self.answer(victim, victimAuthorize, personalId: levelTwo)
        let elsewhere = try await StepwiseBrowser().get(stolen)
        #expect(elsewhere.status == .badRequest, "an answer brought by a browser that did not start the sign-in is refused")

        let refusals = [("chu-ky-sai", "Chữ ký của ID token không hợp lệ."), ("sai-aud", "ID token không phát hành cho MotCua."),
                        ("het-han", "ID token đã hết hạn."), ("sai-nonce", "ID token không thuộc lần đăng nhập này (nonce sai).")]
        for (fault, reason) in refusals {
            let forged = StepwiseBrowser()
            let (forgedAuthorize, _) = try await Self.startSignIn(forged, server)
            let refused = try await forged.get(try await Self.answer(forged, forgedAuthorize, personalId: levelTwo, fault: fault))
            #expect(refused.status == .unauthorized && refused.text.contains(reason), "\(fault): \(refused.text.suffix(800))")
            #expect(forged.cookie("motcua_cong_dan", for: site) == nil, "\(fault): no session")
        }
    }
}
